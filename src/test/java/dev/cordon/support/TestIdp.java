package dev.cordon.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An OIDC identity provider for tests: one WireMock server, one realm per {@link Realm} with its
 * own issuer, discovery document and JWKS built from RSA keys generated here. Keys can be rotated
 * while the gateway runs.
 */
public final class TestIdp implements AutoCloseable {

    private final WireMockServer server;

    public TestIdp() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(8).jettyAcceptors(1));
        server.start();
    }

    /** A new realm publishing one fresh signing key. */
    public Realm realm() {
        return new Realm("http://127.0.0.1:" + server.port() + "/realms/r-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** How often this IdP served the JWKS of {@code realm}. */
    public int jwksFetches(Realm realm) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(path(realm.issuer) + "/jwks"))).size();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/realms/"));
    }

    /** One issuer with its current signing keys; the first key signs. */
    public final class Realm {

        public final String issuer;
        private final Map<String, KeyPair> published = new LinkedHashMap<>();
        private String signingKid;
        private KeyPair signing;

        private Realm(String issuer) {
            this.issuer = issuer;
            server.stubFor(get(urlPathEqualTo(path(issuer) + "/.well-known/openid-configuration")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
            rotate(true);
        }

        /** A new signing key; {@code publish} false keeps it off the JWKS (an unknown {@code kid}). */
        public Realm rotate(boolean publish) {
            signingKid = "kid-" + UUID.randomUUID().toString().substring(0, 8);
            signing = rsa();
            return publish ? publishSigningKey() : this;
        }

        /** Publishes the current signing key (after a {@code rotate(false)}), dropping the old ones. */
        public Realm publishSigningKey() {
            published.clear();
            published.put(signingKid, signing);
            publishJwks();
            return this;
        }

        public KeyPair signingKey() {
            return signing;
        }

        /** Claims of a valid token for {@code audience} with MFA evidence. */
        public JwtClaimsBuilder claims(String audience) {
            return Jwt.issuer(issuer).audience(audience).subject("dr.reyes").claim("amr", List.of("pwd", "otp"))
                    .claim("scope", "chat:generate models:read").expiresIn(300);
        }

        public String sign(JwtClaimsBuilder claims) {
            return claims.jws().keyId(signingKid).sign(signing.getPrivate());
        }

        private void publishJwks() {
            List<String> keys = new ArrayList<>();
            published.forEach((kid, pair) -> keys.add(jwk(kid, (RSAPublicKey) pair.getPublic())));
            server.stubFor(get(urlPathEqualTo(path(issuer) + "/jwks")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"keys\":[" + keys.stream().collect(Collectors.joining(",")) + "]}")));
        }
    }

    private static String jwk(String kid, RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(key.getModulus())
                + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
