package dev.cordon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.pipeline.GatewayError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OidcSettingsInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMinimalBodyDefaultsTheAudienceToTheClientId() throws Exception {
        var parsed = OidcSettingsInput.parse(json("{\"issuer\":\"https://login.example.org/realms/a\",\"clientId\":\"cordon\"}"));

        assertThat(parsed.problem()).isNull();
        assertThat(parsed.settings().audience()).isEqualTo("cordon");
        assertThat(parsed.settings().acrValues()).isEmpty();
        assertThat(parsed.settings().rolesClaim()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://login.example.org/realms/a | true",
            "http://127.0.0.1:8180/realms/a     | true",
            "http://localhost/realms/a          | true",
            "http://login.example.org/realms/a  | false",
            "https://user:pw@login.example.org  | false",
            "https://login.example.org/a?x=1    | false",
            "https://login.example.org/a#frag   | false",
            "/realms/a                          | false",
            "ftp://login.example.org/a          | false",
    })
    void providerUrlsMustBeHttpsExceptOnLoopback(String url, boolean accepted) {
        assertThat(OidcSettingsInput.urlProblem("issuer", url, true) == null).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"clientId\":\"c\"}                                                   | issuer",
            "{\"issuer\":\"https://i.example\"}                                     | clientId",
            "{\"issuer\":\"https://i.example\",\"clientId\":\"has space\"}          | clientId",
            "{\"issuer\":\"https://i.example\",\"clientId\":\"c\",\"audience\":\"\"} | audience",
            "{\"issuer\":\"https://i.example\",\"clientId\":\"c\",\"acrValues\":[1]} | acrValues",
            "{\"issuer\":\"https://i.example\",\"clientId\":\"c\",\"rolesClaim\":\"a b\"} | rolesClaim",
            "{\"issuer\":\"https://i.example\",\"clientId\":\"c\",\"discoveryUrl\":\"http://idp.example\"} | discoveryUrl",
    })
    void everyBadFieldIsNamed(String body, String param) throws Exception {
        GatewayError problem = OidcSettingsInput.parse(json(body)).problem();

        assertThat(problem).isInstanceOfSatisfying(GatewayError.InvalidRequest.class, p -> assertThat(p.param()).isEqualTo(param));
    }

    @Test
    void unknownFieldsAreRefusedRatherThanIgnored() throws Exception {
        assertThat(OidcSettingsInput.parse(json("{\"issuer\":\"https://i.example\",\"clientId\":\"c\",\"audiance\":\"x\"}")).problem())
                .isNotNull();
        assertThat(OidcSettingsInput.parse(json("[]")).problem()).isNotNull();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
