package dev.cordon.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * People administer their own tenant through the admin API with operator scopes from their
 * identity provider; platform actions stay with admin keys; and narrowing scopes limit a
 * credential to some models or purposes of use.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(JwtAuthenticationTest.WithIdentityProvider.class)
class OperatorRolesTest {

    private String tenant;
    private String other;

    @BeforeEach
    void givenTwoTenants() {
        tenant = Tenants.newTenant(false);
        other = Tenants.newTenant(false);
        Tenants.allow(tenant, "echo", "gpt-test");
    }

    @Test
    void aKeyManagerIssuesAndRevokesKeysOfItsOwnTenantOnly() {
        String manager = person("it.lee", "admin:keys");

        String keyId = as(manager).body(Map.of("name", "ehr-bot")).post("/admin/v1/tenants/" + tenant + "/keys")
                .then().statusCode(201).extract().path("id");
        as(manager).delete("/admin/v1/tenants/" + tenant + "/keys/" + keyId).then().statusCode(200);

        as(manager).body(Map.of("name", "x")).post("/admin/v1/tenants/" + other + "/keys")
                .then().statusCode(404).body("error.code", equalTo("tenant_not_found"));
        as(manager).get("/admin/v1/tenants/" + other + "/keys").then().statusCode(404);
        as(manager).get("/admin/v1/tenants/no-such-tenant/keys").then().statusCode(404);
    }

    @Test
    void aPersonWithoutTheOperatorScopeIsRefused() {
        String clinician = person("dr.reyes", "chat:generate models:read");

        as(clinician).body(Map.of("name", "x")).post("/admin/v1/tenants/" + tenant + "/keys")
                .then().statusCode(403).body("error.code", equalTo("insufficient_scope"));
        as(clinician).body(Map.of("models", List.of("echo"))).put("/admin/v1/tenants/" + tenant + "/models").then().statusCode(403);
    }

    @Test
    void platformActionsStayWithAdminKeysWhateverScopesAPersonHolds() {
        String everything = person("root.wannabe", "admin:tenants admin:keys admin:sessions audit:read");

        as(everything).get("/admin/v1/tenants").then().statusCode(403);
        as(everything).body(Map.of("name", "Shadow Hospital")).post("/admin/v1/tenants").then().statusCode(403);
        as(everything).get("/admin/v1/audit/verify").then().statusCode(403);
    }

    @Test
    void anAuditReaderQueriesOnlyItsOwnTenant() {
        String auditor = person("privacy.officer", "audit:read");

        as(auditor).queryParam("tenant", tenant).get("/admin/v1/audit").then().statusCode(200)
                .body("data.tenant", everyItem(equalTo(tenant)));
        as(auditor).queryParam("tenant", other).get("/admin/v1/audit").then().statusCode(404);
        as(auditor).get("/admin/v1/audit").then().statusCode(400).body("error.param", equalTo("tenant"));
    }

    @Test
    void aRoleFromTheIdentityProviderGrantsTheScopesMappedToIt() {
        String officer = Jwt.issuer(JwtAuthenticationTest.ISSUER).audience("cordon").subject("privacy.officer").claim("tenant", tenant)
                .claim("amr", List.of("mfa")).groups("privacy-officer").expiresIn(300).sign(JwtAuthenticationTest.IDP.getPrivate());
        String unmapped = Jwt.issuer(JwtAuthenticationTest.ISSUER).audience("cordon").subject("someone").claim("tenant", tenant)
                .claim("amr", List.of("mfa")).groups("nurse").expiresIn(300).sign(JwtAuthenticationTest.IDP.getPrivate());

        as(officer).queryParam("tenant", tenant).get("/admin/v1/audit").then().statusCode(200);
        as(unmapped).queryParam("tenant", tenant).get("/admin/v1/audit").then().statusCode(403);
    }

    @Test
    void operatorsNeedMfaLikeEveryoneElse() {
        String passwordOnly = Jwt.issuer(JwtAuthenticationTest.ISSUER).audience("cordon").subject("it.lee").claim("tenant", tenant)
                .claim("amr", List.of("pwd")).claim("scope", "admin:keys").expiresIn(300).sign(JwtAuthenticationTest.IDP.getPrivate());

        as(passwordOnly).get("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(401).body("error.code", equalTo("mfa_required"));
    }

    @Test
    void aTenantAdminSetsItsModelAllowlistButNotAnotherTenants() {
        String admin = person("it.admin", "admin:tenants");

        as(admin).body(Map.of("models", List.of("echo"))).put("/admin/v1/tenants/" + tenant + "/models").then().statusCode(200);
        as(admin).body(Map.of("models", List.of("echo"))).put("/admin/v1/tenants/" + other + "/models").then().statusCode(404);
    }

    @Test
    void aKeyNarrowedToOneModelCannotUseAnotherModelItsTenantAllows() {
        String key = key(List.of("chat:generate", "model:echo"));

        chat(key, "echo", null).then().statusCode(200);
        chat(key, "gpt-test", null).then().statusCode(404).body("error.code", equalTo("model_not_found"));
    }

    @Test
    void aKeyNarrowedToAPurposeMayDeclareOnlyThatPurpose() {
        String key = key(List.of("chat:generate", "purpose:TREATMENT"));

        chat(key, "echo", "TREATMENT").then().statusCode(200);
        chat(key, "echo", "PAYMENT").then().statusCode(403).body("error.code", equalTo("purpose_not_permitted"));
        chat(key, "echo", null).then().statusCode(200);
    }

    @Test
    void operatorScopesCannotBeIssuedToAnApiKey() {
        given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("scopes", List.of("admin:keys")))
                .post("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(400).body("error.param", equalTo("scopes"));
    }

    private String key(List<String> scopes) {
        return given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("name", "narrow", "scopes", scopes))
                .post("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().path("secret");
    }

    private static io.restassured.response.Response chat(String key, String model, String purpose) {
        RequestSpecification spec = given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarise the plan.\"}]}");
        return (purpose == null ? spec : spec.header("X-Cordon-Purpose", purpose)).post("/v1/chat/completions");
    }

    private String person(String subject, String scopes) {
        return Jwt.issuer(JwtAuthenticationTest.ISSUER).audience("cordon").subject(subject).claim("tenant", tenant)
                .claim("amr", List.of("pwd", "mfa")).claim("scope", scopes).expiresIn(300).sign(JwtAuthenticationTest.IDP.getPrivate());
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
