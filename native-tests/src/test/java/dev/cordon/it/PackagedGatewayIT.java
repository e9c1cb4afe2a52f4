package dev.cordon.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Black-box tests of the packaged artifact — the JVM jar here, the native executable unchanged on a
 * GraalVM host ({@code mvn verify -Dnative}) — against the real local services.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(UpstreamStub.class)
class PackagedGatewayIT {

    private OpenAIClient client;

    @BeforeEach
    void givenAnSdkClientWithATenantKey() {
        client = OpenAIOkHttpClient.builder().apiKey(Tenants.keyFor("gpt-test", "echo", "echo-embed"))
                .baseUrl(RestAssured.baseURI + ":" + RestAssured.port + "/v1").maxRetries(0).build();
    }

    @Test
    void chatThroughTheSdkTokenizesPhiForTheModelAndRestoresItForTheCaller() {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(WireMock.matchingJsonPath("$.messages[0].content", WireMock.containing("[NAME_1]")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(UpstreamResponses.completion("Review [NAME_1]'s potassium."))));

        String answer = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-test")
                .addUserMessage("Pt Margaret Okonkwo on furosemide, K 3.1. Next step?").build())
                .choices().get(0).message().content().orElseThrow();

        assertThat(answer).isEqualTo("Review Margaret Okonkwo's potassium.");
        String upstream = UpstreamStub.server().findAll(WireMock.postRequestedFor(urlPathEqualTo("/v1/chat/completions")))
                .stream().reduce((a, b) -> b).orElseThrow().getBodyAsString();
        assertThat(upstream).doesNotContain("Okonkwo");
    }

    @Test
    void streamingAndEmbeddingsWorkThroughTheSdk() {
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("echo").addUserMessage("Hold metformin before contrast.").build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
        }
        var embeddings = client.embeddings().create(EmbeddingCreateParams.builder().model("echo-embed").input("dyspnea").build());

        assertThat(text.toString()).isEqualTo("Hold metformin before contrast.");
        assertThat(embeddings.data()).hasSize(1);
    }

    @Test
    void aWrongKeyIsRefusedAsUnauthorized() {
        OpenAIClient wrong = OpenAIOkHttpClient.builder().apiKey("cdn_notAKey")
                .baseUrl(RestAssured.baseURI + ":" + RestAssured.port + "/v1").maxRetries(0).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.models().list()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void theRequestsAuditRecordLandsInTheObjectStoreUnderComplianceRetention() throws Exception {
        String requestId = given().auth().oauth2(Tenants.keyFor("echo")).contentType("application/json")
                .body("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"audit me\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().header("x-request-id");

        ShippedSegments.Found found = ShippedSegments.awaitRecord(requestId, 30_000);

        assertThat(found.retentionMode()).isEqualTo("COMPLIANCE");
        assertThat(found.retainUntil()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofHours(23)));
    }
}
