package dev.cordon.openai;

import java.util.List;

/** A validated {@code POST /v1/embeddings} body. {@code dimensions} and {@code user} may be null. */
public record EmbeddingsRequest(String model, List<String> input, boolean base64, Integer dimensions, String user) {

    public EmbeddingsRequest {
        input = List.copyOf(input);
    }

    public EmbeddingsRequest withInput(List<String> replaced) {
        return new EmbeddingsRequest(model, replaced, base64, dimensions, user);
    }
}
