package dev.cordon.pipeline;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The one place that says in which order a request passes the stages:
 *
 * <ol>
 *   <li>{@code authenticate} — who is calling (API key; JWT/OIDC later)</li>
 *   <li>{@code authorize} — the caller holds the scope the endpoint requires (deny by default)</li>
 *   <li>{@code break-glass} — an approved, unexpired break-glass grant the caller invokes widens policy</li>
 *   <li>{@code limits} — request rate limits per key and tenant (Redis, shared by all instances)</li>
 *   <li>{@code validate} — parse the OpenAI request body, precise 400s</li>
 *   <li>{@code policy} — tenant model allowlist and provider BAA eligibility</li>
 *   <li>{@code phi} — redact/tokenize on the way in, restore tokens on the way out</li>
 *   <li>{@code route} — call the provider through LangChain4j; responds</li>
 * </ol>
 *
 * and finally {@code audit}, which runs on every ending path. Stages are looked up by identifier
 * so their implementations stay package-private in their capability packages.
 */
@ApplicationScoped
public class Pipeline {

    private final List<Stage> stages;
    private final EndStage end;

    @Inject
    public Pipeline(
            @Identifier("authenticate") Stage authenticate,
            @Identifier("authorize") Stage authorize,
            @Identifier("break-glass") Stage breakGlass,
            @Identifier("limits") Stage limits,
            @Identifier("validate") Stage validate,
            @Identifier("policy") Stage policy,
            @Identifier("phi") Stage phi,
            @Identifier("route") Stage route,
            @Identifier("audit") EndStage audit) {
        this(List.of(authenticate, authorize, breakGlass, limits, validate, policy, phi, route), audit);
    }

    /** For tests that assemble their own pipeline. */
    public Pipeline(List<Stage> stages, EndStage end) {
        this.stages = List.copyOf(stages);
        this.end = end;
    }

    public List<Stage> stages() {
        return stages;
    }

    public EndStage end() {
        return end;
    }
}
