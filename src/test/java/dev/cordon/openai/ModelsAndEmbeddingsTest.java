package dev.cordon.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class ModelsAndEmbeddingsTest {

    @Test
    void modelListShowsOnlyTheAliasesTheTenantMayUse() {
        String key = Tenants.keyFor("gpt-test", "embed-test");

        given().auth().oauth2(key).get("/v1/models").then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", contains("embed-test", "gpt-test"))
                .body("data[0].object", equalTo("model"));
    }

    @Test
    void singleModelIsFoundOnlyWhenAllowed() {
        String key = Tenants.keyFor("gpt-test");

        given().auth().oauth2(key).get("/v1/models/gpt-test").then().statusCode(200)
                .body("id", equalTo("gpt-test")).body("owned_by", equalTo("mock"));
        given().auth().oauth2(key).get("/v1/models/embed-test").then().statusCode(404)
                .body("error.code", equalTo("model_not_found"));
    }

    @Test
    void tenantWithoutAllowlistSeesNoModels() {
        String tenant = Tenants.newTenant(false);
        String key = Tenants.issueKey(tenant);

        given().auth().oauth2(key).get("/v1/models").then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void embeddingsAcceptAStringAndAnArrayInInputOrder() {
        String key = Tenants.keyFor("embed-test");
        stubEmbeddings(1);
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"embed-test\",\"input\":\"chest pain\"}").post("/v1/embeddings")
                .then().statusCode(200).body("object", equalTo("list")).body("data", hasSize(1))
                .body("data[0].embedding[0]", equalTo(0.25f)).body("usage.prompt_tokens", equalTo(6))
                .body("model", equalTo("embed-test"));

        stubEmbeddings(2);
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"embed-test\",\"input\":[\"chest pain\",\"dyspnea\"]}").post("/v1/embeddings")
                .then().statusCode(200).body("data", hasSize(2)).body("data[1].index", equalTo(1))
                .body("data[1].embedding[2]", equalTo(1.0f));
        UpstreamStub.server().verify(postRequestedFor(urlPathEqualTo("/v1/embeddings"))
                .withRequestBody(WireMock.matchingJsonPath("$.input[1]", WireMock.equalTo("dyspnea"))));
    }

    @Test
    void base64EncodingIsLittleEndianFloat32() {
        String key = Tenants.keyFor("embed-test");
        stubEmbeddings(1);

        String encoded = given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"embed-test\",\"input\":\"x\",\"encoding_format\":\"base64\"}").post("/v1/embeddings")
                .then().statusCode(200).extract().path("data[0].embedding");

        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buffer.getFloat()).isEqualTo(0.25f);
        assertThat(buffer.getFloat()).isEqualTo(-0.5f);
    }

    @Test
    void badEmbeddingInputGetsA400NamingInput() {
        String key = Tenants.keyFor("embed-test");
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"model\":\"embed-test\",\"input\":[1,2,3]}")
                .post("/v1/embeddings").then().statusCode(400).body("error.param", equalTo("input"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"model\":\"embed-test\"}")
                .post("/v1/embeddings").then().statusCode(400).body("error.code", equalTo("missing_required_parameter"));
    }

    private static void stubEmbeddings(int count) {
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(UpstreamResponses.embeddings(count))));
    }
}
