package dev.cordon.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cordon.audit.AuditTrail;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.support.ShippedAudit;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile inputs not covered by {@link ErrorEnvelopeTest}: each gets a precise 4xx in the OpenAI
 * envelope and an audit record, and PHI hidden behind look-alike characters or put in headers
 * never leaves the gateway or enters the trail.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class HostileInputTest {

    private static final String HIDDEN_SSN = "\uFF10\uFF17\uFF18-\uFF10\uFF15-\uFF11\uFF11\uFF12\uFF10";

    @Inject
    AuditTrail trail;

    @ConfigProperty(name = "cordon.audit.chain-id")
    String chainId;

    private String key;

    @BeforeEach
    void givenATenantWithAChatModel() {
        key = Tenants.keyFor("gpt-test", "echo");
    }

    @Test
    void givenJsonNested100000DeepWhenPostedThenItIs400InvalidJson() {
        String body = "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"metadata\":" + "[".repeat(100_000);

        Response response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("invalid_json");
        assertThat(audited(response).outcome()).isEqualTo("denied");
    }

    @Test
    void givenMoreMessagesThanAllowedWhenPostedThenItIs400NamingMessages() {
        StringBuilder body = new StringBuilder("{\"model\":\"echo\",\"messages\":[");
        for (int i = 0; i < 5000; i++) {
            body.append("{\"role\":\"user\",\"content\":\"hi\"},");
        }
        body.append("{\"role\":\"user\",\"content\":\"hi\"}]}");

        Response response = post(body.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error.param")).isEqualTo("messages");
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("invalid_value");
    }

    @Test
    void givenABodyOverTheLimitWhenPostedThenThe413IsAuditedToo() {
        Response response = post("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}]}");

        assertThat(response.statusCode()).isEqualTo(413);
        AuditEvent record = audited(response);
        assertThat(record.errorCode()).isEqualTo("request_too_large");
        assertThat(record.httpStatus()).isEqualTo(413);
    }

    @Test
    void givenABodyOverQuarkusHardCeilingWhenPostedThenItIsStillAnAudited413Envelope() {
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        Response response = given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/chat/completions");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("request_too_large");
        assertThat(audited(response).httpStatus()).isEqualTo(413);
    }

    @Test
    void givenPhiInADeclaredIdHeaderWhenChattingThenTheTrailHoldsInvalidInstead() {
        Response response = given().auth().oauth2(key).contentType(ContentType.JSON)
                .header("X-Cordon-Patient-Id", "John Smith SSN 078-05-1120")
                .body("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"Plan?\"}]}").post("/v1/chat/completions");

        assertThat(response.statusCode()).isEqualTo(200);
        AuditEvent record = audited(response);
        assertThat(record.patientId()).isEqualTo("invalid");
        assertThat(record.toString()).doesNotContain("Smith", "078-05-1120");
    }

    @Test
    void givenPhiHiddenBehindLookAlikeCharactersWhenChattingThenTheUpstreamNeverSeesIt() {
        UpstreamStub.server().stubFor(UpstreamResponses.chatReturns("/v1/chat/completions", "gpt-4o-mini",
                UpstreamResponses.completion("Noted.")));
        String content = "Pt Mar\u200Bgaret Okon\u200Ckwo, SSN " + HIDDEN_SSN + ", plan?";

        Response response = post("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":" + UpstreamResponses.quote(content) + "}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        List<LoggedRequest> sent = UpstreamStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", com.github.tomakehurst.wiremock.client.WireMock.containing("plan?"))));
        assertThat(sent).isNotEmpty();
        String upstreamBody = sent.get(sent.size() - 1).getBodyAsString();
        assertThat(upstreamBody).doesNotContain(HIDDEN_SSN, "078-05-1120", "Okon", "garet", "\uFF10\uFF17\uFF18");
    }

    private Response post(String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/chat/completions");
    }

    private AuditEvent audited(Response response) {
        String requestId = response.header("x-request-id");
        trail.drain();
        List<AuditEvent> records = ShippedAudit.of(chainId, requestId);
        assertThat(records).as("audit record of " + requestId).isNotEmpty();
        return records.get(records.size() - 1);
    }
}
