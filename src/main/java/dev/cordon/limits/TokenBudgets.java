package dev.cordon.limits;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Token limits: per-minute buckets (key and tenant) and a monthly tenant budget. The cost of a
 * request is only known afterwards, so a request is admitted while the buckets are positive and
 * the budget not spent, and its actual usage is charged when it ends (buckets may go into debt,
 * which delays the next requests). All in Redis on Redis's clock. Thread-safe.
 */
@ApplicationScoped
class TokenBudgets {

    /** {@code reason}: null when admitted, else "tokens" or "budget". */
    record Check(String reason, int limit, long remaining, long resetMillis) {}

    // KEYS: key bucket, tenant bucket, month counter. ARGV: key tpm, tenant tpm, budget.
    private static final String CHECK = BucketScripts.PRELUDE + """
            local best = nil
            for i = 1, 2 do
              local cap = tonumber(ARGV[i])
              if cap > 0 then
                local tokens = refilled(KEYS[i], cap)
                local reset = tokens > 0 and 0 or math.ceil(-tokens * 60000 / cap)
                if best == nil or tokens < best[3] then best = {i, cap, tokens, reset} end
              end
            end
            local budget = tonumber(ARGV[3])
            if budget > 0 and (tonumber(redis.call('GET', KEYS[3])) or 0) >= budget then return {'budget', budget, 0, 0} end
            if best == nil then return {'', 0, 0, 0} end
            if best[3] <= 0 then return {'tokens', best[2], 0, best[4]} end
            return {'', best[2], math.floor(best[3]), best[4]}
            """;

    // KEYS: key bucket, tenant bucket, month counter. ARGV: key tpm, tenant tpm, tokens. Returns month total.
    private static final String CHARGE = BucketScripts.PRELUDE + """
            local cost = tonumber(ARGV[3])
            for i = 1, 2 do
              local cap = tonumber(ARGV[i])
              if cap > 0 then
                local tokens = refilled(KEYS[i], cap) - cost
                redis.call('HSET', KEYS[i], 'tokens', tokens, 'at', now)
                redis.call('PEXPIRE', KEYS[i], 120000)
              end
            end
            local used = redis.call('INCRBY', KEYS[3], cost)
            redis.call('EXPIRE', KEYS[3], 3456000)
            return used
            """;

    private final ReactiveRedisDataSource redis;

    TokenBudgets(@RedisClientName("state") ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** The admission check as a request, so {@link LimitStage} can batch it with the request limits in one round trip. */
    static Request checkRequest(String keyBucket, String tenantBucket, String month, LimitsConfig c) {
        return Request.cmd(Command.EVAL).arg(CHECK).arg(3).arg(keyBucket).arg(tenantBucket).arg(month)
                .arg(c.keyTokensPerMinute()).arg(c.tenantTokensPerMinute()).arg(c.tenantMonthlyTokens());
    }

    /** Charges the actual usage; returns the tenant's tokens this month. */
    Uni<Long> charge(String keyBucket, String tenantBucket, String month, LimitsConfig c, long tokens) {
        return redis.execute("EVAL", CHARGE, "3", keyBucket, tenantBucket, month, Integer.toString(c.keyTokensPerMinute()),
                Integer.toString(c.tenantTokensPerMinute()), Long.toString(tokens)).map(Response::toLong);
    }

    /** Raises the monthly alert at most once per tenant and month; true when this call raised it. */
    Uni<Boolean> alertOnce(String month) {
        return redis.value(String.class).setnx(month + ":alerted", "1");
    }

    static Check check(Response r) {
        String reason = r.get(0).toString();
        return new Check(reason.isEmpty() ? null : reason, r.get(1).toInteger(), r.get(2).toLong(), r.get(3).toLong());
    }
}
