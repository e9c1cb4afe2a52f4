package dev.cordon.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates tenants and keys through the admin API, as an operator would. */
public final class Tenants {

    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdefghijklmnop";

    private Tenants() {}

    /** A new tenant allowed to use {@code models}; returns its API key secret. */
    public static String keyFor(String... models) {
        String tenant = newTenant(false);
        allow(tenant, models);
        return issueKey(tenant);
    }

    public static String newTenant(boolean allowNonBaaDeidentified) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
        given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Test Hospital " + id, "allowNonBaaDeidentified", allowNonBaaDeidentified))
                .post("/admin/v1/tenants").then().statusCode(201);
        return id;
    }

    public static void allow(String tenant, String... models) {
        given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("models", List.of(models)))
                .put("/admin/v1/tenants/" + tenant + "/models").then().statusCode(200);
    }

    public static String issueKey(String tenant) {
        return given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("name", "test"))
                .post("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().path("secret");
    }
}
