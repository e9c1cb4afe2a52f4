package dev.cordon.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Human users authenticate with the hospital IdP's JWTs; every classic token attack is refused. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(JwtAuthenticationTest.WithIdentityProvider.class)
class JwtAuthenticationTest {

    static final KeyPair IDP = rsa();
    static final String ISSUER = "https://idp.hospital.example/realms/cordon";

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(IDP.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
            return Map.of("cordon.identity.jwt-enabled", "true", "mp.jwt.verify.publickey", pem,
                    "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", "cordon",
                    "cordon.identity.session-idle-timeout", "2s",
                    // Break-glass alerts go to the upstream stub, where BreakGlassTest can read them.
                    "cordon.break-glass.webhook-url", "${cordon.providers.mock.base-url}/hooks/break-glass",
                    "cordon.identity.role-scopes.privacy-officer", "audit:read");
        }
    }

    private String tenant;

    @BeforeEach
    void givenATenantAllowedTheEchoModel() {
        tenant = Tenants.newTenant(false);
        Tenants.allow(tenant, "echo");
    }

    @Test
    void aValidTokenWithMfaIsAcceptedForItsTenant() {
        models(claims().sign(IDP.getPrivate())).statusCode(200).body("data[0].id", equalTo("echo"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = claims().issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(IDP.getPrivate());
        models(token).statusCode(401).body("error.code", equalTo("invalid_token"));
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefused() {
        models(claims().issuer("https://evil.example").sign(IDP.getPrivate())).statusCode(401);
        models(claims().audience("someone-else").sign(IDP.getPrivate())).statusCode(401);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String body = b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"cordon\",\"sub\":\"mallory\",\"tenant\":\"" + tenant
                + "\",\"amr\":[\"mfa\"],\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}");
        models(header + "." + body + ".").statusCode(401);
    }

    @Test
    void anHmacTokenSignedWithThePublicKeyIsRefused() {
        String token = claims().jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(IDP.getPublic().getEncoded(), "HmacSHA256"));
        models(token).statusCode(401);
    }

    @Test
    void aHumanWithoutMfaEvidenceIsRefused() {
        models(claims().claim("amr", List.of("pwd")).sign(IDP.getPrivate())).statusCode(401)
                .body("error.code", equalTo("mfa_required"));
    }

    @Test
    void aTokenWithoutTheEndpointsScopeIsRefusedWith403() {
        models(claims().claim("scope", "chat:generate").sign(IDP.getPrivate())).statusCode(403)
                .body("error.code", equalTo("insufficient_scope"));
    }

    @Test
    void aTenantThatDoesNotRequireMfaAcceptsPasswordOnlyUsers() {
        String relaxed = "t-nomfa-" + System.nanoTime() % 100000;
        given().auth().oauth2(Tenants.ADMIN_KEY).contentType("application/json")
                .body("{\"id\":\"" + relaxed + "\",\"name\":\"Clinic\",\"requireMfa\":false}").post("/admin/v1/tenants")
                .then().statusCode(201).body("requireMfa", equalTo(false));
        Tenants.allow(relaxed, "echo");

        models(claims().claim("tenant", relaxed).claim("amr", List.of("pwd")).sign(IDP.getPrivate())).statusCode(200);
    }

    @Test
    void aTokenForAnUnknownTenantIsRefused() {
        models(claims().claim("tenant", "no-such-tenant").sign(IDP.getPrivate())).statusCode(401);
    }

    @Test
    void aSessionPastItsAbsoluteLifetimeIsLoggedOff() {
        String token = claims().claim("sid", "s-" + System.nanoTime()).claim("auth_time", Instant.now().minusSeconds(31 * 60).getEpochSecond())
                .sign(IDP.getPrivate());

        models(token).statusCode(401).body("error.code", equalTo("session_expired"));
    }

    @Test
    void aSessionIdleLongerThanTheIdleTimeoutIsLoggedOff() throws InterruptedException {
        String token = session("s-" + System.nanoTime(), "dr.idle");
        models(token).statusCode(200);
        models(token).statusCode(200);

        Thread.sleep(2_500);

        models(token).statusCode(401).body("error.code", equalTo("session_expired"));
    }

    @Test
    void endingASessionOrAllOfAUsersSessionsTakesEffectOnTheNextRequest() {
        String sid = "s-" + System.nanoTime();
        String one = session(sid, "dr.one");
        String other = session("s-" + System.nanoTime(), "dr.two");
        models(one).statusCode(200);
        models(other).statusCode(200);

        given().auth().oauth2(Tenants.ADMIN_KEY).delete("/admin/v1/tenants/" + tenant + "/sessions/" + sid).then().statusCode(200);
        given().auth().oauth2(Tenants.ADMIN_KEY).delete("/admin/v1/tenants/" + tenant + "/subjects/dr.two/sessions").then().statusCode(200);

        models(one).statusCode(401).body("error.code", equalTo("session_expired"));
        models(other).statusCode(401);
    }

    @Test
    void endingAllOfAPersonsSessionsAlsoStopsTheirTokensWithoutASessionId() {
        String token = claims().subject("dr.nosid").sign(IDP.getPrivate());
        models(token).statusCode(200);

        given().auth().oauth2(Tenants.ADMIN_KEY).delete("/admin/v1/tenants/" + tenant + "/subjects/dr.nosid/sessions").then().statusCode(200);

        models(token).statusCode(401).body("error.code", equalTo("session_expired"));
    }

    private String session(String sid, String subject) {
        return claims().subject(subject).claim("sid", sid).claim("auth_time", Instant.now().getEpochSecond()).sign(IDP.getPrivate());
    }

    private JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER).audience("cordon").subject("dr.reyes").claim("tenant", tenant)
                .claim("amr", List.of("pwd", "mfa")).claim("scope", "models:read chat:generate").expiresIn(300);
    }

    private static io.restassured.response.ValidatableResponse models(String token) {
        return given().auth().oauth2(token).get("/v1/models").then();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() {
        try {
            // Seeded, so the profile (loaded by another class loader) and the test get the same pair.
            java.security.SecureRandom seeded = java.security.SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(20261123L);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, seeded);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
