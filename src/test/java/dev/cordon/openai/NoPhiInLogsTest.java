package dev.cordon.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.support.CapturedLogs;
import dev.cordon.support.Tenants;
import dev.cordon.support.UpstreamResponses;
import dev.cordon.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real-looking PHI sent through success and failure paths never reaches logs or error bodies. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class NoPhiInLogsTest {

    private static final List<String> PHI = List.of("Margaret Okonkwo", "MRN 48213377", "078-05-1120",
            "margaret.okonkwo@example.org", "(617) 555-0142", "42 Elm Street");
    private static final String NOTE = "Pt Margaret Okonkwo, MRN 48213377, SSN 078-05-1120, lives at 42 Elm Street, "
            + "phone (617) 555-0142, email margaret.okonkwo@example.org, DOB 03/14/1951: worsening dyspnea.";

    private CapturedLogs captured;
    private String key;

    @BeforeEach
    void givenLogsAreCapturedAndATenantExists() {
        captured = CapturedLogs.start();
        key = Tenants.keyFor("gpt-test", "embed-test", "public-gpt");
    }

    @AfterEach
    void stopCapturing() {
        captured.stop();
    }

    @Test
    void phiNeverAppearsInLogsOrErrorBodiesOnAnyPath() {
        List<String> bodies = new ArrayList<>();
        UpstreamStub.server().stubFor(UpstreamResponses.chatReturns("/v1/chat/completions", "gpt-4o-mini",
                UpstreamResponses.completion("Noted.")));
        bodies.add(chat("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"" + NOTE + "\"}]}", 200));
        bodies.add(chat("{\"model\":\"gpt-test\",\"temperature\":\"" + NOTE + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", 400));
        bodies.add(chat("{\"model\":\"" + NOTE + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", 404));
        bodies.add(chat("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"" + NOTE + "\"}", 400));
        bodies.add(chat("{\"model\":\"public-gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"" + NOTE + "\"}]}", 403));
        UpstreamStub.server().stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"could not embed: " + NOTE + "\"}}")));
        bodies.add(given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"model\":\"embed-test\",\"input\":\"" + NOTE + "\"}").post("/v1/embeddings")
                .then().statusCode(502).extract().asString());

        for (String phi : PHI) {
            assertThat(bodies).noneMatch(b -> b.contains(phi));
            assertThat(captured.lines()).as("captured log lines").isNotEmpty().noneMatch(line -> line.contains(phi));
        }
    }

    private String chat(String body, int status) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/chat/completions")
                .then().statusCode(status).extract().asString();
    }
}
