package dev.cordon.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parses and validates the OpenAI request body after authentication (so anonymous callers learn
 * nothing about validation) and before policy. Puts the typed request and {@link RequestedModel}
 * into the exchange.
 */
@ApplicationScoped
@Identifier("validate")
class ValidateStage implements Stage {

    private final ObjectMapper mapper;

    ValidateStage(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        switch (exchange.operation()) {
            case CHAT_COMPLETIONS, EMBEDDINGS, PHI_ANALYZE, PHI_REDACT -> {
                return Uni.createFrom().item(validateBody(exchange));
            }
            default -> {
                return Uni.createFrom().item(StageOutcome.CONTINUE);
            }
        }
    }

    private StageOutcome validateBody(Exchange exchange) {
        JsonNode body;
        try {
            body = mapper.readTree(exchange.require(RawBody.class).bytes());
        } catch (java.io.IOException e) {
            return StageOutcome.reject(new GatewayError.InvalidRequest(
                    "We could not parse the JSON body of your request. The body must be valid UTF-8 JSON.", null, "invalid_json"));
        }
        if (body == null || !body.isObject()) {
            return StageOutcome.reject(new GatewayError.InvalidRequest(
                    "The request body must be a JSON object.", null, "invalid_json"));
        }
        try {
            if (exchange.operation() == dev.cordon.pipeline.Operation.CHAT_COMPLETIONS) {
                ChatCompletionRequest chat = ChatRequestParser.parse(body);
                exchange.put(ChatCompletionRequest.class, chat);
                exchange.put(RequestedModel.class, new RequestedModel(chat.model()));
            } else if (exchange.operation() == dev.cordon.pipeline.Operation.EMBEDDINGS) {
                EmbeddingsRequest embeddings = EmbeddingsRequestParser.parse(body);
                exchange.put(EmbeddingsRequest.class, embeddings);
                exchange.put(RequestedModel.class, new RequestedModel(embeddings.model()));
            } else {
                exchange.put(PhiTextRequest.class, PhiTextRequestParser.parse(body));
            }
            return StageOutcome.CONTINUE;
        } catch (RequestProblem problem) {
            return StageOutcome.reject(problem.error());
        }
    }
}
