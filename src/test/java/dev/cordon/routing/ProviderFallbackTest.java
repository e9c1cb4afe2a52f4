package dev.cordon.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.cordon.audit.AuditTrail;
import dev.cordon.audit.chain.AuditEvent;
import dev.cordon.support.ResettingUpstream;
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
import org.junit.jupiter.api.Test;

/**
 * A failing provider hands the request to the alias's next BAA-eligible fallback; the caller sees
 * one answer or one precise error, and the audit record names who served and what was tried.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class ProviderFallbackTest {

    @Inject
    AuditTrail trail;

    @ConfigProperty(name = "cordon.audit.chain-id")
    String chainId;

    @Test
    void givenThePrimaryAnswers500WhenChattingThenTheFallbackAnswersAndTheAuditNamesIt() {
        stub("fb-primary-up", false, aResponse().withStatus(500).withBody("{\"error\":\"boom\"}"));
        stub("fb-backup-up", false, json(UpstreamResponses.completion("from the fallback")));

        Response response = chat("fb-primary", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("choices[0].message.content")).isEqualTo("from the fallback");
        AuditEvent record = finalRecord(response);
        assertThat(record.outcome()).isEqualTo("success");
        assertThat(record.model()).isEqualTo("fb-primary");
        assertThat(record.provider()).isEqualTo("backup");
        assertThat(record.routeAttempts()).isEqualTo("fb-primary@mock:upstream_error>fb-backup@backup:ok");
    }

    @Test
    void givenThePrimaryTimesOutWhenChattingThenTheFallbackAnswers() {
        stub("fb-slow-up", false, json(UpstreamResponses.completion("too late")).withFixedDelay(3000));
        stub("fb-backup-up", false, json(UpstreamResponses.completion("in time")));

        Response response = chat("fb-slow", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("choices[0].message.content")).isEqualTo("in time");
        assertThat(finalRecord(response).routeAttempts()).startsWith("fb-slow@slow:upstream_timeout>");
    }

    @Test
    void givenThePrimaryResetsTheConnectionWhenChattingThenTheFallbackAnswers() {
        stub("fb-primary-up", false, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stub("fb-backup-up", false, json(UpstreamResponses.completion("after a reset")));

        Response response = chat("fb-primary", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("choices[0].message.content")).isEqualTo("after a reset");
    }

    @Test
    void givenThePrimaryIsRateLimitedWhenChattingThenTheFallbackAnswers() {
        stub("fb-primary-up", false, aResponse().withStatus(429).withBody("{}"));
        stub("fb-backup-up", false, json(UpstreamResponses.completion("not rate limited here")));

        Response response = chat("fb-primary", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(finalRecord(response).routeAttempts()).isEqualTo("fb-primary@mock:upstream_rate_limited>fb-backup@backup:ok");
    }

    @Test
    void givenAnEmbeddingPrimaryAnswering503WhenEmbeddingThenTheFallbackEmbeds() {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/embeddings")).withRequestBody(matchingJsonPath("$.model", equalTo("fb-embed-up")))
                .willReturn(aResponse().withStatus(503)));
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/embeddings")).withRequestBody(matchingJsonPath("$.model", equalTo("fb-embed-2-up")))
                .willReturn(json(UpstreamResponses.embeddings(1))));

        Response response = given().auth().oauth2(Tenants.keyFor("fb-embed")).contentType(ContentType.JSON)
                .body("{\"model\":\"fb-embed\",\"input\":\"chest pain\"}").post("/v1/embeddings");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getList("data")).hasSize(1);
        assertThat(finalRecord(response).routeAttempts()).isEqualTo("fb-embed@mock:upstream_error>fb-embed-2@backup:ok");
    }

    @Test
    void givenThePrimaryRejectsTheRequestAs400WhenChattingThenNoFallbackIsTried() {
        stub("fb-primary-up", false, aResponse().withStatus(400).withBody("{}"));
        stub("fb-backup-up", false, json(UpstreamResponses.completion("must not be called")));
        int before = calls("fb-backup-up");

        Response response = chat("fb-primary", false);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(calls("fb-backup-up")).isEqualTo(before);
    }

    @Test
    void givenEveryProviderFailsWhenChattingThenTheCallerGets502AndAFailureRecord() {
        stub("fb-dead-up", false, aResponse().withStatus(503));
        stub("fb-dead-2-up", false, aResponse().withStatus(500));

        Response response = chat("fb-dead", false);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("upstream_error");
        AuditEvent record = finalRecord(response);
        assertThat(record.outcome()).isEqualTo("failure");
        assertThat(record.routeAttempts()).isEqualTo("fb-dead@mock:upstream_error>fb-dead-2@backup:upstream_error");
    }

    @Test
    void givenEveryProviderTimesOutWhenChattingThenTheCallerGets504() {
        stub("fb-stuck-up", false, json(UpstreamResponses.completion("late")).withFixedDelay(3000));
        stub("fb-stuck-2-up", false, json(UpstreamResponses.completion("late")).withFixedDelay(3000));

        Response response = chat("fb-stuck", false);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("upstream_timeout");
    }

    @Test
    void givenAStreamWhosePrimaryFailsBeforeTheFirstChunkWhenStreamingThenTheFallbackStreams() {
        stub("fb-primary-up", true, aResponse().withStatus(502));
        stub("fb-backup-up", true, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(UpstreamResponses.stream("Fallback ", "stream.")));

        Response response = chat("fb-primary", true);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> data = dataLines(response.asString());
        assertThat(data).contains("[DONE]");
        assertThat(response.asString()).contains("Fallback ").doesNotContain("\"error\"");
        assertThat(finalRecord(response).provider()).isEqualTo("backup");
    }

    @Test
    void givenAStreamResetAfterItsFirstChunkWhenStreamingThenItEndsWithAnErrorEventAndNoFallback() {
        int before = calls("fb-backup-up");

        Response response = chat("fb-reset", true);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> data = dataLines(response.asString());
        assertThat(data.get(0)).contains(ResettingUpstream.FIRST_CHUNK);
        String last = data.get(data.size() - 1);
        assertThat(io.restassured.path.json.JsonPath.from(last).getString("error.type")).isNotBlank();
        assertThat(io.restassured.path.json.JsonPath.from(last).getString("error.code")).isEqualTo("upstream_error");
        assertThat(data).doesNotContain("[DONE]");
        assertThat(calls("fb-backup-up")).isEqualTo(before);
        AuditEvent record = finalRecord(response);
        assertThat(record.outcome()).isEqualTo("failure");
        assertThat(record.errorCode()).isEqualTo("upstream_error");
        assertThat(record.provider()).isEqualTo("resetting");
    }

    private AuditEvent finalRecord(Response response) {
        String requestId = response.header("x-request-id");
        trail.drain();
        List<AuditEvent> records = ShippedAudit.of(chainId, requestId);
        assertThat(records).as("audit records of " + requestId).isNotEmpty();
        return records.get(records.size() - 1);
    }

    /** The newest matching stub wins in WireMock, so each test's own stubs take precedence. */
    private static void stub(String upstreamModel, boolean stream, ResponseDefinitionBuilder answer) {
        var mapping = post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo(upstreamModel)));
        if (stream) {
            mapping = mapping.withRequestBody(matchingJsonPath("$.stream", equalTo("true")));
        }
        UpstreamStub.server().stubFor(mapping.willReturn(answer));
    }

    private static int calls(String upstreamModel) {
        return UpstreamStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(upstreamModel)))).size();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static Response chat(String model, boolean stream) {
        String key = Tenants.keyFor(model);
        return given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Plan?\"}]}")
                .post("/v1/chat/completions");
    }

    private static List<String> dataLines(String sse) {
        return sse.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    }
}
