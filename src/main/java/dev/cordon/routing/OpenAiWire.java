package dev.cordon.routing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.internal.OpenAiUtils;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.embedding.EmbeddingRequest;
import dev.langchain4j.model.openai.internal.embedding.EmbeddingResponse;
import dev.langchain4j.model.openai.internal.shared.StreamOptions;
import dev.langchain4j.model.output.Response;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The OpenAI wire format, through LangChain4j's own request/response classes and mapping
 * ({@link OpenAiUtils}), so messages, tools, response formats, usage and finish reasons mean exactly
 * what they mean for LangChain4j's OpenAI models. Those classes and their builders are registered
 * for reflection by langchain4j-open-ai's own {@code META-INF/native-image/.../reflect-config.json}
 * (checked in the native build's reflect-config), so this stays native-safe. Stateless.
 */
final class OpenAiWire {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES);
    private static final StreamOptions WITH_USAGE = StreamOptions.builder().includeUsage(true).build();

    private OpenAiWire() {}

    static Buffer chatBody(ChatRequest request, String upstreamModel, boolean stream) {
        OpenAiChatRequestParameters params = openAiParameters(request.parameters(), upstreamModel);
        OpenAiUtils.validate(params);
        ChatCompletionRequest.Builder wire = OpenAiUtils.toOpenAiChatRequest(request, params, false, null, false, false);
        if (stream) {
            wire.stream(true).streamOptions(WITH_USAGE);
        }
        return write(wire.build());
    }

    static ChatResponse chatResponse(Buffer body) {
        ChatCompletionResponse response = read(body, ChatCompletionResponse.class);
        if (response.choices() == null || response.choices().isEmpty()) {
            throw new InternalServerException("The provider answered without choices");
        }
        return ChatResponse.builder()
                .aiMessage(OpenAiUtils.aiMessageFrom(response))
                .metadata(OpenAiChatResponseMetadata.builder().id(response.id()).modelName(response.model())
                        .tokenUsage(OpenAiUtils.tokenUsageFrom(response.usage()))
                        .finishReason(OpenAiUtils.finishReasonFrom(response.choices().get(0).finishReason()))
                        .build())
                .build();
    }

    /** One {@code data:} payload of a chat completion stream. */
    static ChatCompletionResponse chatChunk(String json) {
        try {
            return MAPPER.readValue(json, ChatCompletionResponse.class);
        } catch (IOException e) {
            // No cause: Jackson's message can quote the chunk, and the chunk may hold PHI.
            throw new InternalServerException("The provider sent an unreadable stream chunk");
        }
    }

    static Buffer embeddingBody(List<String> input, String upstreamModel, Integer dimensions) {
        return write(EmbeddingRequest.builder().model(upstreamModel).input(input).dimensions(dimensions).build());
    }

    static Response<List<Embedding>> embeddingResponse(Buffer body) {
        EmbeddingResponse response = read(body, EmbeddingResponse.class);
        List<Embedding> vectors = response.data().stream().map(e -> Embedding.from(e.embedding())).toList();
        return Response.from(vectors, OpenAiUtils.tokenUsageFrom(response.usage()));
    }

    private static OpenAiChatRequestParameters openAiParameters(ChatRequestParameters params, String upstreamModel) {
        OpenAiChatRequestParameters openAi = params instanceof OpenAiChatRequestParameters o ? o
                : OpenAiChatRequestParameters.builder().overrideWith(params).build();
        return openAi.modelName() != null ? openAi
                : OpenAiChatRequestParameters.builder().overrideWith(openAi).modelName(upstreamModel).build();
    }

    private static Buffer write(Object value) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(Buffer body, Class<T> type) {
        try {
            return MAPPER.readValue(body.getBytes(), type);
        } catch (IOException e) {
            // Jackson's message can quote the body; the body may hold PHI, so it is dropped.
            throw new InternalServerException("The provider answered with unreadable JSON");
        }
    }
}
