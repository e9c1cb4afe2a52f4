package dev.cordon.phi;

import java.util.List;

/**
 * Finds PHI in free text. Implementations are immutable after construction and thread-safe.
 * {@code text} must not be null. Returns non-overlapping findings at or above the analyzer's
 * threshold, sorted by start offset. Exceptions propagate (fail closed).
 */
public interface PhiAnalyzer {
    List<Finding> analyze(String text);
}
