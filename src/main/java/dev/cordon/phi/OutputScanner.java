package dev.cordon.phi;

import dev.cordon.pipeline.Reply;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Looks for identifiers in a model's answer that the caller did not send — values no token of
 * this request stands for — and counts or masks them. Only complete answers are scanned: a
 * stream would have to be held back whole, which Cordon refuses to do. Stateless; thread-safe.
 */
final class OutputScanner {

    /** The scanned answer and what was found, per type (counts only). */
    record Result(Reply.ChatResult answer, Map<String, Integer> unsentByType) {}

    private final PhiAnalyzer analyzer;

    OutputScanner(PhiAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    Result scan(Reply.ChatResult answer, TokenVault vault, boolean mask) {
        if (answer.content() == null || answer.content().isEmpty()) {
            return new Result(answer, Map.of());
        }
        String content = answer.content();
        List<Finding> findings = analyzer.analyze(content);
        Map<String, Integer> unsent = new TreeMap<>();
        StringBuilder out = new StringBuilder(content.length());
        int at = 0;
        for (Finding f : findings) {
            if (vault.holdsValue(content.substring(f.start(), f.end()))) {
                continue;
            }
            unsent.merge(f.type().name(), 1, Integer::sum);
            if (mask) {
                out.append(content, at, f.start()).append('[').append(f.type().name()).append(']');
                at = f.end();
            }
        }
        if (!mask || unsent.isEmpty()) {
            return new Result(answer, unsent);
        }
        out.append(content, at, content.length());
        return new Result(new Reply.ChatResult(out.toString(), answer.toolCalls(), answer.finishReason(), answer.usage()), unsent);
    }
}
