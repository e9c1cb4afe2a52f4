package dev.cordon.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Turns an embeddings body into an {@link EmbeddingsRequest}. Stateless and thread-safe. */
final class EmbeddingsRequestParser {

    private static final int MAX_INPUTS = 2048;

    private EmbeddingsRequestParser() {}

    static EmbeddingsRequest parse(JsonNode body) {
        String model = Fields.requiredString(body, "model", "model");
        JsonNode inputNode = body.get("input");
        if (inputNode == null || inputNode.isNull()) {
            throw RequestProblem.missing("input");
        }
        if (inputNode.isArray() && !inputNode.isEmpty() && (inputNode.get(0).isNumber() || inputNode.get(0).isArray())) {
            throw RequestProblem.value("input", "token arrays are not supported; send text.");
        }
        List<String> input = Fields.stringOrStrings(inputNode, "input", MAX_INPUTS);
        if (input.isEmpty() || input.stream().anyMatch(String::isEmpty)) {
            throw RequestProblem.value("input", "must be a non-empty string or a non-empty array of non-empty strings.");
        }
        String format = Fields.optionalString(body, "encoding_format", "encoding_format");
        if (format != null && !format.equals("float") && !format.equals("base64")) {
            throw RequestProblem.value("encoding_format", "must be float or base64.");
        }
        return new EmbeddingsRequest(model, input, "base64".equals(format),
                Fields.optionalInt(body, "dimensions", 1, 65536), Fields.optionalString(body, "user", "user"));
    }
}
