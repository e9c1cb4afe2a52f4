package dev.cordon.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the audit record cannot be accepted, nothing is answered: the caller gets a 503. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(AuditFailClosedTest.FullSpool.class)
class AuditFailClosedTest {

    /** A spool that is always full, as it would be after a long object-store outage. */
    public static class FullSpool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cordon.audit.max-backlog", "0", "cordon.tenancy.redis-key-prefix", "cordon-test-full:");
        }
    }

    @Test
    void aRequestWhoseRecordCannotBeSpooledIsRefusedWith503() {
        String key = Tenants.keyFor("echo");

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(503).body("error.code", equalTo("audit_unavailable"))
                .body("error.type", equalTo("server_error"));
    }

    @Test
    void aStreamWhoseStartRecordCannotBeSpooledNeverSendsAByte() {
        String key = Tenants.keyFor("echo");

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"echo\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(503).contentType(ContentType.JSON).body("error.code", equalTo("audit_unavailable"));
    }
}
