package dev.cordon.routing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.data.message.AiMessage;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code echo} provider kind: a smoke-test stand-in that answers with the text of the last
 * user message exactly as the "model" received it, which makes redaction visible in demos.
 * Never a real model; configure it only for local runs.
 */
final class EchoModels {

    private EchoModels() {}

    static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user) {
                return user.hasSingleText() ? user.singleText() : user.contents().toString();
            }
        }
        return "";
    }

    private static ChatResponse response(String text) {
        int tokens = Math.max(1, text.length() / 4);
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(FinishReason.STOP)
                .tokenUsage(new TokenUsage(tokens, tokens)).build();
    }

    static final class Chat implements AsyncModels.Chat {
        @Override
        public Uni<ChatResponse> chatAsync(ChatRequest request) {
            return Uni.createFrom().item(() -> doChat(request));
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            return response(lastUserText(request.messages()));
        }
    }

    static final class Streaming implements AsyncModels.Streaming {
        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            String text = lastUserText(request.messages());
            for (int i = 0; i < text.length(); i += 8) {
                handler.onPartialResponse(text.substring(i, Math.min(text.length(), i + 8)));
            }
            handler.onCompleteResponse(response(text));
        }
    }

    /** Deterministic unit vectors derived from the text's hash; equal text gives equal vectors. */
    static final class Embedding implements AsyncModels.Embeddings {
        private final int dimensions;

        Embedding(int dimensions) {
            this.dimensions = dimensions;
        }

        @Override
        public Uni<Response<List<dev.langchain4j.data.embedding.Embedding>>> embedAllAsync(List<TextSegment> segments) {
            return Uni.createFrom().item(() -> embedAll(segments));
        }

        @Override
        public Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(List<TextSegment> segments) {
            List<dev.langchain4j.data.embedding.Embedding> out = new ArrayList<>();
            int tokens = 0;
            for (TextSegment segment : segments) {
                out.add(vector(segment.text()));
                tokens += Math.max(1, segment.text().length() / 4);
            }
            return Response.from(out, new TokenUsage(tokens, 0));
        }

        private dev.langchain4j.data.embedding.Embedding vector(String text) {
            float[] v = new float[dimensions];
            long seed = text.hashCode();
            double norm = 0;
            for (int i = 0; i < dimensions; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                v[i] = (float) ((seed >>> 40) / (double) (1L << 24) - 0.5);
                norm += v[i] * v[i];
            }
            for (int i = 0; i < dimensions; i++) {
                v[i] = (float) (v[i] / Math.sqrt(norm));
            }
            return dev.langchain4j.data.embedding.Embedding.from(v);
        }
    }
}
