package dev.cordon.phi.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.phi.Finding;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates the evaluation counters. Not thread-safe. */
final class EvalCounts {

    int gold;
    int caught;
    int nullOffsets;
    int findingsOnPhi;
    int findingsOverlappingGold;
    int phiFreeQueries;
    int phiFreeFlagged;
    final Map<String, int[]> perType = new TreeMap<>();
    /** Printed misses help development; the dev set is synthetic, so this prints no real PHI. */
    final StringBuilder misses = new StringBuilder();
    final StringBuilder overRedacted = new StringBuilder();

    void add(String id, String text, JsonNode phi, List<Finding> findings) {
        if (phi.isEmpty()) {
            phiFreeQueries++;
            if (!findings.isEmpty()) {
                phiFreeFlagged++;
                Finding f = findings.get(0);
                overRedacted.append(id).append(' ').append(f.type()).append(" '")
                        .append(text, f.start(), f.end()).append("'\n");
            }
            return;
        }
        for (JsonNode g : phi) {
            if (g.get("start").isNull() || g.get("end").isNull()) {
                nullOffsets++;
                continue;
            }
            int s = g.get("start").asInt();
            int e = g.get("end").asInt();
            String type = g.get("type").asText();
            int[] t = perType.computeIfAbsent(type, k -> new int[2]);
            gold++;
            t[0]++;
            if (findings.stream().anyMatch(f -> f.start() < e && s < f.end())) {
                caught++;
                t[1]++;
            } else {
                misses.append(id).append(' ').append(type).append(" '").append(text, s, e).append("' in: ")
                        .append(text, Math.max(0, s - 40), Math.min(text.length(), e + 20)).append('\n');
            }
        }
        for (Finding f : findings) {
            findingsOnPhi++;
            boolean hit = false;
            for (JsonNode g : phi) {
                if (!g.get("start").isNull() && f.start() < g.get("end").asInt() && g.get("start").asInt() < f.end()) {
                    hit = true;
                }
            }
            findingsOverlappingGold += hit ? 1 : 0;
        }
    }

    double recall() {
        return gold == 0 ? 1.0 : (double) caught / gold;
    }

    double precision() {
        return findingsOnPhi == 0 ? 1.0 : (double) findingsOverlappingGold / findingsOnPhi;
    }

    double overRedaction() {
        return phiFreeQueries == 0 ? 0.0 : (double) phiFreeFlagged / phiFreeQueries;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "ASQ-PHI dev: recall %.4f (%d/%d, %d gold values without offsets skipped)%n",
                recall(), caught, gold, nullOffsets);
        perType.forEach((type, t) -> out.printf(Locale.ROOT, "  %-32s %.4f (%d/%d)%n", type, (double) t[1] / t[0], t[1], t[0]));
        out.printf(Locale.ROOT, "precision %.4f (%d/%d findings on PHI-bearing queries overlap gold)%n",
                precision(), findingsOverlappingGold, findingsOnPhi);
        out.printf(Locale.ROOT, "over-redaction %.4f (%d/%d PHI-free queries with any finding)%n",
                overRedaction(), phiFreeFlagged, phiFreeQueries);
        if (Boolean.getBoolean("cordon.eval.verbose")) {
            out.println("MISSES:\n" + misses + "OVER-REDACTED:\n" + overRedacted);
        }
    }
}
