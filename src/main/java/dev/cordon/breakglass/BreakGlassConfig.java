package dev.cordon.breakglass;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Break-glass settings: {@code cordon.break-glass.*}. */
@ConfigMapping(prefix = "cordon.break-glass")
public interface BreakGlassConfig {

    /** How long an approved grant lasts when the request names no lifetime. */
    @WithDefault("60m")
    Duration defaultLifetime();

    /** The longest lifetime a request may ask for; longer requests are refused with a 400. */
    @WithDefault("4h")
    Duration maxLifetime();

    /** How long a request waits for approval before it lapses and must be made again. */
    @WithDefault("30m")
    Duration approvalWindow();

    /** Fewest characters a justification must have; a one-word reason is not a justification. */
    @WithDefault("20")
    int minJustificationLength();

    /** Optional URL that receives a JSON POST (ids and counts only, no PHI) on every approval and use. */
    Optional<String> webhookUrl();
}
