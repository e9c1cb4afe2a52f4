package dev.cordon.phi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each tenant chooses the minimum necessary per identifier type and purpose of use. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class TenantPhiPolicyTest {

    private static final String NOTE = "Pt Margaret Okonkwo admitted 03/14/2024 with sepsis.";
    private static final String POLICY = """
            {"default":"tokenize","actions":{"DATE":"allow"},
             "purposes":{"RESEARCH":{"default":"mask"}}}""";

    @Test
    void treatmentSendsAllowedDatesInTheClearAndStillTokenizesNames() {
        String key = keyWithPolicy(false, "gpt-test");

        chat(key, "gpt-test", "TREATMENT");

        assertThat(lastUpstreamBody()).contains("03/14/2024", "[NAME_1]").doesNotContain("Okonkwo");
    }

    @Test
    void researchPurposeMasksEverythingIrreversibly() {
        String key = keyWithPolicy(false, "gpt-test");

        chat(key, "gpt-test", "RESEARCH");

        assertThat(lastUpstreamBody()).contains("[NAME]", "[DATE]").doesNotContain("03/14/2024", "Okonkwo", "[NAME_1]");
    }

    @Test
    void aProviderWithoutBaaNeverGetsWhatTheTenantAllows() {
        String key = keyWithPolicy(true, "public-gpt");

        chat(key, "public-gpt", "TREATMENT");

        assertThat(lastUpstreamBody()).contains("[DATE_1]").doesNotContain("03/14/2024", "Okonkwo");
    }

    @Test
    void anInvalidPolicyIsRefusedWithAPrecise400() {
        String tenant = Tenants.newTenant(false);

        admin().body("{\"actions\":{\"SHOE_SIZE\":\"allow\"}}").put("/admin/v1/tenants/" + tenant + "/phi-policy")
                .then().statusCode(400).body("error.param", equalTo("phi-policy"));
        admin().body("{\"default\":\"publish\"}").put("/admin/v1/tenants/" + tenant + "/phi-policy").then().statusCode(400);
        admin().body(POLICY).put("/admin/v1/tenants/no-such-tenant/phi-policy").then().statusCode(404);
    }

    private static String keyWithPolicy(boolean allowNonBaa, String model) {
        String tenant = Tenants.newTenant(allowNonBaa);
        Tenants.allow(tenant, model);
        admin().body(POLICY).put("/admin/v1/tenants/" + tenant + "/phi-policy").then().statusCode(200)
                .body("actions.DATE", equalTo("allow"));
        UpstreamStub.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/v1/chat/completions"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(UpstreamResponses.completion("noted"))));
        return Tenants.issueKey(tenant);
    }

    private static void chat(String key, String model, String purpose) {
        given().auth().oauth2(key).contentType(ContentType.JSON).header("X-Cordon-Purpose", purpose)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + NOTE + "\"}]}")
                .post("/v1/chat/completions").then().statusCode(200);
    }

    private static String lastUpstreamBody() {
        List<LoggedRequest> requests = UpstreamStub.server().findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/chat/completions")));
        return requests.get(requests.size() - 1).getBodyAsString();
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tenants.ADMIN_KEY).contentType(ContentType.JSON);
    }
}
