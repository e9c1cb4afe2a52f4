package dev.cordon.limits;

import dev.cordon.identity.Principal;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.ResponseHeaders;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.TenancyConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Charges each authenticated request to its key's and tenant's buckets; over the limit is a 429
 * with OpenAI's {@code x-ratelimit-*-requests} headers. If Redis cannot answer, the request is
 * refused with 503 (fail closed) — limits are a safeguard, not a hint.
 */
@ApplicationScoped
@Identifier("limits")
class LimitStage implements Stage {

    private static final Logger LOGGER = Logger.getLogger(LimitStage.class);

    private final RateLimits limits;
    private final LimitsConfig config;
    private final String prefix;

    LimitStage(RateLimits limits, LimitsConfig config, TenancyConfig tenancy) {
        this.limits = limits;
        this.config = config;
        this.prefix = tenancy.redisKeyPrefix() + "limits:";
    }

    @Override
    public String name() {
        return "limits";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        if (config.keyRequestsPerMinute() <= 0 && config.tenantRequestsPerMinute() <= 0) {
            return Uni.createFrom().item(StageOutcome.CONTINUE);
        }
        Principal principal = exchange.require(Principal.class);
        return limits.take(prefix + "key:" + principal.actor(), config.keyRequestsPerMinute(),
                        prefix + "tenant:" + principal.tenantId(), config.tenantRequestsPerMinute())
                .map(decision -> decide(exchange, decision))
                .onFailure().recoverWithItem(t -> {
                    LOGGER.errorf("rate limit check failed: request_id=%s error=%s", exchange.requestId(), SafeThrowables.describe(t));
                    return StageOutcome.reject(new GatewayError.Unavailable(
                            "Rate limiting is temporarily unavailable; the request was refused.", "limits_unavailable"));
                });
    }

    private static StageOutcome decide(Exchange exchange, RateLimits.Decision d) {
        if (d.limit() > 0) {
            ResponseHeaders headers = exchange.get(ResponseHeaders.class).orElseGet(ResponseHeaders::new);
            headers.put("x-ratelimit-limit-requests", Integer.toString(d.limit()));
            headers.put("x-ratelimit-remaining-requests", Integer.toString(d.remaining()));
            headers.put("x-ratelimit-reset-requests", duration(d.resetMillis()));
            exchange.put(ResponseHeaders.class, headers);
        }
        if (d.allowed()) {
            return StageOutcome.CONTINUE;
        }
        return StageOutcome.reject(new GatewayError.RateLimited("Rate limit reached for requests: " + d.limit()
                + " per minute. Retry after " + duration(d.resetMillis()) + ".", "rate_limit_exceeded"));
    }

    /** OpenAI's duration style: "6s", "1m0s", "120ms". */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = (millis + 999) / 1000;
        return seconds < 60 ? seconds + "s" : (seconds / 60) + "m" + (seconds % 60) + "s";
    }
}
