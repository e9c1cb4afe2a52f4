package dev.cordon.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.openai.ChatCompletionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Carries the caller's JSON schemas (tool parameters, {@code response_format}) to LangChain4j
 * without re-interpreting them: each property travels as a raw schema, so nothing the caller
 * wrote is lost in translation.
 */
final class ToolSchemas {

    private ToolSchemas() {}

    static List<ToolSpecification> specifications(List<ChatCompletionRequest.Tool> tools, ChatCompletionRequest.ToolChoice choice) {
        List<ToolSpecification> out = new ArrayList<>();
        for (ChatCompletionRequest.Tool tool : tools) {
            if (choice != null && "function".equals(choice.mode()) && !tool.name().equals(choice.functionName())) {
                continue;
            }
            ToolSpecification.Builder spec = ToolSpecification.builder().name(tool.name()).description(tool.description());
            if (tool.parameters() != null) {
                spec.parameters(objectSchema(tool.parameters()));
            }
            out.add(spec.build());
        }
        return out;
    }

    static ResponseFormat responseFormat(ChatCompletionRequest.ResponseFormat format) {
        if (format == null || "text".equals(format.type())) {
            return null;
        }
        if ("json_object".equals(format.type())) {
            return ResponseFormat.JSON;
        }
        JsonSchema.Builder schema = JsonSchema.builder().name(format.schemaName());
        if (format.schema() != null) {
            schema.rootElement(JsonRawSchema.from(format.schema().toString()));
        }
        return ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema.build()).build();
    }

    private static JsonObjectSchema objectSchema(JsonNode parameters) {
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
        JsonNode properties = parameters.get("properties");
        if (properties != null && properties.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                builder.addProperty(field.getKey(), JsonRawSchema.from(field.getValue().toString()));
            }
        }
        JsonNode required = parameters.get("required");
        if (required != null && required.isArray()) {
            List<String> names = new ArrayList<>();
            required.forEach(n -> names.add(n.asText()));
            builder.required(names);
        }
        JsonNode description = parameters.get("description");
        if (description != null && description.isTextual()) {
            builder.description(description.textValue());
        }
        JsonNode additional = parameters.get("additionalProperties");
        if (additional != null && additional.isBoolean()) {
            builder.additionalProperties(additional.booleanValue());
        }
        return builder.build();
    }
}
