package dev.cordon.phi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.phi.Finding;
import dev.cordon.phi.PhiAnalyzer;
import dev.cordon.phi.PhiEngines;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Batch PHI detection without any service: {@code analyze --input IN.jsonl --output OUT.jsonl}.
 * Each input line is {@code {"id": "...", "text": "..."}}; each output line is one finding
 * {@code {"id","start","end","type","score"}}. Exit codes: 0 ok, 2 usage error, 1 I/O or data
 * error. Messages name lines and files, never text content. Stateless; safe to call repeatedly.
 */
public final class PhiCli {

    public static final int OK = 0;
    public static final int IO_ERROR = 1;
    public static final int USAGE = 2;
    static final String USAGE_TEXT = "usage: phi analyze --input IN.jsonl --output OUT.jsonl\n"
            + "  reads {\"id\",\"text\"} per line, writes one {\"id\",\"start\",\"end\",\"type\",\"score\"} per finding";

    private PhiCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliArgs parsed = CliArgs.parse(args);
        if (parsed == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            int[] counts = analyze(parsed.input(), parsed.output(), PhiEngines.defaultAnalyzer());
            out.println("analyzed " + counts[0] + " texts, wrote " + counts[1] + " findings to " + parsed.output());
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("phi analyze failed: " + e.getClass().getSimpleName()
                    + (e instanceof IOException ? " " + e.getMessage() : ""));
            return IO_ERROR;
        }
    }

    private static int[] analyze(Path input, Path output, PhiAnalyzer analyzer) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int texts = 0;
        int findings = 0;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(json, line, lineNo);
                if (node == null || !node.hasNonNull("text") || !node.hasNonNull("id")) {
                    throw new IOException("line " + lineNo + ": expected an object with \"id\" and \"text\"");
                }
                String id = node.get("id").asText();
                for (Finding f : analyzer.analyze(node.get("text").asText())) {
                    w.write(json.writeValueAsString(row(json, id, f)));
                    w.newLine();
                    findings++;
                }
                texts++;
            }
        }
        return new int[] {texts, findings};
    }

    /** Jackson's own messages quote the input, which may be PHI: report the line number only. */
    private static JsonNode parse(ObjectMapper json, String line, int lineNo) throws IOException {
        try {
            return json.readTree(line);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("line " + lineNo + ": not valid JSON");
        }
    }

    private static ObjectNode row(ObjectMapper json, String id, Finding f) {
        ObjectNode row = json.createObjectNode();
        row.put("id", id);
        row.put("start", f.start());
        row.put("end", f.end());
        row.put("type", f.type().name());
        row.put("score", Math.round(f.score() * 1000) / 1000.0);
        return row;
    }

    /** Parsed command line; null from {@link #parse} means a usage error. */
    record CliArgs(Path input, Path output) {
        static CliArgs parse(String[] args) {
            if (args == null) {
                return null;
            }
            int i = args.length > 0 && args[0].equals("phi") ? 1 : 0;
            if (args.length - i != 5 || !args[i].equals("analyze")) {
                return null;
            }
            Path in = null;
            Path out = null;
            for (int k = i + 1; k + 1 < args.length; k += 2) {
                switch (args[k]) {
                    case "--input" -> in = Path.of(args[k + 1]);
                    case "--output" -> out = Path.of(args[k + 1]);
                    default -> {
                        return null;
                    }
                }
            }
            return in == null || out == null ? null : new CliArgs(in, out);
        }
    }
}
