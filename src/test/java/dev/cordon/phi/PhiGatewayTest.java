package dev.cordon.phi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PHI never reaches the model in the clear, and the caller gets its values back. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class PhiGatewayTest {

    private static final String NOTE = "Pt Margaret Okonkwo, MRN 48213377, seen 03/14/2024 by Dr. Alan Reyes. Next steps?";

    @Test
    void upstreamSeesOnlyTokensAndTheCallerGetsTheValuesBack() {
        String key = Tenants.keyFor("gpt-test");
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", WireMock.containing("[NAME_1]")))
                .willReturn(json(UpstreamResponses.completion("Follow up with [NAME_1] about MRN [MEDICAL_RECORD_NUMBER_1]."))));

        String content = chat(key, "gpt-test", NOTE).then().statusCode(200).extract().path("choices[0].message.content");

        assertThat(content).isEqualTo("Follow up with Margaret Okonkwo about MRN 48213377.");
        String upstreamBody = lastUpstreamBody("Margaret");
        assertThat(upstreamBody).doesNotContain("Margaret", "Okonkwo", "48213377", "Reyes", "03/14/2024");
    }

    @Test
    void streamedTokensSplitAcrossChunksAreRestored() {
        String key = Tenants.keyFor("gpt-test");
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(UpstreamResponses.stream("Call [NAM", "E_1] today; MRN [MEDICAL_RECO", "RD_NUMBER_1]."))));

        String sse = given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-test\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + NOTE + "\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();

        StringBuilder text = new StringBuilder();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                String piece = io.restassured.path.json.JsonPath.from(line.substring(6)).getString("choices[0].delta.content");
                text.append(piece == null ? "" : piece);
            }
        }
        assertThat(text.toString()).isEqualTo("Call Margaret Okonkwo today; MRN 48213377.");
    }

    @Test
    void toolCallArgumentsAreRestoredToo() {
        String key = Tenants.keyFor("gpt-test");
        UpstreamStub.server().stubFor(UpstreamResponses.chatReturns("/v1/chat/completions", "gpt-4o-mini",
                UpstreamResponses.toolCallCompletion("find_patient", "{\"name\":\"[NAME_1]\"}")));

        chat(key, "gpt-test", NOTE).then().statusCode(200)
                .body("choices[0].message.tool_calls[0].function.arguments", equalTo("{\"name\":\"Margaret Okonkwo\"}"));
    }

    @Test
    void providerWithoutBaaGetsDeidentifiedTextOnlyWhenTheTenantAllowsIt() {
        String tenant = Tenants.newTenant(true);
        Tenants.allow(tenant, "public-gpt");
        String key = Tenants.issueKey(tenant);
        UpstreamStub.server().stubFor(UpstreamResponses.chatReturns("/v1/chat/completions", "gpt-4o",
                UpstreamResponses.completion("ok [NAME_1]")));

        chat(key, "public-gpt", NOTE).then().statusCode(200).body("choices[0].message.content", equalTo("ok Margaret Okonkwo"));

        assertThat(lastUpstreamBody("gpt-4o")).doesNotContain("Margaret", "48213377");
    }

    @Test
    void blockedTypeRefusesTheRequestNamingTheTypeNotTheValue() {
        String key = Tenants.keyFor("gpt-test");

        String body = chat(key, "gpt-test", "Patient fingerprint ID FP-88231 on file, please summarise.")
                .then().statusCode(403).body("error.code", equalTo("phi_blocked")).extract().asString();

        assertThat(body).contains("BIOMETRIC_IDENTIFIER").doesNotContain("FP-88231");
    }

    @Test
    void analyzeAndRedactEndpointsReportEntitiesWithOffsets() {
        String key = Tenants.keyFor("gpt-test");

        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"text\":\"" + NOTE + "\"}").post("/v1/phi/analyze")
                .then().statusCode(200).body("entities.type", hasItem("NAME")).body("entities.type", hasItem("MEDICAL_RECORD_NUMBER"))
                .body("entities.find { it.type == 'MEDICAL_RECORD_NUMBER' }.start", equalTo(NOTE.indexOf("48213377")));
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"text\":\"" + NOTE + "\",\"policy\":{\"default\":\"mask\"}}").post("/v1/phi/redact")
                .then().statusCode(200).body("text", org.hamcrest.Matchers.containsString("[NAME]"))
                .body("text", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Okonkwo")));
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/v1/phi/analyze").then().statusCode(401);
    }

    private static io.restassured.response.Response chat(String key, String model, String text) {
        return given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}")
                .post("/v1/chat/completions");
    }

    /** The newest upstream chat body — searching the journal for a marker that should be absent proves nothing, so take the newest. */
    private static String lastUpstreamBody(String ignored) {
        List<LoggedRequest> requests = UpstreamStub.server().findAll(WireMock.postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        return requests.get(requests.size() - 1).getBodyAsString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
