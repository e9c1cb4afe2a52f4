package dev.cordon.phi;

import java.util.Map;

/**
 * What the PHI stage did to a request, for routing and audit: whether what leaves the gateway is
 * de-identified, how many identifiers of each type were found and what was done with each type
 * (counts and action names only, never values).
 */
public record PhiOutcome(boolean deidentified, Map<String, Integer> countsByType, Map<String, String> actionsByType) {

    public PhiOutcome {
        countsByType = Map.copyOf(countsByType);
        actionsByType = Map.copyOf(actionsByType);
    }

    /** The outcome when nothing was inspected: the content must be treated as identified. */
    public static PhiOutcome notInspected() {
        return new PhiOutcome(false, Map.of(), Map.of());
    }
}
