package dev.cordon.phi;

import dev.cordon.openai.ChatCompletionRequest;
import dev.cordon.openai.EmbeddingsRequest;
import dev.cordon.openai.PhiTextRequest;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Operation;
import dev.cordon.pipeline.Reply;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.routing.ModelRoute;
import dev.cordon.tenancy.KeyGrant;
import dev.cordon.tenancy.PhiRules;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The PHI slot: before the provider sees a request, every message text, tool-call argument and
 * embedding input is redacted under the policy for the provider's BAA status; on the way back the
 * tokens are restored for the caller, streamed answers included. Also answers the
 * {@code /v1/phi/analyze} and {@code /v1/phi/redact} endpoints. An analyzer failure rejects the
 * request (fail closed); large texts are analysed off the event loop.
 */
@ApplicationScoped
@Identifier("phi")
class PhiStage implements Stage {

    private final Redactor redactor;
    private final PhiAnalyzer analyzer;
    private final PhiPolicies policies;
    private final PhiConfig config;
    private final OutputScanner outputScanner;

    PhiStage(PhiPolicies policies, PhiConfig config) {
        this.analyzer = PhiEngines.analyzer(java.util.EnumSet.allOf(PhiType.class), config.threshold());
        this.redactor = new Redactor(analyzer);
        this.policies = policies;
        this.config = config;
        this.outputScanner = new OutputScanner(analyzer);
    }

    @Override
    public String name() {
        return "phi";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        return switch (exchange.operation()) {
            case CHAT_COMPLETIONS, EMBEDDINGS -> offloadIfLarge(exchange, () -> redactRequest(exchange));
            case PHI_ANALYZE, PHI_REDACT -> offloadIfLarge(exchange, () -> PhiEndpoints.answer(exchange, analyzer, redactor));
            default -> Uni.createFrom().item(StageOutcome.CONTINUE);
        };
    }

    @Override
    public Uni<Reply> onResponse(Exchange exchange, Reply reply) {
        TokenVault vault = exchange.get(TokenVault.class).orElse(null);
        if (vault == null) {
            return Uni.createFrom().item(reply);
        }
        if (reply instanceof Reply.Chat chat) {
            return Uni.createFrom().item(new Reply.Chat(scanOutput(exchange, RequestRedaction.restore(chat.result(), vault), vault)));
        }
        if (reply instanceof Reply.ChatStream stream) {
            return Uni.createFrom().item(new Reply.ChatStream(StreamRestore.restore(stream.events(), vault)));
        }
        return Uni.createFrom().item(reply);
    }

    private StageOutcome redactRequest(Exchange exchange) {
        PhiPolicy policy = policies.resolve(exchange.require(ModelRoute.class).baa(),
                exchange.get(KeyGrant.class).map(KeyGrant::phiRules).orElse(PhiRules.NONE), dev.cordon.openai.DeclaredPurpose.of(exchange),
                exchange.get(dev.cordon.breakglass.ActiveElevation.class).filter(dev.cordon.breakglass.ActiveElevation::phiUnblock).isPresent());
        RequestRedaction redaction = new RequestRedaction(redactor, policy);
        exchange.get(ChatCompletionRequest.class).ifPresent(r -> exchange.put(ChatCompletionRequest.class, redaction.chat(r)));
        exchange.get(EmbeddingsRequest.class).ifPresent(r -> exchange.put(EmbeddingsRequest.class, redaction.embeddings(r)));
        exchange.put(PhiOutcome.class, redaction.outcome());
        exchange.put(TokenVault.class, redaction.vault());
        if (!redaction.blockedTypes().isEmpty()) {
            return StageOutcome.reject(new GatewayError.PermissionDenied("The request contains PHI of type(s) "
                    + redaction.blockedTypes() + " that policy does not allow to be sent to a model.", "phi_blocked"));
        }
        return StageOutcome.CONTINUE;
    }

    /** Counts (and optionally masks) identifiers in the answer that the caller never sent. */
    private Reply.ChatResult scanOutput(Exchange exchange, Reply.ChatResult answer, TokenVault vault) {
        if (config.outputScan() == PhiConfig.OutputScan.OFF) {
            return answer;
        }
        OutputScanner.Result result = outputScanner.scan(answer, vault, config.outputScan() == PhiConfig.OutputScan.MASK);
        if (!result.unsentByType().isEmpty()) {
            PhiOutcome before = exchange.get(PhiOutcome.class).orElse(PhiOutcome.notInspected());
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>(before.countsByType());
            java.util.Map<String, String> actions = new java.util.TreeMap<>(before.actionsByType());
            String action = config.outputScan() == PhiConfig.OutputScan.MASK ? "output_mask" : "output_flag";
            result.unsentByType().forEach((type, n) -> {
                counts.put(type + "@output", n);
                actions.put(type + "@output", action);
            });
            exchange.put(PhiOutcome.class, new PhiOutcome(before.deidentified(), counts, actions));
        }
        return result.answer();
    }

    private Uni<StageOutcome> offloadIfLarge(Exchange exchange, Supplier<StageOutcome> work) {
        if (RequestRedaction.characters(exchange) <= config.inlineCharacters()) {
            return Uni.createFrom().item(work);
        }
        Executor back = dev.cordon.pipeline.ContextExecutors.current();
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back);
    }

}
