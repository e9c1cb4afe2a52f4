package dev.cordon.limits;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two token buckets (key and tenant) checked and charged in one atomic Redis script, using Redis's
 * own clock so instances never disagree. A request is charged only when both buckets have a token.
 * Thread-safe.
 */
@ApplicationScoped
class RateLimits {

    /** The answer for the tighter of the two buckets. {@code resetMillis}: until one token is back. */
    record Decision(boolean allowed, int limit, int remaining, long resetMillis) {}

    // Buckets are hashes {tokens, at}; refill = capacity per 60 s. Returns {allowed, limit, remaining, reset_ms}
    // for the tighter bucket. Expires idle buckets after a minute.
    private static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local best = nil
            local states = {}
            for i = 1, #KEYS do
              local cap = tonumber(ARGV[i])
              if cap > 0 then
                local b = redis.call('HMGET', KEYS[i], 'tokens', 'at')
                local tokens = tonumber(b[1]) or cap
                local at = tonumber(b[2]) or now
                tokens = math.min(cap, tokens + (now - at) * cap / 60000)
                states[i] = tokens
                local remaining = math.floor(tokens) - 1
                local reset = math.ceil((1 - (tokens - math.floor(tokens))) * 60000 / cap)
                if best == nil or remaining < best[3] then best = {i, cap, remaining, reset} end
              end
            end
            if best == nil then return {1, 0, 0, 0} end
            if best[3] < 0 then return {0, best[2], 0, best[4]} end
            for i = 1, #KEYS do
              if states[i] ~= nil then
                redis.call('HSET', KEYS[i], 'tokens', states[i] - 1, 'at', now)
                redis.call('PEXPIRE', KEYS[i], 60000)
              end
            end
            return {1, best[2], best[3], best[4]}
            """;

    private final ReactiveRedisDataSource redis;

    RateLimits(@RedisClientName("state") ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    Uni<Decision> take(String keyBucket, int keyPerMinute, String tenantBucket, int tenantPerMinute) {
        return redis.getRedis().send(takeRequest(keyBucket, keyPerMinute, tenantBucket, tenantPerMinute)).map(RateLimits::decision);
    }

    /** The same take as a request, so the caller can batch it with other limit checks in one round trip. */
    static Request takeRequest(String keyBucket, int keyPerMinute, String tenantBucket, int tenantPerMinute) {
        return Request.cmd(Command.EVAL).arg(SCRIPT).arg(2).arg(keyBucket).arg(tenantBucket).arg(keyPerMinute).arg(tenantPerMinute);
    }

    static Decision decision(Response r) {
        return new Decision(r.get(0).toInteger() == 1, r.get(1).toInteger(), r.get(2).toInteger(), r.get(3).toLong());
    }
}
