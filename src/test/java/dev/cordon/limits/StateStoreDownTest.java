package dev.cordon.limits;

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

/** With limits on and their Redis unreachable, requests are refused with a 503 — never waved through. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(StateStoreDownTest.StateRedisUnreachable.class)
class StateStoreDownTest {

    public static class StateRedisUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cordon.limits.key-requests-per-minute", "100", "quarkus.redis.state.hosts", "redis://127.0.0.1:1",
                    "quarkus.redis.state.timeout", "500ms");
        }
    }

    @Test
    void aRequestIsRefusedWith503WhenTheLimitStoreIsDown() {
        String key = Tenants.keyFor("echo");

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"Pt John Smith MRN 5512345\"}]}")
                .post("/v1/chat/completions").then().statusCode(503)
                .body("error.code", equalTo("limits_unavailable")).body("error.type", equalTo("server_error"));
    }
}
