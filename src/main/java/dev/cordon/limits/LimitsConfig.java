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

    /** Tokens (prompt + completion, as the provider reports them) per minute for one API key. */
    @WithDefault("0")
    int keyTokensPerMinute();

    /** Tokens per minute for all keys of one tenant together. */
    @WithDefault("0")
    int tenantTokensPerMinute();

    /** Tokens one tenant may use per calendar month (UTC); beyond it requests get 429 insufficient_quota. */
    @WithDefault("0")
    long tenantMonthlyTokens();

    /** Share of the monthly budget at which an alert is raised once (log event and metric). */
    @WithDefault("80")
    int budgetAlertPercent();
}
