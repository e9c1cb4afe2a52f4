package dev.cordon.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One tenant's credentials can neither use, read nor detect another tenant's resources. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class TenantIsolationTest {

    private String tenantA;
    private String tenantB;
    private String keyA;
    private String keyBId;

    @BeforeEach
    void givenTwoTenantsWithDifferentModels() {
        tenantA = Tenants.newTenant(false);
        Tenants.allow(tenantA, "echo");
        keyA = Tenants.issueKey(tenantA);
        tenantB = Tenants.newTenant(false);
        Tenants.allow(tenantB, "echo-embed");
        keyBId = given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body("{}")
                .post("/admin/v1/tenants/" + tenantB + "/keys").then().statusCode(201).extract().path("id");
    }

    @Test
    void aTenantCannotSeeOrUseAnotherTenantsModels() {
        given().auth().oauth2(keyA).get("/v1/models").then().statusCode(200).body("data.id", not(hasItem("echo-embed")));
        given().auth().oauth2(keyA).get("/v1/models/echo-embed").then().statusCode(404).body("error.code", equalTo("model_not_found"));
        given().auth().oauth2(keyA).contentType(ContentType.JSON).body("{\"model\":\"echo-embed\",\"input\":\"x\"}")
                .post("/v1/embeddings").then().statusCode(404);
    }

    static Stream<String[]> adminCalls() {
        return Stream.of(new String[] {"GET", "/admin/v1/tenants"}, new String[] {"GET", "/admin/v1/tenants/%B"},
                new String[] {"GET", "/admin/v1/tenants/%B/keys"}, new String[] {"DELETE", "/admin/v1/tenants/%B/keys/%K"},
                new String[] {"PUT", "/admin/v1/tenants/%B/models"}, new String[] {"PUT", "/admin/v1/tenants/%B/phi-policy"},
                new String[] {"GET", "/admin/v1/audit?tenant=%B"}, new String[] {"GET", "/admin/v1/audit/verify"},
                new String[] {"DELETE", "/admin/v1/tenants/%B/sessions/s1"}, new String[] {"DELETE", "/admin/v1/tenants/%B/subjects/u1/sessions"});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminCalls")
    void aTenantKeyCannotReachAnyAdminOrAuditEndpoint(String method, String path) {
        String url = path.replace("%B", tenantB).replace("%K", keyBId);

        given().auth().oauth2(keyA).contentType(ContentType.JSON).body("{\"models\":[\"echo\"]}").request(method, url)
                .then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void anotherTenantsKeyIdIsNotFoundEvenForTheOperatorUnderTheWrongTenant() {
        given().auth().oauth2(Tenants.ADMIN_KEY).delete("/admin/v1/tenants/" + tenantA + "/keys/" + keyBId)
                .then().statusCode(404).body("error.code", equalTo("key_not_found"));
    }
}
