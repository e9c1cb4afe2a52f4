package dev.cordon.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.support.CapturedLogs;
import dev.cordon.support.Tenants;
import dev.cordon.support.TestIdp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each tenant's users sign in at the tenant's own identity provider (a real OIDC discovery + JWKS
 * flow against an in-test WireMock IdP); Quarkus OIDC verifies their access tokens, and the caller
 * acts for the tenant that owns the provider, never for one a claim names.
 */
@QuarkusTest
@TestProfile(OidcTenantAuthenticationTest.EveryUnknownKidRefreshesKeys.class)
class OidcTenantAuthenticationTest {

    /** Key-set refreshes are not rate-limited here, so a rotation is visible on the very next request. */
    public static class EveryUnknownKidRefreshesKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cordon.identity.oidc.jwks-refresh-interval", "0s", "cordon.identity.oidc.connect-timeout", "2s");
        }
    }

    private static TestIdp idp;
    private CapturedLogs logs;
    private TestIdp.Realm realm;
    private String tenant;

    @BeforeAll
    static void startTheIdentityProvider() {
        idp = new TestIdp();
    }

    @AfterAll
    static void stopTheIdentityProvider() {
        idp.close();
    }

    @BeforeEach
    void givenATenantWithItsOwnIdentityProvider() {
        logs = CapturedLogs.start();
        realm = idp.realm();
        tenant = Tenants.newTenant(false);
        Tenants.allow(tenant, "echo");
        setOidc(tenant, Map.of("issuer", realm.issuer, "clientId", "cordon-gw", "acrValues", List.of("urn:hospital:gold")))
                .statusCode(200).body("audience", equalTo("cordon-gw"));
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void aValidAccessTokenWithMfaReachesTheModelAsItsTenantWithItsRoles() {
        String token = realm.sign(realm.claims("cordon-gw").claim("realm_access", Map.of("roles", List.of("clinician"))));

        chat(token).statusCode(200).body("model", equalTo("echo"));

        assertThat(logLines()).anyMatch(l -> l.contains("oidc token verified") && l.contains(tenant) && l.contains("clinician"));
        assertThat(logLines()).anyMatch(l -> l.contains("access ") && l.contains(tenant) && l.contains("dr.reyes"));
    }

    @Test
    void aChangedRolesClaimTakesEffectOnTheNextRequest() {
        String token = realm.sign(realm.claims("cordon-gw").claim("cordon_access", Map.of("roles", List.of("pharmacist"))));
        chat(token).statusCode(200);

        setOidc(tenant, Map.of("issuer", realm.issuer, "clientId", "cordon-gw", "rolesClaim", "cordon_access/roles")).statusCode(200);
        chat(token).statusCode(200);

        assertThat(logLines()).filteredOn(l -> l.contains("oidc token verified")).hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0)).doesNotContain("pharmacist"))
                .satisfies(lines -> assertThat(lines.get(1)).contains("pharmacist"));
    }

    @Test
    void peopleFromTheTenantsOwnProviderAdministerTheirTenantAndRequestBreakGlass() {
        String manager = realm.sign(realm.claims("cordon-gw").subject("it.lee").claim("scope", "admin:keys break-glass:request"));
        String approver = realm.sign(realm.claims("cordon-gw").subject("dr.chen").claim("scope", "break-glass:approve"));

        given().auth().oauth2(manager).get("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(200);
        String grant = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("justification", "Code blue in ED bay 4; the research model has the protocol", "model", "echo"))
                .post("/admin/v1/tenants/" + tenant + "/break-glass").then().statusCode(201).extract().path("id");
        given().auth().oauth2(approver).post("/admin/v1/tenants/" + tenant + "/break-glass/" + grant + "/approve")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aTokenNamingTheAudiencesOfTwoTenantsIsTakenAsNeither() {
        String other = Tenants.newTenant(false);
        Tenants.allow(other, "echo");
        setOidc(other, Map.of("issuer", realm.issuer, "clientId", "other-gw")).statusCode(200);

        chat(realm.sign(realm.claims("cordon-gw").audience(java.util.Set.of("cordon-gw", "other-gw")))).statusCode(401);
        chat(realm.sign(realm.claims("other-gw"))).statusCode(200);
    }

    @Test
    void scopesComeFromScopeOrScpAndDenyWhatIsNotGranted() {
        chat(realm.sign(realm.claims("cordon-gw").claim("scope", "models:read"))).statusCode(403)
                .body("error.code", equalTo("insufficient_scope"));

        chat(realm.sign(realm.claims("cordon-gw").remove("scope").claim("scp", List.of("chat:generate")))).statusCode(200);
    }

    @Test
    void aSessionPastItsAbsoluteLifetimeIsLoggedOff() {
        String token = realm.sign(realm.claims("cordon-gw").claim("sid", "s-" + System.nanoTime())
                .claim("auth_time", Instant.now().minusSeconds(31 * 60).getEpochSecond()));

        chat(token).statusCode(401).body("error.code", equalTo("session_expired"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = realm.sign(realm.claims("cordon-gw").issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));

        chat(token).statusCode(401).body("error.code", equalTo("invalid_token"));
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefused() {
        chat(realm.sign(realm.claims("cordon-gw").issuer("https://evil.example/realms/x"))).statusCode(401)
                .body("error.code", equalTo("invalid_token"));
        chat(realm.sign(realm.claims("someone-else"))).statusCode(401).body("error.code", equalTo("invalid_token"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String body = b64("{\"iss\":\"" + realm.issuer + "\",\"aud\":\"cordon-gw\",\"sub\":\"mallory\",\"amr\":[\"mfa\"],"
                + "\"scope\":\"chat:generate\",\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}");

        chat(header + "." + body + ".").statusCode(401).body("error.code", equalTo("invalid_token"));
    }

    @Test
    void anHmacTokenSignedWithTheProvidersPublicKeyIsRefused() {
        String token = realm.claims("cordon-gw").jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(realm.signingKey().getPublic().getEncoded(), "HmacSHA256"));

        chat(token).statusCode(401).body("error.code", equalTo("invalid_token"));
    }

    @Test
    void aKeyTheProviderDoesNotPublishIsRefusedUntilItIsRotatedIn() {
        chat(realm.sign(realm.claims("cordon-gw"))).statusCode(200);
        String oldKeyToken = realm.sign(realm.claims("cordon-gw"));
        realm.rotate(false);
        String newKeyToken = realm.sign(realm.claims("cordon-gw"));

        chat(newKeyToken).statusCode(401).body("error.code", equalTo("invalid_token"));

        realm.publishSigningKey();
        chat(newKeyToken).statusCode(200);
        chat(oldKeyToken).statusCode(401);
    }

    @Test
    void aHumanWithoutMfaEvidenceIsRefusedButAnAcceptedAcrCounts() {
        chat(realm.sign(realm.claims("cordon-gw").claim("amr", List.of("pwd")))).statusCode(401)
                .body("error.code", equalTo("mfa_required"));
        chat(realm.sign(realm.claims("cordon-gw").claim("amr", List.of("pwd")).claim("acr", "urn:hospital:silver")))
                .statusCode(401).body("error.code", equalTo("mfa_required"));

        chat(realm.sign(realm.claims("cordon-gw").claim("amr", List.of("pwd")).claim("acr", "urn:hospital:gold"))).statusCode(200);
    }

    @Test
    void aTokenFromOneTenantsProviderActsForThatTenantWhateverTenantItClaims() {
        TestIdp.Realm otherRealm = idp.realm();
        String other = Tenants.newTenant(false);
        setOidc(other, Map.of("issuer", otherRealm.issuer, "clientId", "cordon-gw")).statusCode(200);

        // The other tenant may use no model: acting for it would be refused with 403/404.
        chat(realm.sign(realm.claims("cordon-gw").claim("tenant", other).claim("tid", other))).statusCode(200);
        assertThat(logLines()).anyMatch(l -> l.contains("access ") && l.contains("tenant=" + tenant));
        assertThat(logLines()).noneMatch(l -> l.contains("access ") && l.contains("tenant=" + other));

        // Claiming the other tenant's issuer with this provider's key fails verification there.
        chat(realm.sign(realm.claims("cordon-gw").issuer(otherRealm.issuer))).statusCode(401)
                .body("error.code", equalTo("invalid_token"));
    }

    @Test
    void anUnreachableProviderMeans503AndNeverAccess() throws IOException {
        String down;
        try (ServerSocket socket = new ServerSocket(0)) {
            down = "http://127.0.0.1:" + socket.getLocalPort() + "/realms/down";
        }
        setOidc(tenant, Map.of("issuer", down, "clientId", "cordon-gw")).statusCode(200);
        String token = realm.sign(realm.claims("cordon-gw").issuer(down));

        chat(token).statusCode(503).body("error.code", equalTo("auth_unavailable"));
    }

    @Test
    void aTokenFromAProviderNoTenantConfiguredIsRefused() {
        TestIdp.Realm unconfigured = idp.realm();
        chat(unconfigured.sign(unconfigured.claims("cordon-gw"))).statusCode(401).body("error.code", equalTo("invalid_token"));

        given().auth().oauth2(Tenants.ADMIN_KEY).delete("/admin/v1/tenants/" + tenant + "/oidc").then().statusCode(200);
        chat(realm.sign(realm.claims("cordon-gw"))).statusCode(401).body("error.code", equalTo("invalid_token"));
        given().auth().oauth2(Tenants.ADMIN_KEY).get("/admin/v1/tenants/" + tenant + "/oidc").then().statusCode(404)
                .body("error.code", equalTo("oidc_not_configured"));
    }

    @Test
    void tokensNeverAppearInTheLogs() {
        String valid = realm.sign(realm.claims("cordon-gw"));
        String expired = realm.sign(realm.claims("cordon-gw").expiresAt(Instant.now().minusSeconds(600)));
        String noMfa = realm.sign(realm.claims("cordon-gw").claim("amr", List.of("pwd")));
        chat(valid).statusCode(200);
        chat(expired).statusCode(401);
        chat(noMfa).statusCode(401);

        for (String token : List.of(valid, expired, noMfa)) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            String payload = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
            assertThat(logLines()).as("captured log lines").isNotEmpty()
                    .noneMatch(l -> l.contains(signature) || l.contains(payload));
        }
    }

    @Test
    void theAdminApiRefusesBadSettingsPrecisely() {
        setOidc(tenant, Map.of("issuer", "http://idp.example.org/realms/a", "clientId", "c")).statusCode(400)
                .body("error.param", equalTo("issuer"));
        setOidc(tenant, Map.of("issuer", "https://idp.example.org/realms/a")).statusCode(400).body("error.param", equalTo("clientId"));
        setOidc(tenant, Map.of("issuer", "https://idp.example.org/realms/a", "clientId", "c", "jwksUrl", "ftp://x/keys"))
                .statusCode(400).body("error.param", equalTo("jwksUrl"));
        setOidc(tenant, Map.of("issuer", "https://idp.example.org/realms/a", "clientId", "c", "acrValues", "gold"))
                .statusCode(400).body("error.param", equalTo("acrValues"));
        setOidc(tenant, Map.of("issuer", "https://idp.example.org/realms/a", "clientId", "c", "isuer", "typo"))
                .statusCode(400).body("error.code", equalTo("invalid_value"));
        setOidc("no-such-tenant", Map.of("issuer", "https://idp.example.org/realms/a", "clientId", "c")).statusCode(404);

        String other = Tenants.newTenant(false);
        setOidc(other, Map.of("issuer", realm.issuer, "clientId", "cordon-gw")).statusCode(400)
                .body("error.code", equalTo("issuer_in_use"));
        given().auth().oauth2(Tenants.ADMIN_KEY).get("/admin/v1/tenants/" + tenant + "/oidc").then().statusCode(200)
                .body("issuer", equalTo(realm.issuer)).body("acrValues[0]", equalTo("urn:hospital:gold"));
    }

    private List<String> logLines() {
        return logs.lines();
    }

    private static ValidatableResponse setOidc(String tenant, Map<String, Object> body) {
        return given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON).body(body)
                .put("/admin/v1/tenants/" + tenant + "/oidc").then();
    }

    private static ValidatableResponse chat(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions").then();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
