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

/** Tokens are charged as the provider reports them; per-minute and monthly limits then hold. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(TokenBudgetTest.Budgeted.class)
class TokenBudgetTest {

    public static class Budgeted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cordon.limits.key-tokens-per-minute", "150", "cordon.limits.tenant-monthly-tokens", "200",
                    "cordon.tenancy.redis-key-prefix", "cordon-test-budget-" + System.nanoTime() + ":");
        }
    }

    /** The echo provider reports 40 prompt + 40 completion tokens for this message. */
    private static final String EIGHTY_TOKENS = "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(160) + "\"}]}";

    @Test
    void aKeyInTokenDebtWaitsWithOpenAiTokenHeaders() {
        String key = Tenants.keyFor("echo");
        chat(key).statusCode(200).header("x-ratelimit-limit-tokens", "150").header("x-ratelimit-remaining-tokens", "150");
        chat(key).statusCode(200);

        chat(key).statusCode(429).body("error.code", equalTo("rate_limit_exceeded"))
                .header("x-ratelimit-remaining-tokens", "0");
    }

    @Test
    void aTenantPastItsMonthlyBudgetGetsInsufficientQuotaOnEveryKey() {
        String tenant = Tenants.newTenant(false);
        Tenants.allow(tenant, "echo");
        String first = Tenants.issueKey(tenant);
        String second = Tenants.issueKey(tenant);
        chat(first).statusCode(200);
        chat(second).statusCode(200);
        chat(first).statusCode(200);

        chat(second).statusCode(429).body("error.code", equalTo("insufficient_quota"));
        chat(first).statusCode(429).body("error.code", equalTo("insufficient_quota"));
        given().auth().oauth2(first).get("/v1/models").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse chat(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(EIGHTY_TOKENS).post("/v1/chat/completions").then();
    }
}
