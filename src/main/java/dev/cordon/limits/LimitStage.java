package dev.cordon.limits;

import dev.cordon.identity.Principal;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Reply;
import dev.cordon.pipeline.StreamEvent;
import dev.cordon.pipeline.ResponseHeaders;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.TenancyConfig;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Charges each authenticated request to its key's and tenant's request buckets and, for generative
 * calls, checks the token buckets and the tenant's monthly budget, charging the provider's actual
 * usage when the answer is complete. Over a limit is a 429 with OpenAI's {@code x-ratelimit-*}
 * headers ({@code insufficient_quota} for the budget). If Redis cannot answer, the request is
 * refused with 503 (fail closed) — limits are a safeguard, not a hint.
 */
@ApplicationScoped
@Identifier("limits")
class LimitStage implements Stage {

    private static final Logger LOGGER = Logger.getLogger(LimitStage.class);

    private final ReactiveRedisDataSource redis;
    private final TokenBudgets budgets;
    private final LimitsConfig config;
    private final String prefix;
    private final io.micrometer.core.instrument.Counter budgetAlerts;

    LimitStage(TokenBudgets budgets, LimitsConfig config, TenancyConfig tenancy,
               io.micrometer.core.instrument.MeterRegistry metrics, @RedisClientName("state") ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.budgets = budgets;
        this.config = config;
        this.prefix = tenancy.redisKeyPrefix() + "limits:";
        this.budgetAlerts = metrics.counter("cordon_token_budget_alerts");
    }

    @Override
    public String name() {
        return "limits";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        boolean requests = config.keyRequestsPerMinute() > 0 || config.tenantRequestsPerMinute() > 0;
        if (!requests && !tokenLimits()) {
            return Uni.createFrom().item(StageOutcome.CONTINUE);
        }
        Principal principal = exchange.require(Principal.class);
        boolean tokens = tokenLimits() && exchange.operation().generative();
        // Both checks travel in one pipelined batch: one Redis round trip per request, not two.
        List<Request> batch = new ArrayList<>(2);
        if (requests) {
            batch.add(RateLimits.takeRequest(prefix + "key:" + actorKey(principal), config.keyRequestsPerMinute(),
                    prefix + "tenant:" + principal.tenantId(), config.tenantRequestsPerMinute()));
        }
        if (tokens) {
            batch.add(TokenBudgets.checkRequest(tokenKey(principal), tenantTokenKey(principal), monthKey(principal), config));
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().item(StageOutcome.CONTINUE);
        }
        return redis.getRedis().batch(batch).map(responses -> {
                    StageOutcome outcome = requests ? decide(exchange, RateLimits.decision(responses.get(0))) : StageOutcome.CONTINUE;
                    return tokens && outcome instanceof StageOutcome.Continue
                            ? tokenOutcome(exchange, TokenBudgets.check(responses.get(responses.size() - 1))) : outcome;
                })
                .onFailure().recoverWithItem(t -> {
                    LOGGER.errorf("rate limit check failed: request_id=%s error=%s", exchange.requestId(), SafeThrowables.describe(t));
                    return StageOutcome.reject(new GatewayError.Unavailable(
                            "Rate limiting is temporarily unavailable; the request was refused.", "limits_unavailable"));
                });
    }

    /** Charges the provider's actual usage once the answer is complete (streams: at their end). */
    @Override
    public Uni<Reply> onResponse(Exchange exchange, Reply reply) {
        if (!tokenLimits() || exchange.get(Principal.class).isEmpty()) {
            return Uni.createFrom().item(reply);
        }
        Principal principal = exchange.require(Principal.class);
        if (reply instanceof Reply.ChatStream stream) {
            return Uni.createFrom().item(new Reply.ChatStream(stream.events().call(event -> event instanceof StreamEvent.Finish f
                    ? charge(exchange, principal, f.usage().totalTokens()) : Uni.createFrom().voidItem())));
        }
        long tokens = reply instanceof Reply.Chat chat ? chat.result().usage().totalTokens()
                : reply instanceof Reply.Embeddings e ? e.usage().totalTokens() : 0;
        return charge(exchange, principal, tokens).replaceWith(reply);
    }

    private boolean tokenLimits() {
        return config.keyTokensPerMinute() > 0 || config.tenantTokensPerMinute() > 0 || config.tenantMonthlyTokens() > 0;
    }

    private StageOutcome tokenOutcome(Exchange exchange, TokenBudgets.Check c) {
        if (c.limit() > 0 && !"budget".equals(c.reason())) {
            ResponseHeaders headers = exchange.get(ResponseHeaders.class).orElseGet(ResponseHeaders::new);
            headers.put("x-ratelimit-limit-tokens", Integer.toString(c.limit()));
            headers.put("x-ratelimit-remaining-tokens", Long.toString(c.remaining()));
            headers.put("x-ratelimit-reset-tokens", duration(c.resetMillis()));
            exchange.put(ResponseHeaders.class, headers);
        }
        if ("budget".equals(c.reason())) {
            return StageOutcome.reject(new GatewayError.RateLimited(
                    "The tenant's monthly token budget is used up.", "insufficient_quota"));
        }
        if ("tokens".equals(c.reason())) {
            return StageOutcome.reject(new GatewayError.RateLimited("Rate limit reached for tokens: " + c.limit()
                    + " per minute. Retry after " + duration(c.resetMillis()) + ".", "rate_limit_exceeded"));
        }
        return StageOutcome.CONTINUE;
    }

    /** Charging never fails the answer: the caller already has it; a miss is logged. */
    private Uni<Void> charge(Exchange exchange, Principal p, long tokens) {
        if (tokens <= 0) {
            return Uni.createFrom().voidItem();
        }
        return budgets.charge(tokenKey(p), tenantTokenKey(p), monthKey(p), config, tokens)
                .call(used -> alertIfCrossed(p, used))
                .onFailure().invoke(t -> LOGGER.warnf("token charge failed: request_id=%s error=%s", exchange.requestId(),
                        SafeThrowables.describe(t)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> alertIfCrossed(Principal p, long used) {
        long budget = config.tenantMonthlyTokens();
        if (budget <= 0 || used * 100 < budget * config.budgetAlertPercent()) {
            return Uni.createFrom().voidItem();
        }
        return budgets.alertOnce(monthKey(p)).invoke(first -> {
            if (first) {
                budgetAlerts.increment();
                LOGGER.warnf("token budget alert: tenant=%s used=%d budget=%d", p.tenantId(), used, budget);
            }
        }).replaceWithVoid();
    }

    /**
     * The bucket of one credential: tenant, kind and id. A person's id is their IdP subject, which
     * another tenant's IdP could also issue; scoping by tenant keeps one tenant from draining, or
     * reading through the rate-limit headers, another tenant's buckets.
     */
    private static String actorKey(Principal p) {
        return p.tenantId() + ":" + p.actorType().name().toLowerCase() + ":" + p.actor();
    }

    private String tokenKey(Principal p) {
        return prefix + "tokens:key:" + actorKey(p);
    }

    private String tenantTokenKey(Principal p) {
        return prefix + "tokens:tenant:" + p.tenantId();
    }

    private String monthKey(Principal p) {
        return prefix + "budget:" + p.tenantId() + ":" + java.time.YearMonth.now(java.time.ZoneOffset.UTC);
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
