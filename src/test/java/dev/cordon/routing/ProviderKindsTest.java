package dev.cordon.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Each provider kind is called with its own URL layout and credentials. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class ProviderKindsTest {

    @Test
    void ollamaIsCalledThroughItsOpenAiCompatibleApi() {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/ollama/v1/chat/completions")).willReturn(json(UpstreamResponses.completion("from ollama"))));
        String key = Tenants.keyFor("llama-local");

        chat(key, "llama-local").then().statusCode(200).body("choices[0].message.content", Matchers.equalTo("from ollama"));

        UpstreamStub.server().verify(postRequestedFor(urlPathEqualTo("/ollama/v1/chat/completions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.model", equalTo("llama3.2"))));
    }

    @Test
    void azureOpenAiUsesItsV1ApiWithTheApiKeyHeaderAndDeploymentAsModel() {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/azure/openai/v1/chat/completions"))
                .willReturn(json(UpstreamResponses.completion("from azure"))));
        String key = Tenants.keyFor("azure-gpt");

        chat(key, "azure-gpt").then().statusCode(200).body("choices[0].message.content", Matchers.equalTo("from azure"));

        UpstreamStub.server().verify(postRequestedFor(urlPathEqualTo("/azure/openai/v1/chat/completions"))
                .withHeader("api-key", equalTo("azure-secret-key"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.model", equalTo("gpt4o-deploy"))));
    }

    private static io.restassured.response.Response chat(String key, String model) {
        return given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
