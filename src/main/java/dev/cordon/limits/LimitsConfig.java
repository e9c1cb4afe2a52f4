package dev.cordon.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request rate limits, enforced in Redis so every instance shares one count. 0 disables a limit. */
@ConfigMapping(prefix = "cordon.limits")
public interface LimitsConfig {

    /** Requests per minute one API key may make (token bucket; bursts up to the same number). */
    @WithDefault("0")
    int keyRequestsPerMinute();

    /** Requests per minute all keys of one tenant may make together. */
    @WithDefault("0")
    int tenantRequestsPerMinute();
}
