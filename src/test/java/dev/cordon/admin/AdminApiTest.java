package dev.cordon.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class AdminApiTest {

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "cordon.tenancy.redis-key-prefix")
    String redisPrefix;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void operatorCreatesTenantIssuesKeyUsesItAndRevokesIt() {
        String tenant = Tenants.newTenant(false);
        Tenants.allow(tenant, "gpt-test");

        Map<String, Object> issued = given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "ehr-integration")).post("/admin/v1/tenants/" + tenant + "/keys")
                .then().statusCode(201).body("secret", startsWith("cdn_")).body("tenantId", equalTo(tenant))
                .extract().as(Map.class);
        String secret = (String) issued.get("secret");
        String keyId = (String) issued.get("id");

        given().auth().oauth2(secret).get("/v1/models").then().statusCode(200).body("data.id", hasItem("gpt-test"));
        given().auth().oauth2(Tenants.ADMIN_KEY).get("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(200)
                .body("data[0].id", equalTo(keyId)).body("data[0].secret", nullValue()).body("data[0].prefix", startsWith("cdn_"));

        given().auth().oauth2(Tenants.ADMIN_KEY).delete("/admin/v1/tenants/" + tenant + "/keys/" + keyId)
                .then().statusCode(200).body("revoked", equalTo(true));

        given().auth().oauth2(secret).get("/v1/models").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void revocationByAnotherInstanceTakesEffectWithinOneSecond() throws Exception {
        String tenant = Tenants.newTenant(false);
        String secret = Tenants.issueKey(tenant);
        given().auth().oauth2(secret).get("/v1/models").then().statusCode(200);

        // Another instance revokes: it writes the database and bumps the shared epoch, nothing else.
        try (Connection c = DriverManager.getConnection(jdbcUrl, "cordon", "cordon")) {
            c.createStatement().executeUpdate("update api_keys set revoked_at = now() where tenant_id = '" + tenant + "'");
        }
        redis.value(Long.class).incr(redisPrefix + "tenancy:epoch");
        long revokedAt = System.nanoTime();

        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < 2_000_000_000L) {
            status = given().auth().oauth2(secret).get("/v1/models").then().extract().statusCode();
        }
        long tookMillis = (System.nanoTime() - revokedAt) / 1_000_000;
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(tookMillis).as("revocation propagation").isLessThan(1000);
    }

    @Test
    void allowlistChangeAppliesToCachedKeys() {
        String tenant = Tenants.newTenant(false);
        Tenants.allow(tenant, "gpt-test");
        String secret = Tenants.issueKey(tenant);
        given().auth().oauth2(secret).get("/v1/models/gpt-test").then().statusCode(200);

        Tenants.allow(tenant, "embed-test");

        given().auth().oauth2(secret).get("/v1/models/gpt-test").then().statusCode(404);
        given().auth().oauth2(secret).get("/v1/models/embed-test").then().statusCode(200);
    }

    @Test
    void adminApiRefusesMissingWrongAndTenantKeys() {
        given().get("/admin/v1/tenants").then().statusCode(401).header("x-request-id", notNullValue())
                .body("error.code", equalTo("missing_api_key"));
        given().auth().oauth2("cdnadm_wrong").get("/admin/v1/tenants").then().statusCode(401)
                .body("error.code", equalTo("invalid_api_key"));
        String tenantKey = Tenants.keyFor("gpt-test");
        given().auth().oauth2(tenantKey).get("/admin/v1/tenants").then().statusCode(401);
    }

    @Test
    void invalidAdminInputGetsPrecise4xx() {
        admin().body("{\"id\":\"Bad Id!\",\"name\":\"x\"}").post("/admin/v1/tenants").then().statusCode(400)
                .body("error.param", equalTo("id"));
        admin().body("{\"id\":\"ok-id\"}").post("/admin/v1/tenants").then().statusCode(400).body("error.param", equalTo("name"));
        admin().body("{not json").post("/admin/v1/tenants").then().statusCode(400).body("error.code", equalTo("invalid_json"));
        String tenant = Tenants.newTenant(false);
        admin().body("{\"models\":[\"no-such-alias\"]}").put("/admin/v1/tenants/" + tenant + "/models").then()
                .statusCode(400).body("error.param", equalTo("models"));
        admin().body("{\"models\":[]}").put("/admin/v1/tenants/no-such-tenant/models").then().statusCode(404)
                .body("error.code", equalTo("tenant_not_found"));
        admin().delete("/admin/v1/tenants/" + tenant + "/keys/key_doesnotexist").then().statusCode(404)
                .body("error.code", equalTo("key_not_found"));
        admin().body("{\"id\":\"" + tenant + "\",\"name\":\"dup\"}").post("/admin/v1/tenants").then().statusCode(400)
                .body("error.code", equalTo("tenant_exists"));
    }

    @Test
    void aTenantCannotRevokeAnotherTenantsKeyThroughTheWrongPath() {
        String owner = Tenants.newTenant(false);
        String ownerKeyId = given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body("{}")
                .post("/admin/v1/tenants/" + owner + "/keys").then().statusCode(201).extract().path("id");
        String other = Tenants.newTenant(false);

        admin().delete("/admin/v1/tenants/" + other + "/keys/" + ownerKeyId).then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON);
    }
}
