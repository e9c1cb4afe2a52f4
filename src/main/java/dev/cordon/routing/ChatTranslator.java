package dev.cordon.routing;

import dev.cordon.openai.ChatCompletionRequest;
import dev.cordon.pipeline.Reply;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Translates between the OpenAI wire request and LangChain4j's chat API. Stateless. */
final class ChatTranslator {

    private ChatTranslator() {}

    static ChatRequest toLangChain4j(ChatCompletionRequest request, ModelRoute route) {
        List<ToolSpecification> tools = ToolSchemas.specifications(request.tools(), request.toolChoice());
        OpenAiChatRequestParameters.Builder params = OpenAiChatRequestParameters.builder()
                .modelName(route.upstreamModel())
                .temperature(request.temperature())
                .topP(request.topP())
                .maxOutputTokens(request.maxTokens())
                .maxCompletionTokens(request.maxCompletionTokens())
                .presencePenalty(request.presencePenalty())
                .frequencyPenalty(request.frequencyPenalty())
                .seed(request.seed())
                .parallelToolCalls(tools.isEmpty() ? null : request.parallelToolCalls())
                .user(request.user())
                .responseFormat(ToolSchemas.responseFormat(request.responseFormat()));
        if (!request.stop().isEmpty()) {
            params.stopSequences(request.stop());
        }
        if (!tools.isEmpty()) {
            params.toolSpecifications(tools).toolChoice(toolChoice(request.toolChoice()));
        }
        return ChatRequest.builder().messages(messages(request.messages())).parameters(params.build()).build();
    }

    private static ToolChoice toolChoice(ChatCompletionRequest.ToolChoice choice) {
        if (choice == null || "auto".equals(choice.mode())) {
            return null;
        }
        // A named function is sent as "required" with only that tool offered: the same contract.
        return "none".equals(choice.mode()) ? ToolChoice.NONE : ToolChoice.REQUIRED;
    }

    private static List<ChatMessage> messages(List<ChatCompletionRequest.Message> in) {
        Map<String, String> toolNames = new HashMap<>();
        List<ChatMessage> out = new ArrayList<>(in.size());
        for (ChatCompletionRequest.Message m : in) {
            m.toolCalls().forEach(call -> toolNames.put(call.id(), call.name()));
            out.add(message(m, toolNames));
        }
        return out;
    }

    private static ChatMessage message(ChatCompletionRequest.Message m, Map<String, String> toolNames) {
        switch (m.role()) {
            case "system", "developer" -> {
                return SystemMessage.from(m.text());
            }
            case "assistant" -> {
                String text = m.parts().isEmpty() ? null : m.text();
                if (m.toolCalls().isEmpty()) {
                    return AiMessage.from(text == null ? "" : text);
                }
                List<ToolExecutionRequest> calls = m.toolCalls().stream().map(c -> ToolExecutionRequest.builder()
                        .id(c.id()).name(c.name()).arguments(c.arguments()).build()).toList();
                return text == null ? AiMessage.from(calls) : AiMessage.from(text, calls);
            }
            case "tool" -> {
                return ToolExecutionResultMessage.from(m.toolCallId(), toolNames.get(m.toolCallId()), m.text());
            }
            default -> {
                return user(m);
            }
        }
    }

    private static UserMessage user(ChatCompletionRequest.Message m) {
        if (m.parts().size() == 1 && m.parts().get(0).text() != null) {
            return m.name() == null ? UserMessage.from(m.text()) : UserMessage.from(m.name(), m.text());
        }
        List<dev.langchain4j.data.message.Content> contents = new ArrayList<>();
        for (ChatCompletionRequest.Part part : m.parts()) {
            if (part.text() != null) {
                contents.add(TextContent.from(part.text()));
            } else {
                contents.add(ImageContent.from(part.imageUrl(), detail(part.imageDetail())));
            }
        }
        return m.name() == null ? UserMessage.from(contents) : UserMessage.from(m.name(), contents);
    }

    private static ImageContent.DetailLevel detail(String detail) {
        if (detail == null) {
            return ImageContent.DetailLevel.AUTO;
        }
        return switch (detail) {
            case "low" -> ImageContent.DetailLevel.LOW;
            case "high" -> ImageContent.DetailLevel.HIGH;
            default -> ImageContent.DetailLevel.AUTO;
        };
    }

    static Reply.ChatResult fromLangChain4j(ChatResponse response) {
        AiMessage ai = response.aiMessage();
        List<Reply.ToolCall> calls = ai.hasToolExecutionRequests()
                ? ai.toolExecutionRequests().stream().map(r -> new Reply.ToolCall(r.id(), r.name(), r.arguments())).toList()
                : List.of();
        return new Reply.ChatResult(ai.text(), calls, finishReason(response.finishReason(), !calls.isEmpty()),
                usage(response.tokenUsage()));
    }

    static String finishReason(FinishReason reason, boolean toolCalls) {
        if (reason == null) {
            return toolCalls ? "tool_calls" : "stop";
        }
        return switch (reason) {
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> toolCalls ? "tool_calls" : "stop";
        };
    }

    static Reply.Usage usage(TokenUsage usage) {
        if (usage == null) {
            return Reply.Usage.NONE;
        }
        return new Reply.Usage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
