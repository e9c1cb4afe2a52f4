package dev.cordon.phi;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a {@link PhiPolicy} to the findings of a {@link PhiAnalyzer}. Thread-safe when the
 * analyzer is; the vault passed in is per request and is mutated. Arguments must not be null.
 * BLOCK findings are tokenized as well, so a caller that ignores the block still leaks nothing.
 */
public final class Redactor {

    private final PhiAnalyzer analyzer;

    public Redactor(PhiAnalyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    public Redaction redact(String text, PhiPolicy policy, TokenVault vault) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(vault, "vault");
        List<Finding> findings = analyzer.analyze(text);
        Map<PhiType, Integer> counts = new EnumMap<>(PhiType.class);
        Set<PhiType> blocked = EnumSet.noneOf(PhiType.class);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        for (Finding f : findings) {
            PhiAction action = policy.actionFor(f.type());
            if (action == PhiAction.ALLOW) {
                continue;
            }
            counts.merge(f.type(), 1, Integer::sum);
            if (action == PhiAction.BLOCK) {
                blocked.add(f.type());
            }
            out.append(text, copied, f.start()).append(replacement(text, f, action, vault));
            copied = f.end();
        }
        out.append(text, copied, text.length());
        return new Redaction(out.toString(), counts, blocked, findings);
    }

    private static String replacement(String text, Finding f, PhiAction action, TokenVault vault) {
        if (action == PhiAction.MASK) {
            return "[" + f.type().name() + "]";
        }
        return vault.tokenFor(f.type(), text.substring(f.start(), f.end()));
    }
}
