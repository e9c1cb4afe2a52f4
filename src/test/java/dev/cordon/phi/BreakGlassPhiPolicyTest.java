package dev.cordon.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.routing.BaaStatus;
import dev.cordon.tenancy.PhiRules;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A break-glass PHI unblock turns the tenant's blocks into tokens and never touches the operator's blocks. */
class BreakGlassPhiPolicyTest {

    private final PhiPolicies policies = new PhiPolicies(config());

    @ParameterizedTest(name = "{0}, break-glass={1} → {2}")
    @CsvSource({
        "SOCIAL_SECURITY_NUMBER, false, BLOCK",     // the tenant blocks it
        "SOCIAL_SECURITY_NUMBER, true, TOKENIZE",   // unblocked into a token, never sent in the clear
        "BIOMETRIC_IDENTIFIER, true, BLOCK",        // the operator's covered-action block holds
        "VEHICLE_IDENTIFIER, true, BLOCK",          // the operator's block-types hold
        "DATE, true, ALLOW"                         // what was allowed stays allowed
    })
    void onlyTheTenantsOwnBlocksAreLifted(PhiType type, boolean breakGlass, PhiAction expected) {
        PhiRules tenant = new PhiRules(null, Map.of("SOCIAL_SECURITY_NUMBER", "block", "DATE", "allow"), Map.of());

        PhiPolicy policy = policies.resolve(BaaStatus.COVERED, tenant, null, breakGlass);

        assertThat(policy.actionFor(type)).isEqualTo(expected);
    }

    private static PhiConfig config() {
        return new PhiConfig() {
            public double threshold() { return 0.5; }
            public PhiAction coveredDefaultAction() { return PhiAction.TOKENIZE; }
            public Map<String, PhiAction> coveredActions() { return Map.of("BIOMETRIC_IDENTIFIER", PhiAction.BLOCK); }
            public Set<String> blockTypes() { return Set.of("VEHICLE_IDENTIFIER"); }
            public OutputScan outputScan() { return OutputScan.OFF; }
            public int inlineCharacters() { return 0; }
        };
    }
}
