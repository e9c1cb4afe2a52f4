package dev.cordon.routing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * LangChain4j models that can also answer without blocking a thread. The route stage prefers these
 * methods; the blocking LangChain4j methods stay for any other caller.
 */
final class AsyncModels {

    private AsyncModels() {}

    /** A {@link ChatModel} whose call completes asynchronously, on the caller's Vert.x context. */
    interface Chat extends ChatModel {
        /** The same request semantics as {@link ChatModel#chat(ChatRequest)}; never blocks. */
        Uni<ChatResponse> chatAsync(ChatRequest request);
    }

    /**
     * A {@link StreamingChatModel} whose {@code chat(request, handler)} returns at once without
     * blocking, so it may be started on an event loop.
     */
    interface Streaming extends StreamingChatModel {}

    /** An {@link EmbeddingModel} whose call completes asynchronously, on the caller's Vert.x context. */
    interface Embeddings extends EmbeddingModel {
        /** The same semantics as {@link EmbeddingModel#embedAll(List)}; never blocks. */
        Uni<Response<List<Embedding>>> embedAllAsync(List<TextSegment> segments);
    }
}
