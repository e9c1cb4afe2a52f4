package dev.cordon.phi;

import java.util.List;
import java.util.Set;

/**
 * Detects one identifier type. Implementations are immutable and thread-safe; they keep no
 * per-call state. {@code text} is never null. Any exception thrown is a bug or resource failure
 * and must propagate: the gateway then fails closed rather than letting PHI through. Exception
 * messages must never contain text from the input.
 */
public interface PhiRecognizer {

    /** Stable identifier, used in findings and metrics. */
    String id();

    PhiType type();

    /** Findings in any order, offsets relative to {@code text}; scores before context boosting. */
    List<Finding> recognize(CharSequence text);

    /**
     * Lower-case cue words that make a nearby finding of this recognizer more likely
     * (applied by the separate context enhancer, not by the recognizer itself).
     */
    default Set<String> contextWords() {
        return Set.of();
    }
}
