package dev.cordon.limits;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Two token buckets (key and tenant) checked and charged in one atomic Redis script, using Redis's
 * own clock so instances never disagree. A request is charged only when both buckets have a token.
 * Stateless: {@link LimitStage} sends the script.
 */
final class RateLimits {

    /** The answer for the tighter of the two buckets. {@code resetMillis}: until one token is back. */
    record Decision(boolean allowed, int limit, int remaining, long resetMillis) {}

    // Buckets are hashes {tokens, at}; refill = capacity per 60 s. Returns {allowed, limit, remaining, reset_ms}
    // for the tighter bucket. Expires idle buckets after a minute.
    private static final String SCRIPT = BucketScripts.PRELUDE + """
            local best = nil
            local states = {}
            for i = 1, #KEYS do
              local cap = tonumber(ARGV[i])
              if cap > 0 then
                local tokens = refilled(KEYS[i], cap)
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

    private RateLimits() {}

    /** The take as a request, so {@link LimitStage} can batch it with the token check in one round trip. */
    static Request takeRequest(String keyBucket, int keyPerMinute, String tenantBucket, int tenantPerMinute) {
        return Request.cmd(Command.EVAL).arg(SCRIPT).arg(2).arg(keyBucket).arg(tenantBucket).arg(keyPerMinute).arg(tenantPerMinute);
    }

    static Decision decision(Response r) {
        return new Decision(r.get(0).toInteger() == 1, r.get(1).toInteger(), r.get(2).toInteger(), r.get(3).toLong());
    }
}
