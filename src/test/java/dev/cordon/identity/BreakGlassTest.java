package dev.cordon.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.audit.AuditIndex;
import dev.cordon.audit.AuditTrail;
import dev.cordon.support.CapturedLogs;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Break-glass: elevated access needs a justification and a second person's approval, expires on its
 * own, is usable only by the person who asked, and every use is flagged in the audit trail.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(JwtAuthenticationTest.WithIdentityProvider.class)
class BreakGlassTest {

    private static final String WHY = "ED attending needs the research model for a patient in cardiac arrest";
    private static final String NOTE = "Pt Margaret Okonkwo SSN 123-45-6789 in VF arrest; dosing?";

    @Inject
    AgroalDataSource db;

    @Inject
    AuditTrail trail;

    @Inject
    AuditIndex index;

    private String tenant;
    private String requester;
    private String approver;

    @BeforeEach
    void givenATenantWhoseClinicianMayOnlyUseTheEchoModel() {
        tenant = Tenants.newTenant(false);
        Tenants.allow(tenant, "echo");
        UpstreamStub.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/v1/hooks/break-glass"))
                .willReturn(WireMock.aResponse().withStatus(204)));
        UpstreamStub.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/v1/chat/completions"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(UpstreamResponses.completion("Start CPR and give epinephrine per ACLS."))));
        requester = person("dr.reyes", "chat:generate break-glass:request");
        approver = person("dr.chen", "break-glass:approve");
    }

    @Test
    void anApprovedGrantUnlocksItsModelForTheRequesterAndEveryUseIsFlagged() throws Exception {
        chat(requester, "gpt-test", null).then().statusCode(404);
        String id = request(Map.of("justification", WHY, "model", "gpt-test")).then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        chat(requester, "gpt-test", id).then().statusCode(403).body("error.code", equalTo("break_glass_inactive"));

        as(approver).post(base() + "/" + id + "/approve").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("approver", equalTo("dr.chen"));
        String used = chat(requester, "gpt-test", id).then().statusCode(200).extract().header("x-request-id");
        chat(requester, "gpt-test", null).then().statusCode(404);

        List<AuditIndex.Entry> flagged = flaggedRecords();
        assertThat(flagged).extracting(AuditIndex.Entry::requestId).containsExactly(used);
        assertThat(flagged.get(0).actor()).isEqualTo("dr.reyes");
        given().get("/q/metrics").then().body(containsString("cordon_break_glass_events_total{event=\"used\",tenant=\"" + tenant + "\"}"));
        assertThat(webhookEvents(id)).containsExactlyInAnyOrder("break_glass_approved", "break_glass_used");
    }

    /** The index rows flagged break_glass; polled because the background shipper may hold the record. */
    private List<AuditIndex.Entry> flaggedRecords() throws Exception {
        List<AuditIndex.Entry> flagged = List.of();
        for (int i = 0; i < 50 && flagged.isEmpty(); i++) {
            trail.drain();
            flagged = index.find(new AuditIndex.Query(tenant, null, null, null, null, 100, true));
            if (flagged.isEmpty()) {
                Thread.sleep(100);
            }
        }
        return flagged;
    }

    /** The alert events the webhook received for a grant; polled because delivery is asynchronous. */
    private static List<String> webhookEvents(String grant) throws InterruptedException {
        List<String> events = List.of();
        for (int i = 0; i < 50 && events.size() < 2; i++) {
            Thread.sleep(100);
            events = UpstreamStub.server().findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/hooks/break-glass"))).stream()
                    .map(r -> new io.vertx.core.json.JsonObject(r.getBodyAsString())).filter(j -> grant.equals(j.getString("grant")))
                    .map(j -> j.getString("event")).toList();
        }
        return events;
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        String both = person("dr.solo", "break-glass:request break-glass:approve");
        String id = as(both).body(Map.of("justification", WHY, "model", "gpt-test")).post(base()).then().statusCode(201).extract().path("id");

        as(both).post(base() + "/" + id + "/approve").then().statusCode(403).body("error.code", equalTo("self_approval"));
    }

    @Test
    void aRequestWithoutARealJustificationIsRefused() {
        request(Map.of("model", "gpt-test")).then().statusCode(400).body("error.param", equalTo("justification"));
        request(Map.of("justification", "urgent", "model", "gpt-test")).then().statusCode(400).body("error.param", equalTo("justification"));
        request(Map.of("justification", WHY)).then().statusCode(400).body("error.param", equalTo("model"));
    }

    @Test
    void anExpiredGrantNoLongerWorks() throws Exception {
        String id = approvedGrant(Map.of("justification", WHY, "model", "gpt-test"));
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update break_glass_requests set expires_at = now() - interval '1 second' where id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }

        chat(requester, "gpt-test", id).then().statusCode(403).body("error.code", equalTo("break_glass_inactive"));
        as(approver).get(base()).then().statusCode(200).body("data.find { it.id == '" + id + "' }.status", equalTo("EXPIRED"));
    }

    @Test
    void aGrantIsUsableOnlyByThePersonWhoAskedAndOnlyInItsTenant() {
        String id = approvedGrant(Map.of("justification", WHY, "model", "gpt-test"));
        String colleague = person("dr.other", "chat:generate");
        String serviceKey = Tenants.issueKey(tenant);

        chat(colleague, "gpt-test", id).then().statusCode(403);
        chat(serviceKey, "gpt-test", id).then().statusCode(403);
        String elsewhere = Tenants.newTenant(false);
        as(person(elsewhere, "dr.chen", "break-glass:approve")).post("/admin/v1/tenants/" + elsewhere + "/break-glass/" + id + "/approve")
                .then().statusCode(404);
    }

    @Test
    void aRevokedGrantStopsWorkingAtOnce() {
        String id = approvedGrant(Map.of("justification", WHY, "model", "gpt-test"));
        chat(requester, "gpt-test", id).then().statusCode(200);

        as(approver).delete(base() + "/" + id).then().statusCode(200).body("status", equalTo("REVOKED"));

        chat(requester, "gpt-test", id).then().statusCode(403);
    }

    @Test
    void onlyApproversAndTheRequesterReadAJustification() {
        request(Map.of("justification", WHY, "model", "gpt-test")).then().statusCode(201);
        String auditor = person("privacy.officer", "audit:read");

        as(auditor).get(base()).then().statusCode(200).body("data[0].justification", org.hamcrest.Matchers.startsWith("[withheld"));
        as(approver).get(base()).then().statusCode(200).body("data[0].justification", equalTo(WHY));
        as(requester).get(base()).then().statusCode(200).body("data[0].justification", equalTo(WHY));
    }

    @Test
    void neitherTheJustificationNorTheUnblockedPhiReachesTheLogs() {
        CapturedLogs logs = CapturedLogs.start();
        try {
            given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body("{\"actions\":{\"SOCIAL_SECURITY_NUMBER\":\"block\"}}")
                    .put("/admin/v1/tenants/" + tenant + "/phi-policy").then().statusCode(200);
            Tenants.allow(tenant, "gpt-test");
            chatText(requester, "gpt-test", null).then().statusCode(403);
            String id = approvedGrant(Map.of("justification", "Pt Margaret Okonkwo MRN 48213377 coding in bay 4", "phiUnblock", true));
            chatText(requester, "gpt-test", id).then().statusCode(200);

            assertThat(logs.lines()).as("captured log lines").anyMatch(l -> l.contains("break_glass_used"))
                    .noneMatch(l -> l.contains("Okonkwo") || l.contains("48213377") || l.contains("123-45-6789"));
        } finally {
            logs.stop();
        }
    }

    @Test
    void adminKeysCannotRequestOrApproveBreakGlass() {
        given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("justification", WHY, "model", "gpt-test"))
                .post(base()).then().statusCode(403);
    }

    @Test
    void aPhiUnblockGrantLetsABlockedTypeThroughAsATokenOnly() {
        given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body("{\"actions\":{\"SOCIAL_SECURITY_NUMBER\":\"block\"}}")
                .put("/admin/v1/tenants/" + tenant + "/phi-policy").then().statusCode(200);
        Tenants.allow(tenant, "gpt-test");
        chatText(requester, "gpt-test", null).then().statusCode(403).body("error.code", equalTo("phi_blocked"));
        String id = approvedGrant(Map.of("justification", WHY, "phiUnblock", true));

        chatText(requester, "gpt-test", id).then().statusCode(200);

        var sent = UpstreamStub.server().findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/chat/completions")));
        assertThat(sent.get(sent.size() - 1).getBodyAsString()).doesNotContain("123-45-6789").contains("[SOCIAL_SECURITY_NUMBER_1]");
    }

    private String approvedGrant(Map<String, Object> body) {
        String id = request(body).then().statusCode(201).extract().path("id");
        as(approver).post(base() + "/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private io.restassured.response.Response request(Map<String, Object> body) {
        return as(requester).body(body).post(base());
    }

    private String base() {
        return "/admin/v1/tenants/" + tenant + "/break-glass";
    }

    private static io.restassured.response.Response chat(String token, String model, String grant) {
        RequestSpecification spec = as(token).body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Plan?\"}]}");
        return (grant == null ? spec : spec.header("X-Cordon-Break-Glass", grant)).post("/v1/chat/completions");
    }

    private static io.restassured.response.Response chatText(String token, String model, String grant) {
        RequestSpecification spec = as(token).body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + NOTE + "\"}]}");
        return (grant == null ? spec : spec.header("X-Cordon-Break-Glass", grant)).post("/v1/chat/completions");
    }

    private String person(String subject, String scopes) {
        return person(tenant, subject, scopes);
    }

    private static String person(String tenantId, String subject, String scopes) {
        return Jwt.issuer(JwtAuthenticationTest.ISSUER).audience("cordon").subject(subject).claim("tenant", tenantId)
                .claim("amr", List.of("pwd", "hwk")).claim("scope", scopes).expiresIn(300).sign(JwtAuthenticationTest.IDP.getPrivate());
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
