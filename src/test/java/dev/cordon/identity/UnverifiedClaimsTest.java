package dev.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnverifiedClaimsTest {

    @Test
    void theIssuerAndAudiencesAreReadFromAStringOrAnArray() {
        assertThat(UnverifiedClaims.peek(token("{\"iss\":\"https://i.example\",\"aud\":\"cordon\"}")))
                .contains(new UnverifiedClaims("https://i.example", List.of("cordon")));
        assertThat(UnverifiedClaims.peek(token("{\"iss\":\"https://i.example\",\"aud\":[\"a\",7,\"b\"]}")))
                .contains(new UnverifiedClaims("https://i.example", List.of("a", "b")));
    }

    @Test
    void tokensWithoutAStringIssuerOrThatAreNotJwtsYieldNothing() {
        assertThat(UnverifiedClaims.peek(token("{\"aud\":\"cordon\"}"))).isEmpty();
        assertThat(UnverifiedClaims.peek(token("{\"iss\":42}"))).isEmpty();
        assertThat(UnverifiedClaims.peek("eyJhbGciOiJSUzI1NiJ9.not-base64-json!.sig")).isEmpty();
        assertThat(UnverifiedClaims.peek("cdn_abc")).isEmpty();
        assertThat(UnverifiedClaims.peek(token("{\"iss\":\"https://i.example\",\"pad\":\"" + "x".repeat(20_000) + "\"}"))).isEmpty();
    }

    private static String token(String payload) {
        return "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
