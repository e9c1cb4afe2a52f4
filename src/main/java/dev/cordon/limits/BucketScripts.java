package dev.cordon.limits;

/**
 * The token-bucket arithmetic every limit script shares, as a Lua prelude: Redis's own clock
 * ({@code now}, ms, so instances never disagree) and {@code refilled(key, cap)}, a bucket's tokens
 * after refilling at {@code cap} per 60 s since it was last written (full when new). Stateless.
 */
final class BucketScripts {

    static final String PRELUDE = """
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local function refilled(key, cap)
              local b = redis.call('HMGET', key, 'tokens', 'at')
              local tokens = tonumber(b[1]) or cap
              local at = tonumber(b[2]) or now
              return math.min(cap, tokens + (now - at) * cap / 60000)
            end
            """;

    private BucketScripts() {}
}
