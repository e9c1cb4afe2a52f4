package dev.cordon.tenancy;

import java.util.Map;

/**
 * A tenant's PHI rules as stored: action names by identifier type, a default, and overrides by
 * purpose of use (TREATMENT, RESEARCH, ...). Plain strings, validated by the admin API and
 * resolved by the PHI stage. Immutable; {@code defaultAction} may be null (gateway default).
 */
public record PhiRules(String defaultAction, Map<String, String> actions, Map<String, PhiRules> byPurpose) {

    public static final PhiRules NONE = new PhiRules(null, Map.of(), Map.of());

    public PhiRules {
        actions = Map.copyOf(actions);
        byPurpose = Map.copyOf(byPurpose);
    }

    /** The rules for a purpose: its override when one exists, else these. */
    public PhiRules forPurpose(String purpose) {
        return purpose == null ? this : byPurpose.getOrDefault(purpose, this);
    }
}
