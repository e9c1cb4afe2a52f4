package dev.cordon.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Limits are exact under concurrency and answered like OpenAI's, with rate-limit headers. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cordon.limits.key-requests-per-minute", "10", "cordon.limits.tenant-requests-per-minute", "15",
                    "cordon.tenancy.redis-key-prefix", "cordon-test-limits-" + System.nanoTime() + ":");
        }
    }

    @Test
    void aKeyOverItsLimitGets429WithOpenAiRateLimitHeaders() {
        String key = Tenants.keyFor("echo");
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(key).get("/v1/models").then().statusCode(200)
                    .header("x-ratelimit-limit-requests", "10").header("x-ratelimit-remaining-requests", Integer.toString(9 - i));
        }

        given().auth().oauth2(key).get("/v1/models").then().statusCode(429)
                .body("error.code", equalTo("rate_limit_exceeded")).body("error.type", equalTo("rate_limit_error"))
                .header("x-ratelimit-remaining-requests", "0")
                .header("x-ratelimit-reset-requests", org.hamcrest.Matchers.matchesPattern("\\d+(ms|s)"));
    }

    @Test
    void concurrentRequestsAreCountedExactly() throws Exception {
        String key = Tenants.keyFor("echo");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(() -> given().auth().oauth2(key).get("/v1/models").then().extract().statusCode());
        }

        long ok = 0;
        for (Future<Integer> f : pool.invokeAll(calls)) {
            ok += f.get() == 200 ? 1 : 0;
        }
        pool.shutdown();

        assertThat(ok).isEqualTo(10);
    }

    @Test
    void theTenantLimitSpansAllItsKeys() {
        String tenant = Tenants.newTenant(false);
        Tenants.allow(tenant, "echo");
        String first = Tenants.issueKey(tenant);
        String second = Tenants.issueKey(tenant);
        int ok = 0;
        for (int i = 0; i < 20; i++) {
            ok += given().auth().oauth2(i % 2 == 0 ? first : second).get("/v1/models").then().extract().statusCode() == 200 ? 1 : 0;
        }

        assertThat(ok).isEqualTo(15);
    }
}
