package dev.cordon.phi;

import java.util.Map;

/**
 * What the PHI stage did to a request, for routing and audit: whether what leaves the gateway is
 * de-identified, and how many identifiers of each type were acted on (counts only, never values).
 */
public record PhiOutcome(boolean deidentified, Map<String, Integer> countsByType) {

    public PhiOutcome {
        countsByType = Map.copyOf(countsByType);
    }

    /** The outcome when nothing was inspected: the content must be treated as identified. */
    public static PhiOutcome notInspected() {
        return new PhiOutcome(false, Map.of());
    }
}
