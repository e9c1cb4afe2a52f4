package dev.cordon.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import dev.cordon.tenancy.TenantAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    @Inject
    TenantAdmin admin;

    @Test
    void aRequestWhoseRecordCannotBeSpooledIsRefusedWith503() throws Throwable {
        String key = keyForEcho();

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(503).body("error.code", equalTo("audit_unavailable"))
                .body("error.type", equalTo("server_error"));
    }

    @Test
    void aStreamWhoseStartRecordCannotBeSpooledNeverSendsAByte() throws Throwable {
        String key = keyForEcho();

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"echo\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(503).contentType(ContentType.JSON).body("error.code", equalTo("audit_unavailable"));
    }

    @Test
    void anAdminActionThatCannotBeRecordedIsRefusedWith503() {
        given().auth().oauth2(Tenants.ADMIN_KEY).get("/admin/v1/tenants")
                .then().statusCode(503).body("error.code", equalTo("audit_unavailable"));
    }

    /** Set up through the service itself: the admin API is refused as well while the spool is full. */
    private String keyForEcho() throws Throwable {
        String tenant = "full-" + UUID.randomUUID().toString().substring(0, 8);
        VertxContextSupport.subscribeAndAwait(() -> admin.createTenant(tenant, "Full spool", false, true));
        VertxContextSupport.subscribeAndAwait(() -> admin.setModels(tenant, Set.of("echo")));
        return VertxContextSupport.subscribeAndAwait(() -> admin.issueKey(tenant, "k", dev.cordon.identity.Scopes.INFERENCE)).orElseThrow().secret();
    }
}
