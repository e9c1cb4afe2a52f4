package dev.cordon.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class ChatCompletionsTest {

    private String key;

    @BeforeEach
    void givenATenantAllowedToUseTheTestModel() {
        key = Tenants.keyFor("gpt-test");
    }

    @Test
    void completionCarriesTheUpstreamAnswerUsageAndARequestId() {
        UpstreamStub.server().stubFor(UpstreamResponses.chatReturns("/v1/chat/completions", "gpt-4o-mini",
                UpstreamResponses.completion("Consider a beta blocker.")));

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"What helps with AF?\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .header("x-request-id", matchesPattern("req_[0-9a-f]{24}"))
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("gpt-test"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", equalTo("Consider a beta blocker."))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(11))
                .body("usage.completion_tokens", equalTo(7))
                .body("usage.total_tokens", equalTo(18));
    }

    @Test
    void samplingToolAndFormatParametersReachTheUpstream() {
        UpstreamStub.server().stubFor(UpstreamResponses.chatReturns("/v1/chat/completions", "gpt-4o-mini",
                UpstreamResponses.toolCallCompletion("lookup_guideline", "{\"topic\":\"sepsis\"}")));
        String body = """
                {"model":"gpt-test","temperature":0.2,"top_p":0.9,"max_tokens":64,"stop":["END"],"seed":7,"user":"clinician-42",
                 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Sepsis bundle?"}],
                 "tools":[{"type":"function","function":{"name":"lookup_guideline","description":"Find a guideline",
                   "parameters":{"type":"object","properties":{"topic":{"type":"string","enum":["sepsis","stroke"]}},"required":["topic"]}}}],
                 "tool_choice":"required",
                 "response_format":{"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object","properties":{"a":{"type":"string"}}}}}}
                """;

        given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.content", nullValue())
                .body("choices[0].message.tool_calls[0].id", equalTo("call_1"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("lookup_guideline"))
                .body("choices[0].message.tool_calls[0].function.arguments", equalTo("{\"topic\":\"sepsis\"}"));

        UpstreamStub.server().verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", WireMock.equalTo("Bearer upstream-secret-key"))
                .withRequestBody(matchingJsonPath("$.temperature", WireMock.equalTo("0.2")))
                .withRequestBody(matchingJsonPath("$.top_p", WireMock.equalTo("0.9")))
                .withRequestBody(matchingJsonPath("$.max_tokens", WireMock.equalTo("64")))
                .withRequestBody(matchingJsonPath("$.stop[0]", WireMock.equalTo("END")))
                .withRequestBody(matchingJsonPath("$.seed", WireMock.equalTo("7")))
                .withRequestBody(matchingJsonPath("$.user", WireMock.equalTo("clinician-42")))
                .withRequestBody(matchingJsonPath("$.tool_choice", WireMock.equalTo("required")))
                .withRequestBody(matchingJsonPath("$.tools[0].function.parameters.properties.topic.enum[1]", WireMock.equalTo("stroke")))
                .withRequestBody(matchingJsonPath("$.response_format.type", WireMock.equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", WireMock.equalTo("answer"))));
    }

    @Test
    void streamedChunksReassembleToTheUpstreamTextAndEndWithDone() {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(UpstreamResponses.stream("Start ", "IV fluids ", "early."))));

        Response response = given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-test\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Sepsis?\"}]}")
                .post("/v1/chat/completions");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/event-stream");
        assertThat(response.header("x-request-id")).isNotBlank();
        List<String> data = dataLines(response.asString());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        for (String line : data.subList(0, data.size() - 1)) {
            io.restassured.path.json.JsonPath chunk = io.restassured.path.json.JsonPath.from(line);
            assertThat(chunk.getString("object")).isEqualTo("chat.completion.chunk");
            String piece = chunk.getString("choices[0].delta.content");
            if (piece != null) {
                text.append(piece);
            }
        }
        assertThat(text.toString()).isEqualTo("Start IV fluids early.");
        String usageChunk = data.get(data.size() - 2);
        assertThat(io.restassured.path.json.JsonPath.from(usageChunk).getInt("usage.total_tokens")).isEqualTo(8);
    }

    static List<String> dataLines(String sse) {
        List<String> out = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            }
        }
        return out;
    }
}
