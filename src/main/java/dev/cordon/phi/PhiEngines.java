package dev.cordon.phi;

import dev.cordon.phi.recognizers.Recognizers;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Entry point for building analyzers. All analyzers are immutable and thread-safe; the default one
 * is built once (name dictionaries included) on first use and then shared.
 */
public final class PhiEngines {

    /** Findings scoring below this are dropped by the default analyzer. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private PhiEngines() {
    }

    public static PhiAnalyzer defaultAnalyzer() {
        return DefaultHolder.INSTANCE;
    }

    /** An analyzer restricted to {@code enabled} types (not null, may be empty). */
    public static PhiAnalyzer analyzer(Set<PhiType> enabled, double threshold) {
        Objects.requireNonNull(enabled, "enabled");
        if (threshold < 0.0 || threshold > 1.0) {
            throw new IllegalArgumentException("threshold must be within [0,1]");
        }
        Set<PhiType> types = enabled.isEmpty() ? EnumSet.noneOf(PhiType.class) : EnumSet.copyOf(enabled);
        List<PhiRecognizer> selected = Recognizers.all().stream().filter(r -> types.contains(r.type())).toList();
        return new NormalizingAnalyzer(new DefaultPhiAnalyzer(selected, threshold));
    }

    private static final class DefaultHolder {
        static final PhiAnalyzer INSTANCE = analyzer(EnumSet.allOf(PhiType.class), DEFAULT_THRESHOLD);
    }
}
