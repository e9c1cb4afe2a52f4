package dev.cordon.routing;

import dev.cordon.pipeline.StreamEvent;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.HashSet;
import java.util.Set;

/**
 * Adapts LangChain4j's callback streaming to a {@link Multi} of {@link StreamEvent}s. Cancelling
 * the Multi (the caller went away) cancels the upstream stream where the client supports it.
 * Upstream failures pass through unclassified, so {@link UpstreamCalls} can decide on a fallback.
 */
final class StreamBridge {

    private StreamBridge() {}

    static Multi<StreamEvent> stream(StreamingChatModel model, ChatRequest request) {
        return Multi.createFrom().emitter(emitter -> model.chat(request, new Handler(emitter)));
    }

    private static final class Handler implements StreamingChatResponseHandler {
        private final MultiEmitter<? super StreamEvent> emitter;
        private final Set<Integer> startedToolCalls = new HashSet<>();
        private volatile StreamingHandle handle;

        Handler(MultiEmitter<? super StreamEvent> emitter) {
            this.emitter = emitter;
            emitter.onTermination(() -> {
                StreamingHandle h = handle;
                if (emitter.isCancelled() && h != null && !h.isCancelled()) {
                    h.cancel();
                }
            });
        }

        @Override
        public void onPartialResponse(String text) {
            emitter.emit(new StreamEvent.ContentDelta(text));
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle = context.streamingHandle();
            emitter.emit(new StreamEvent.ContentDelta(partial.text()));
        }

        @Override
        public void onPartialToolCall(PartialToolCall call) {
            boolean first = startedToolCalls.add(call.index());
            emitter.emit(new StreamEvent.ToolCallDelta(call.index(), first ? call.id() : null,
                    first ? call.name() : null, call.partialArguments()));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            boolean toolCalls = response.aiMessage() != null && response.aiMessage().hasToolExecutionRequests();
            emitter.emit(new StreamEvent.Finish(ChatTranslator.finishReason(response.finishReason(), toolCalls),
                    ChatTranslator.usage(response.tokenUsage())));
            emitter.complete();
        }

        @Override
        public void onError(Throwable error) {
            emitter.fail(error);
        }
    }
}
