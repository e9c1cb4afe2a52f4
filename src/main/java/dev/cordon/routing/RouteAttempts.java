package dev.cordon.routing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The upstream calls one request made, in order: the requested alias first, then any fallbacks.
 * Put into the exchange by the route stage and read by the audit record, which names the provider
 * that finally served. Holds aliases, provider ids and error codes only, never content.
 *
 * <p>Thread-safe: attempts end on worker or HTTP-client threads while the request's context reads.
 */
public final class RouteAttempts {

    /** Outcome of a call that answered. */
    public static final String OK = "ok";

    /** One upstream call: the alias and provider tried and {@link #OK} or the gateway error code. */
    public record Attempt(String alias, String providerId, BaaStatus baa, String outcome) {}

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    void add(ModelRoute route, String outcome) {
        attempts.add(new Attempt(route.alias(), route.providerId(), route.baa(), outcome));
    }

    public List<Attempt> all() {
        return List.copyOf(attempts);
    }

    /** The call that answered, or the one that failed last; empty when no call was made. */
    public Optional<Attempt> last() {
        List<Attempt> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * A compact record of a fallback ({@code gpt@openai:upstream_timeout>gpt-azure@azure:ok}), or
     * null when at most one call was made, so ordinary records stay as they were.
     */
    public String summary() {
        List<Attempt> all = all();
        if (all.size() < 2) {
            return null;
        }
        return all.stream().map(a -> a.alias() + "@" + a.providerId() + ":" + a.outcome()).collect(Collectors.joining(">"));
    }
}
