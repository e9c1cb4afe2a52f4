package dev.cordon.routing;

import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiStreamingResponseBuilder;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionChoice;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One OpenAI chat completion event stream, parsed line by line into LangChain4j handler calls:
 * text deltas, tool-call deltas (index, then id and name as first sent, then argument fragments)
 * and one complete response assembled by LangChain4j's own {@link OpenAiStreamingResponseBuilder}.
 * Exactly one of {@code onCompleteResponse} / {@code onError} is called, unless the caller cancels.
 * Confined to one Vert.x context.
 */
final class SseChatStream implements StreamingHandle {

    private static final String DATA = "data:";

    private final StreamingChatResponseHandler handler;
    private final OpenAiStreamingResponseBuilder assembled = new OpenAiStreamingResponseBuilder();
    private final Map<Integer, String[]> toolCalls = new HashMap<>();
    private volatile boolean cancelled;
    private volatile Runnable cancelUpstream = () -> { };
    private volatile boolean finished;
    private HttpClientResponse response;

    SseChatStream(StreamingChatResponseHandler handler) {
        this.handler = handler;
    }

    void onCancel(Runnable cancel) {
        this.cancelUpstream = cancel;
    }

    /** Starts reading a 2xx event-stream response (delivered paused). */
    void attach(HttpClientResponse response) {
        this.response = response;
        RecordParser lines = RecordParser.newDelimited("\n", this::line);
        response.handler(lines).exceptionHandler(this::fail).endHandler(ignored -> end());
        response.resume();
    }

    void fail(Throwable failure) {
        if (!finished && !cancelled) {
            finished = true;
            handler.onError(failure);
        }
    }

    private void line(Buffer raw) {
        if (finished || cancelled) {
            return;
        }
        String line = raw.toString(StandardCharsets.UTF_8).trim();
        if (!line.startsWith(DATA)) {
            return; // blank separators, comments, "event:" and "id:" lines carry nothing for chat
        }
        String data = line.substring(DATA.length()).trim();
        if ("[DONE]".equals(data)) {
            end();
            return;
        }
        try {
            chunk(OpenAiWire.chatChunk(data));
        } catch (RuntimeException e) {
            fail(e); // first: the reset below reports its own failure, which must not win
            response.request().reset();
        }
    }

    private void chunk(ChatCompletionResponse chunk) {
        assembled.append(chunk);
        if (chunk.choices() == null || chunk.choices().isEmpty() || chunk.choices().get(0).delta() == null) {
            return; // the usage-only chunk at the end
        }
        ChatCompletionChoice choice = chunk.choices().get(0);
        String text = choice.delta().content();
        if (text != null && !text.isEmpty()) {
            handler.onPartialResponse(new PartialResponse(text), new PartialResponseContext(this));
        }
        if (choice.delta().toolCalls() != null) {
            choice.delta().toolCalls().forEach(this::toolCall);
        }
    }

    private void toolCall(ToolCall call) {
        int index = call.index() == null ? 0 : call.index();
        String[] known = toolCalls.computeIfAbsent(index, i -> new String[2]);
        if (call.id() != null) {
            known[0] = call.id();
        }
        if (call.function() != null && call.function().name() != null) {
            known[1] = call.function().name();
        }
        String arguments = call.function() == null ? null : call.function().arguments();
        if (arguments == null || arguments.isEmpty()) {
            return; // the opening delta names the call; LangChain4j reports only argument fragments
        }
        handler.onPartialToolCall(PartialToolCall.builder().index(index).id(known[0]).name(known[1])
                .partialArguments(arguments).build());
    }

    private void end() {
        if (finished || cancelled) {
            return;
        }
        finished = true;
        try {
            handler.onCompleteResponse(assembled.build());
        } catch (RuntimeException e) {
            handler.onError(e);
        }
    }

    /**
     * Stops the upstream stream. A no-op once the stream has ended: Mutiny reports an emitter as
     * cancelled after it completed, and resetting a finished request would close a pooled
     * keep-alive connection for nothing.
     */
    @Override
    public void cancel() {
        if (finished || cancelled) {
            return;
        }
        cancelled = true;
        if (response != null) {
            response.request().reset();
        }
        cancelUpstream.run();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
