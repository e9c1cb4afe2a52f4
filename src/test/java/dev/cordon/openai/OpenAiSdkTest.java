package dev.cordon.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, unchanged but for its base URL, works against Cordon. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class OpenAiSdkTest {

    @TestHTTPResource("/v1")
    URL base;

    private OpenAIClient client;

    @BeforeEach
    void givenAnSdkClientWithACordonKey() {
        client = sdk(Tenants.keyFor("gpt-test", "embed-test", "echo"));
    }

    @Test
    void sdkChatCompletionReturnsTheAnswerAndUsage() {
        UpstreamStub.server().stubFor(UpstreamResponses.chatReturns("/v1/chat/completions", "gpt-4o-mini",
                UpstreamResponses.completion("Hold metformin before contrast.")));

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-test").addUserMessage("Contrast and metformin?").temperature(0.1).build());

        assertThat(completion.choices().get(0).message().content()).contains("Hold metformin before contrast.");
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(18);
    }

    @Test
    void sdkStreamingChunksReassembleToTheUpstreamText() {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(UpstreamResponses.stream("Check ", "potassium ", "daily."))));
        StringBuilder text = new StringBuilder();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("gpt-test").addUserMessage("Diuretics?").build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
        }

        assertThat(text.toString()).isEqualTo("Check potassium daily.");
    }

    @Test
    void sdkEmbeddingsAndModelsWork() {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(UpstreamResponses.embeddings(2))));

        CreateEmbeddingResponse embeddings = client.embeddings().create(EmbeddingCreateParams.builder()
                .model("embed-test").inputOfArrayOfStrings(List.of("a", "b")).build());
        List<String> models = client.models().list().data().stream().map(Model::id).toList();

        assertThat(embeddings.data()).hasSize(2);
        assertThat(embeddings.data().get(1).embedding()).containsExactly(0.25f, -0.5f, 1.0f);
        assertThat(models).containsExactly("echo", "embed-test", "gpt-test");
        assertThat(client.models().retrieve("gpt-test").id()).isEqualTo("gpt-test");
    }

    @Test
    void sdkSurfacesAWrongKeyAsUnauthorizedAndAnUnknownModelAsNotFound() {
        OpenAIClient wrongKey = sdk("cdn_thisKeyDoesNotExist");

        assertThatThrownBy(() -> wrongKey.models().list()).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> client.models().retrieve("gpt-5-imaginary")).isInstanceOf(NotFoundException.class);
    }

    private OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder().apiKey(key).baseUrl(base.toString()).maxRetries(0).build();
    }
}
