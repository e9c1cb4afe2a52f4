package dev.cordon.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.audit.chain.ChainedRecord;
import dev.cordon.audit.chain.DecodedSegment;
import dev.cordon.audit.chain.SegmentCodec;
import dev.cordon.audit.chain.VerificationReport;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Every request, refused or answered, lands once in the signed, Object-Locked trail. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class AuditTrailTest {

    private static final String NOTE = "Pt Margaret Okonkwo, MRN 48213377, DOB 03/14/1951, dyspnea.";

    @Inject
    AuditTrail trail;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "cordon.audit.chain-id")
    String chainId;

    @Test
    void answeredAndRefusedRequestsAreShippedSignedAndVerifiable() throws Exception {
        String key = Tenants.keyFor("echo");
        String patient = "pat-" + UUID.randomUUID().toString().substring(0, 8);
        String ok = chat(key, patient, "TREATMENT").then().statusCode(200).extract().header("x-request-id");
        String denied = given().auth().oauth2(key).contentType(ContentType.JSON).header("X-Cordon-Patient-Id", patient)
                .body("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions").then().statusCode(404).extract().header("x-request-id");
        String anonymous = given().contentType(ContentType.JSON).body("{}").post("/v1/chat/completions")
                .then().statusCode(401).extract().header("x-request-id");

        trail.drain();
        VerificationReport report = trail.verify(Optional.empty(), Optional.empty());

        assertThat(report.intact()).as(report.summary()).isTrue();
        List<ChainedRecord> records = shippedRecords();
        assertThat(records).extracting(r -> r.event().requestId()).contains(ok, denied, anonymous);
        ChainedRecord answered = records.stream().filter(r -> r.event().requestId().equals(ok)).findFirst().orElseThrow();
        assertThat(answered.event().outcome()).isEqualTo("success");
        assertThat(answered.event().patientId()).isEqualTo(patient);
        assertThat(answered.event().purposeOfUse()).isEqualTo("TREATMENT");
        assertThat(answered.event().phiTypes()).containsKey("NAME");
        assertThat(records.stream().filter(r -> r.event().requestId().equals(denied)).findFirst().orElseThrow().event().outcome())
                .isEqualTo("denied");
    }

    @Test
    void theTrailHoldsNoPromptTextOrPhiValues() throws Exception {
        String key = Tenants.keyFor("echo");
        chat(key, "pat-x", "TREATMENT").then().statusCode(200);

        trail.drain();

        String all = String.join("\n", shippedLines());
        assertThat(all).doesNotContain("Okonkwo", "48213377", "03/14/1951", "dyspnea");
    }

    @Test
    void theAuditQueryApiFindsAPatientsAccessesAndCitesTheSegment() {
        String key = Tenants.keyFor("echo");
        String patient = "pat-" + UUID.randomUUID().toString().substring(0, 8);
        chat(key, patient, "PAYMENT").then().statusCode(200);
        trail.drain();

        given().auth().oauth2(Tenants.ADMIN_KEY).queryParam("patient", patient).get("/admin/v1/audit")
                .then().statusCode(200).body("data.size()", equalTo(1))
                .body("data[0].patientId", equalTo(patient)).body("data[0].purpose", equalTo("PAYMENT"))
                .body("data[0].segmentKey", org.hamcrest.Matchers.startsWith("audit/" + chainId + "/segments/"));
        given().auth().oauth2(Tenants.ADMIN_KEY).get("/admin/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void streamsAreAuditedBeforeTheFirstByteAndAtTheEnd() throws Exception {
        String key = Tenants.keyFor("echo");
        String id = given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"echo\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"stream me\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().header("x-request-id");

        trail.drain();

        assertThat(shippedRecords()).filteredOn(r -> r.event().requestId().equals(id))
                .extracting(r -> r.event().outcome()).containsExactly("started", "success");
    }

    @Test
    void adminActionsAcceptedOrRefusedAreAuditedToo() throws Exception {
        String tenant = Tenants.newTenant(false);
        String issued = given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body("{\"name\":\"ehr\"}")
                .post("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().header("x-request-id");
        String refused = given().auth().oauth2("cdnadm_not-a-key").get("/admin/v1/tenants").then().statusCode(401)
                .extract().header("x-request-id");

        trail.drain();

        List<ChainedRecord> records = shippedRecords();
        ChainedRecord issue = records.stream().filter(r -> r.event().requestId().equals(issued)).findFirst().orElseThrow();
        assertThat(issue.event().action()).isEqualTo("admin:issue_key");
        assertThat(issue.event().tenant()).isEqualTo(tenant);
        assertThat(issue.event().actor()).isEqualTo("bootstrap");
        assertThat(records.stream().filter(r -> r.event().requestId().equals(refused)).findFirst().orElseThrow().event())
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("denied"))
                .satisfies(e -> assertThat(e.action()).isEqualTo("admin:list_tenants"));
        assertThat(String.join("\n", shippedLines())).doesNotContain("cdnadm_");
    }

    private static io.restassured.response.Response chat(String key, String patient, String purpose) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).header("X-Cordon-Patient-Id", patient)
                .header("X-Cordon-Purpose", purpose)
                .body("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + NOTE + "\"}]}")
                .post("/v1/chat/completions");
    }

    private List<ChainedRecord> shippedRecords() {
        S3SegmentStore store = new S3SegmentStore(LocalS3.client(), "cordon-audit-test", 1, Optional.empty());
        List<ChainedRecord> out = new ArrayList<>();
        for (String key : store.list("audit/" + chainId + "/segments/")) {
            DecodedSegment segment = SegmentCodec.decode(store.get(key));
            out.addAll(segment.records());
        }
        return out;
    }

    private List<String> shippedLines() throws Exception {
        S3SegmentStore store = new S3SegmentStore(LocalS3.client(), "cordon-audit-test", 1, Optional.empty());
        List<String> out = new ArrayList<>();
        for (String key : store.list("audit/" + chainId + "/segments/")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(store.get(key)))) {
                out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
