package dev.cordon.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A database that is down at start delays readiness and refuses requests; it never fails the boot. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(DatabaseDownAtStartTest.NoDatabase.class)
class DatabaseDownAtStartTest {

    /** PostgreSQL on a port where nothing listens, migrated in the background as in production. */
    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/cordon_test",
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/cordon_test",
                    "quarkus.flyway.migrate-at-start", "false", "quarkus.flyway.clean-at-start", "false");
        }
    }

    @Test
    void theGatewayIsLiveButNotReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void requestsNeedingTheDatabaseAreRefusedWith503NotLetThrough() {
        given().auth().oauth2("cdn_someKeyThatCannotBeCheckedNow").get("/v1/models")
                .then().statusCode(503).body("error.code", equalTo("auth_unavailable"));
    }
}
