package dev.cordon.phi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Set;

/**
 * How the gateway treats PHI. Requests to providers without a BAA are always fully tokenized; for
 * covered and self-hosted providers the operator chooses per identifier type (minimum necessary).
 */
@ConfigMapping(prefix = "cordon.phi")
public interface PhiConfig {

    /** Findings scoring below this are ignored (0..1). Lower finds more and redacts more. */
    @WithDefault("0.5")
    double threshold();

    /** Action for providers with {@code baa=covered|self-hosted} where no per-type action is set: tokenize, mask, allow or block. */
    @WithDefault("tokenize")
    PhiAction coveredDefaultAction();

    /**
     * Per-type actions for covered/self-hosted providers, e.g. {@code cordon.phi.covered-actions.DATE=allow}.
     * Keys are {@link PhiType} names.
     */
    Map<String, PhiAction> coveredActions();

    /** Types that refuse the request (400 naming the type, never the value) whatever the provider. */
    @WithDefault("BIOMETRIC_IDENTIFIER")
    Set<String> blockTypes();

    /**
     * Scanning of non-streamed answers for identifiers the caller did not send (a model recalling or
     * inventing PHI): {@code off}, {@code flag} (count them in the audit record) or {@code mask}
     * (also replace them by {@code [TYPE]} before the caller sees the answer).
     */
    @WithDefault("off")
    OutputScan outputScan();

    enum OutputScan { OFF, FLAG, MASK }

    /** Requests with more characters than this are analysed on a worker thread instead of the event loop. */
    @WithDefault("16384")
    int inlineCharacters();
}
