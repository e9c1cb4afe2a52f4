package dev.cordon.phi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhiCliTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PhiCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void analyzeWritesOneJsonLinePerFinding() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path outFile = dir.resolve("out.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"Mr. James T. seen May 30th, 2022\"}\n\n{\"id\":\"b\",\"text\":\"metformin 500 mg\"}\n");
        assertEquals(PhiCli.OK, run("analyze", "--input", in.toString(), "--output", outFile.toString()));
        List<String> lines = Files.readAllLines(outFile);
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("a", first.get("id").asText());
        assertEquals("NAME", first.get("type").asText());
        assertEquals(0, first.get("start").asInt());
        assertTrue(first.get("score").asDouble() >= 0.5);
    }

    @Test
    void aLeadingPhiWordIsAccepted() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"a\",\"text\":\"none\"}\n");
        assertEquals(PhiCli.OK, run("phi", "analyze", "--input", in.toString(), "--output", dir.resolve("o").toString()));
    }

    @Test
    void wrongArgumentsPrintUsageAndExitWithTwo() {
        assertEquals(PhiCli.USAGE, run("analyze", "--input", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
        assertEquals(PhiCli.USAGE, run());
    }

    @Test
    void aMissingInputFileExitsWithOne() {
        assertEquals(PhiCli.IO_ERROR, run("analyze", "--input", dir.resolve("nope").toString(), "--output",
                dir.resolve("o").toString()));
    }

    @Test
    void invalidJsonIsReportedByLineWithoutEchoingTheText() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"a\",\"text\":\"John Smith\"\n");
        assertEquals(PhiCli.IO_ERROR, run("analyze", "--input", in.toString(), "--output", dir.resolve("o").toString()));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("John"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 1"));
    }
}
