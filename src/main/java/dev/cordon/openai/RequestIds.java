package dev.cordon.openai;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every response an {@code x-request-id}. A caller's own id is kept when it is short and
 * plain (so it cannot inject headers or log lines); otherwise a new one is made.
 */
public final class RequestIds {

    /** Key under which the id is stored in the routing context. */
    public static final String CONTEXT_KEY = "cordon.request-id";
    public static final String HEADER = "x-request-id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {}

    static void assign(RoutingContext ctx) {
        String incoming = ctx.request().getHeader(HEADER);
        String id = incoming != null && SAFE.matcher(incoming).matches() ? incoming : newId();
        ctx.put(CONTEXT_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /** The id assigned to this request. */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(CONTEXT_KEY);
        return id != null ? id : newId();
    }

    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[28];
        "req_".getChars(0, 4, out, 0);
        for (int i = 4; i < out.length; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }
}
