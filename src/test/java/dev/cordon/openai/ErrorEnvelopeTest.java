package dev.cordon.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal arrives as an OpenAI error envelope with OpenAI's status and an x-request-id. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class ErrorEnvelopeTest {

    private String key;

    @BeforeEach
    void givenATenantWithChatAndEmbeddingModels() {
        key = Tenants.keyFor("gpt-test", "embed-test", "slow-model", "public-gpt");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[", null, "invalid_json"),
                Arguments.of("[1,2,3]", null, "invalid_json"),
                Arguments.of("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "model", "missing_required_parameter"),
                Arguments.of("{\"model\":\"gpt-test\"}", "messages", "missing_required_parameter"),
                Arguments.of("{\"model\":42,\"messages\":[]}", "model", "invalid_type"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":\"hi\"}", "messages", "invalid_type"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[]}", "messages", "invalid_value"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}", "messages[0].role", "invalid_value"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":5}]}", "messages[0].content", "invalid_type"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}", "temperature", "invalid_type"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":3}", "temperature", "invalid_value"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1.5}", "max_tokens", "invalid_type"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":2}", "n", "invalid_value"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":\"yes\"}", "stream", "invalid_type"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"retrieval\"}]}", "tools[0].type", "invalid_value"),
                Arguments.of("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"response_format\":{\"type\":\"xml\"}}", "response_format.type", "invalid_value"),
                Arguments.of("{\"model\":\"embed-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "model", "model_type_mismatch"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badChatBodiesGetAPrecise400(String body, String param, String code) {
        ValidatableResponse response = chat(body).statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue());
        if (param == null) {
            response.body("error", hasKey("param"));
        } else {
            response.body("error.param", equalTo(param));
        }
    }

    @Test
    void invalidUtf8IsRejectedAsInvalidJson() {
        byte[] body = "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"\u00ff".getBytes();
        body[body.length - 1] = (byte) 0xC3;
        given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/chat/completions")
                .then().statusCode(400).body("error.code", equalTo("invalid_json"));
    }

    @Test
    void bodyOverTheLimitGets413() {
        String big = "x".repeat(2 * 1024 * 1024 + 10);
        chat("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"" + big + "\"}]}")
                .statusCode(413).body("error.code", equalTo("request_too_large"))
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void missingKeyGets401() {
        given().contentType(ContentType.JSON).body("{}").post("/v1/chat/completions")
                .then().statusCode(401).header("x-request-id", notNullValue())
                .body("error.code", equalTo("missing_api_key"));
    }

    @Test
    void unknownKeyGets401BeforeAnyValidation() {
        given().auth().oauth2("cdn_notARealKeyAtAll").contentType(ContentType.JSON).body("not json")
                .post("/v1/chat/completions").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void unknownAndForbiddenModelsLookTheSame404() {
        chat("{\"model\":\"no-such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(404).body("error.code", equalTo("model_not_found")).body("error.param", equalTo("model"));
        chat("{\"model\":\"llama-local\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(404).body("error.code", equalTo("model_not_found"));
    }

    @Test
    void providerWithoutBaaIsRefusedWith403BeforeAnyCall() {
        chat("{\"model\":\"public-gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(403).body("error.code", equalTo("provider_not_baa_covered"))
                .body("error.type", equalTo("permission_error"));
        UpstreamStub.server().verify(0, WireMock.postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", WireMock.equalTo("gpt-4o"))));
    }

    @Test
    void upstreamServerErrorBecomes502WithoutTheUpstreamBody() {
        upstreamAnswers("gpt-4o-mini", aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"secret internals\"}}"));
        chat("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(502).body("error.type", equalTo("server_error")).body("error.code", equalTo("upstream_error"))
                .body("error.message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret")));
    }

    @Test
    void upstreamRateLimitBecomes429() {
        upstreamAnswers("gpt-4o-mini", aResponse().withStatus(429).withBody("{\"error\":{\"message\":\"slow down\"}}"));
        chat("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(429).body("error.code", equalTo("upstream_rate_limited"));
    }

    @Test
    void upstreamSlowerThanItsTimeoutBecomes504() {
        upstreamAnswers("slow-upstream", aResponse().withStatus(200).withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{}"));
        chat("{\"model\":\"slow-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode(504).body("error.code", equalTo("upstream_timeout"));
    }

    @Test
    void unknownUrlGets404AndWrongMethodGets405() {
        given().auth().oauth2(key).get("/v1/completions-that-do-not-exist").then().statusCode(404)
                .header("x-request-id", notNullValue()).body("error.code", equalTo("unknown_url"));
        given().auth().oauth2(key).get("/v1/chat/completions").then().statusCode(405)
                .body("error.code", equalTo("method_not_allowed"));
    }

    @Test
    void callerRequestIdIsKeptWhenPlainAndReplacedWhenHostile() {
        given().header("x-request-id", "client-trace-0001").get("/v1/models").then()
                .header("x-request-id", equalTo("client-trace-0001"));
        given().header("x-request-id", "bad id with spaces").get("/v1/models").then()
                .header("x-request-id", org.hamcrest.Matchers.startsWith("req_"));
    }

    private void upstreamAnswers(String upstreamModel, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", WireMock.equalTo(upstreamModel))).willReturn(answer));
    }

    private ValidatableResponse chat(String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/chat/completions")
                .then().header("x-request-id", notNullValue());
    }
}
