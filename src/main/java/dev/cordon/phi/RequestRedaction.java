package dev.cordon.phi;

import dev.cordon.openai.ChatCompletionRequest;
import dev.cordon.openai.EmbeddingsRequest;
import dev.cordon.openai.PhiTextRequest;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redacts every text of one request under one policy with one {@link TokenVault}, so the same
 * value gets the same token across messages, and tallies what was done (types and counts only).
 * Per request; not thread-safe.
 */
final class RequestRedaction {

    private final Redactor redactor;
    private final PhiPolicy policy;
    private final TokenVault vault = new TokenVault();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Set<PhiType> blocked = EnumSet.noneOf(PhiType.class);
    private boolean allowedInClear;

    RequestRedaction(Redactor redactor, PhiPolicy policy) {
        this.redactor = redactor;
        this.policy = policy;
    }

    ChatCompletionRequest chat(ChatCompletionRequest request) {
        List<ChatCompletionRequest.Message> messages = new ArrayList<>(request.messages().size());
        for (ChatCompletionRequest.Message m : request.messages()) {
            List<ChatCompletionRequest.Part> parts = m.parts().stream()
                    .map(p -> p.text() == null ? p : new ChatCompletionRequest.Part(text(p.text()), null, null)).toList();
            List<Reply.ToolCall> calls = m.toolCalls().stream()
                    .map(c -> new Reply.ToolCall(c.id(), c.name(), text(c.arguments()))).toList();
            messages.add(new ChatCompletionRequest.Message(m.role(), parts, m.name(), calls, m.toolCallId()));
        }
        return request.withMessages(messages);
    }

    EmbeddingsRequest embeddings(EmbeddingsRequest request) {
        return request.withInput(request.input().stream().map(this::text).toList());
    }

    private String text(String text) {
        Redaction r = redactor.redact(text, policy, vault);
        r.counts().forEach((type, n) -> {
            counts.merge(type.name(), n, Integer::sum);
            if (policy.actionFor(type) == PhiAction.ALLOW) {
                allowedInClear = true;
            }
        });
        blocked.addAll(r.blockedTypes());
        return r.text();
    }

    /** De-identified only when no identifier was let through in the clear and nothing was blocked. */
    PhiOutcome outcome() {
        Map<String, String> actions = new TreeMap<>();
        counts.keySet().forEach(type -> actions.put(type, policy.actionFor(PhiType.valueOf(type)).name().toLowerCase()));
        return new PhiOutcome(!allowedInClear && blocked.isEmpty(), counts, actions);
    }

    TokenVault vault() {
        return vault;
    }

    Set<PhiType> blockedTypes() {
        return blocked;
    }

    static Reply.ChatResult restore(Reply.ChatResult result, TokenVault vault) {
        String content = result.content() == null ? null : Restorer.restore(result.content(), vault);
        List<Reply.ToolCall> calls = result.toolCalls().stream()
                .map(c -> new Reply.ToolCall(c.id(), c.name(), Restorer.restore(c.arguments(), vault))).toList();
        return new Reply.ChatResult(content, calls, result.finishReason(), result.usage());
    }

    /** Characters the PHI stage will analyse for this exchange. */
    static long characters(Exchange exchange) {
        long n = 0;
        var chat = exchange.get(ChatCompletionRequest.class);
        if (chat.isPresent()) {
            for (ChatCompletionRequest.Message m : chat.get().messages()) {
                n += m.text().length();
            }
        }
        n += exchange.get(EmbeddingsRequest.class).map(e -> e.input().stream().mapToLong(String::length).sum()).orElse(0L);
        n += exchange.get(PhiTextRequest.class).map(t -> (long) t.text().length()).orElse(0L);
        return n;
    }
}
