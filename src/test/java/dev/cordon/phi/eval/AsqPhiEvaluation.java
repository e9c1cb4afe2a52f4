package dev.cordon.phi.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.phi.Finding;
import dev.cordon.phi.PhiAnalyzer;
import dev.cordon.phi.PhiEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recall / precision / over-redaction of the default analyzer on the ASQ-PHI development split.
 *
 * <p>Data: ASQ-PHI, Adversarial Synthetic Queries for Protected Health Information (MIT licence),
 * Weatherhead, Golovko &amp; McCaffrey (2026), Data in Brief 65, 112586,
 * doi:10.1016/j.dib.2026.112586. Fully synthetic; the file is read from the shared data folder and
 * never copied into this repository. The engine's rules are general and are not built from it.
 *
 * <p>A gold value counts as caught when any finding overlaps it. Precision counts findings that
 * overlap some gold span among all findings on PHI-bearing queries. Over-redaction is the share of
 * PHI-free queries with any finding. Floors sit just under the measured values (regression guard).
 */
@Tag("eval")
class AsqPhiEvaluation {

    static final String RELATIVE = "shared/data/asq-phi-dev/queries.jsonl";
    static final double RECALL_FLOOR = 0.994;
    static final double PRECISION_FLOOR = 0.99;
    static final double OVER_REDACTION_CEILING = 0.03;

    @Test
    void defaultAnalyzerMeetsRecallAndOverRedactionTargetsOnTheDevSet() throws IOException {
        Optional<Path> path = locate();
        Assumptions.assumeTrue(path.isPresent(), "ASQ-PHI dev set not found; skipping evaluation");
        EvalCounts c = evaluate(PhiEngines.defaultAnalyzer(), Files.readAllLines(path.get(), StandardCharsets.UTF_8));
        c.print(System.out);
        assertTrue(c.recall() >= RECALL_FLOOR, "recall " + c.recall());
        assertTrue(c.precision() >= PRECISION_FLOOR, "precision " + c.precision());
        assertTrue(c.overRedaction() <= OVER_REDACTION_CEILING, "over-redaction " + c.overRedaction());
    }

    static EvalCounts evaluate(PhiAnalyzer analyzer, List<String> lines) throws IOException {
        ObjectMapper json = new ObjectMapper();
        EvalCounts c = new EvalCounts();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = json.readTree(line);
            String text = q.get("text").asText();
            List<Finding> findings = analyzer.analyze(text);
            c.add(q.get("id").asText(), text, q.get("phi"), findings);
        }
        return c;
    }

    /** System property {@code cordon.asq.path}, else walk up from user.dir. */
    static Optional<Path> locate() {
        String prop = System.getProperty("cordon.asq.path");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Map<String, int[]> sortedCopy(Map<String, int[]> m) {
        return new TreeMap<>(m);
    }
}
