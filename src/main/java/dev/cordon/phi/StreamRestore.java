package dev.cordon.phi;

import dev.cordon.pipeline.StreamEvent;
import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Restores tokens in a streamed answer — text and each tool call's arguments separately — while
 * holding back only a possible token prefix at chunk ends, never the whole response. Whatever is
 * still held when the answer finishes is released before the finish event.
 */
final class StreamRestore {

    private StreamRestore() {}

    static Multi<StreamEvent> restore(Multi<StreamEvent> events, TokenVault vault) {
        return Multi.createFrom().deferred(() -> {
            State state = new State(vault);
            return events.onItem().transformToIterable(state::apply);
        });
    }

    /** Per-stream state; events of one stream arrive serially. */
    private static final class State {
        private final TokenVault vault;
        private final StreamingRestorer content;
        private final Map<Integer, StreamingRestorer> toolArguments = new TreeMap<>();

        State(TokenVault vault) {
            this.vault = vault;
            this.content = new StreamingRestorer(vault);
        }

        List<StreamEvent> apply(StreamEvent event) {
            List<StreamEvent> out = new ArrayList<>(2);
            if (event instanceof StreamEvent.ContentDelta delta) {
                emitText(out, content.feed(delta.text()));
            } else if (event instanceof StreamEvent.ToolCallDelta call) {
                String args = call.argumentsDelta() == null ? null
                        : toolArguments.computeIfAbsent(call.index(), i -> new StreamingRestorer(vault)).feed(call.argumentsDelta());
                out.add(new StreamEvent.ToolCallDelta(call.index(), call.id(), call.name(), args));
            } else {
                emitText(out, content.finish());
                toolArguments.forEach((index, restorer) -> {
                    String rest = restorer.finish();
                    if (!rest.isEmpty()) {
                        out.add(new StreamEvent.ToolCallDelta(index, null, null, rest));
                    }
                });
                out.add(event);
            }
            return out;
        }

        private static void emitText(List<StreamEvent> out, String text) {
            if (!text.isEmpty()) {
                out.add(new StreamEvent.ContentDelta(text));
            }
        }
    }
}
