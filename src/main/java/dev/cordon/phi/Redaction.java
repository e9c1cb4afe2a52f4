package dev.cordon.phi;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of redacting one text. {@code counts} holds, per type, the findings that were
 * tokenized, masked or blocked (allowed ones are not counted); {@code findings} holds every finding
 * the analyzer reported. Immutable (collections are copied) and thread-safe; no component is null.
 */
public record Redaction(String text, Map<PhiType, Integer> counts, Set<PhiType> blockedTypes,
                        List<Finding> findings) {

    public Redaction {
        java.util.Objects.requireNonNull(text, "text");
        counts = Map.copyOf(counts);
        blockedTypes = Set.copyOf(blockedTypes);
        findings = List.copyOf(findings);
    }

    public boolean blocked() {
        return !blockedTypes.isEmpty();
    }
}
