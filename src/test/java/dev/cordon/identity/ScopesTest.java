package dev.cordon.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A key does only what its scopes allow; everything else is denied. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class ScopesTest {

    @Test
    void aKeyScopedToModelsCanListThemButNotGenerate() {
        String tenant = Tenants.newTenant(false);
        Tenants.allow(tenant, "echo");
        String key = given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON)
                .body("{\"name\":\"catalog-reader\",\"scopes\":[\"models:read\"]}").post("/admin/v1/tenants/" + tenant + "/keys")
                .then().statusCode(201).body("scopes[0]", equalTo("models:read")).extract().path("secret");

        given().auth().oauth2(key).get("/v1/models").then().statusCode(200);
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").post("/v1/chat/completions")
                .then().statusCode(403).body("error.code", equalTo("insufficient_scope")).body("error.type", equalTo("permission_error"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/v1/phi/analyze")
                .then().statusCode(403);
    }

    @Test
    void unknownOrEmptyScopesAreRefusedWhenIssuingAKey() {
        String tenant = Tenants.newTenant(false);

        given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body("{\"scopes\":[\"admin:everything\"]}")
                .post("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(400).body("error.param", equalTo("scopes"));
        given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body("{\"scopes\":[]}")
                .post("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(400);
    }
}
