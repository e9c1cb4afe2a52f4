package dev.cordon.routing;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;

/**
 * LangChain4j {@link StreamingChatModel} for OpenAI-compatible providers on the shared Vert.x
 * client. Never blocks: the handler is called on the caller's Vert.x context (or a Vert.x event
 * loop when called from elsewhere), chunk by chunk as they arrive. Immutable and thread-safe.
 */
final class VertxOpenAiStreamingChatModel implements AsyncModels.Streaming {

    private final UpstreamHttp http;
    private final UpstreamEndpoint endpoint;
    private final String upstreamModel;
    private final Duration timeout;

    VertxOpenAiStreamingChatModel(UpstreamHttp http, UpstreamEndpoint endpoint, String upstreamModel, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.upstreamModel = upstreamModel;
        this.timeout = timeout;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        SseChatStream stream = new SseChatStream(handler);
        Cancellable call;
        try {
            call = http.postForStream(endpoint, "/chat/completions", OpenAiWire.chatBody(request, upstreamModel, true), timeout)
                    .subscribe().with(stream::attach, stream::fail);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        stream.onCancel(call::cancel);
    }
}
