package dev.cordon.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps knative/ honest: the properties reviewers rely on are asserted, not just hoped for. */
class KnativeManifestTest {

    private static final Path DIR = Path.of("knative");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|SECRET|PASSWORD).*");
    private static final List<JsonNode> DOCUMENTS = new ArrayList<>();

    @BeforeAll
    static void readEveryManifest() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        for (Path file : yamlFiles()) {
            try (var docs = yaml.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
                docs.forEachRemaining(doc -> { if (doc != null && !doc.isEmpty()) DOCUMENTS.add(doc); });
            }
        }
    }

    @Test
    void theGatewayScalesToZeroOnConcurrency() {
        JsonNode annotations = gatewayService().at("/spec/template/metadata/annotations");

        assertThat(annotations.path("autoscaling.knative.dev/min-scale").asText()).isEqualTo("0");
        assertThat(annotations.path("autoscaling.knative.dev/max-scale").asInt()).isPositive();
        assertThat(annotations.path("autoscaling.knative.dev/metric").asText()).isEqualTo("concurrency");
        assertThat(annotations.path("autoscaling.knative.dev/target").asInt()).isPositive();
    }

    @Test
    void theGatewayCapsConcurrencyAndLetsStreamsRunLong() {
        JsonNode spec = gatewayService().at("/spec/template/spec");

        assertThat(spec.path("containerConcurrency").asInt()).isPositive();
        assertThat(spec.path("timeoutSeconds").asInt()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void everyContainerIsProbedOnTheHealthEndpoints() {
        assertThat(containers()).isNotEmpty().allSatisfy(container -> {
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        });
    }

    @Test
    void everyContainerRunsNonRootReadOnlyAndWithoutCapabilities() {
        assertThat(containers()).isNotEmpty().allSatisfy(container -> {
            JsonNode security = container.path("securityContext");
            assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(security.at("/capabilities/drop").toString()).contains("\"ALL\"");
            assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        });
    }

    @Test
    void onlyTmpIsWritableAndItIsAnEmptyDir() {
        for (JsonNode pod : podSpecs()) {
            assertThat(pod.path("volumes")).allSatisfy(volume -> assertThat(volume.has("emptyDir")).isTrue());
            assertThat(pod.at("/containers/0/volumeMounts")).allSatisfy(mount ->
                    assertThat(mount.path("mountPath").asText()).isEqualTo("/tmp"));
        }
    }

    @Test
    void noContainerCarriesASecretAsAPlainValue() {
        assertThat(containers()).allSatisfy(container -> {
            container.path("env").forEach(env -> {
                if (SECRET_NAME.matcher(env.path("name").asText()).matches()) {
                    assertThat(env.has("value")).as(env.path("name").asText()).isFalse();
                    assertThat(env.at("/valueFrom/secretKeyRef").isObject()).as(env.path("name").asText()).isTrue();
                }
            });
            assertThat(container.path("envFrom").findValuesAsText("name"))
                    .containsExactlyInAnyOrder("cordon-config", "cordon-secrets");
        });
    }

    @Test
    void theNamespaceDeniesAllTrafficByDefault() {
        assertThat(ofKind("NetworkPolicy")).anySatisfy(policy -> {
            assertThat(policy.at("/spec/podSelector").isEmpty()).isTrue();
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
            assertThat(policy.at("/spec/ingress").isMissingNode()).isTrue();
            assertThat(policy.at("/spec/egress").isMissingNode()).isTrue();
        });
    }

    @Test
    void podsHaveAnIdentityWithoutAnApiToken() {
        assertThat(ofKind("ServiceAccount")).singleElement().satisfies(account ->
                assertThat(account.path("automountServiceAccountToken").asBoolean(true)).isFalse());
        assertThat(podSpecs()).allSatisfy(pod ->
                assertThat(pod.path("serviceAccountName").asText()).isEqualTo(account().at("/metadata/name").asText()));
    }

    @Test
    void oneAuditShipperStaysUpWhileTheGatewayIsScaledToZero() {
        assertThat(ofKind("Deployment")).singleElement().satisfies(shipper -> {
            assertThat(shipper.at("/spec/replicas").asInt()).isEqualTo(1);
            assertThat(shipper.at("/spec/template/spec/containers/0/image").asText())
                    .isEqualTo(gatewayService().at("/spec/template/spec/containers/0/image").asText());
            assertThat(shipper.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText())
                    .isEqualTo("cordon-gateway");
        });
    }

    @Test
    void theGatewayIsServedOverTlsWithARotatingCertificate() {
        JsonNode certificate = kind("Certificate");
        JsonNode mapping = kind("DomainMapping");

        assertThat(certificate.path("spec").path("privateKey").path("rotationPolicy").asText()).isEqualTo("Always");
        assertThat(certificate.path("spec").path("issuerRef").path("kind").asText()).isEqualTo("ClusterIssuer");
        assertThat(mapping.path("spec").path("tls").path("secretName").asText())
                .isEqualTo(certificate.path("spec").path("secretName").asText());
        assertThat(mapping.path("spec").path("ref").path("name").asText()).isEqualTo("cordon-gateway");
    }

    private static JsonNode kind(String kind) {
        return DOCUMENTS.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in knative/"));
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = new YAMLMapper().readTree(DIR.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(yamlFiles().stream()
                .map(file -> file.getFileName().toString())
                .filter(name -> !name.equals("kustomization.yaml"))
                .toList());
    }

    private static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + DIR.toAbsolutePath(), e);
        }
    }

    private static List<JsonNode> ofKind(String kind) {
        return DOCUMENTS.stream().filter(doc -> kind.equals(doc.path("kind").asText())).toList();
    }

    private static JsonNode gatewayService() {
        return DOCUMENTS.stream()
                .filter(doc -> "Service".equals(doc.path("kind").asText())
                        && doc.path("apiVersion").asText().startsWith("serving.knative.dev/"))
                .filter(doc -> "cordon-gateway".equals(doc.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Knative Service cordon-gateway in knative/"));
    }

    private static JsonNode account() {
        return ofKind("ServiceAccount").get(0);
    }

    private static List<JsonNode> podSpecs() {
        List<JsonNode> pods = new ArrayList<>();
        pods.add(gatewayService().at("/spec/template/spec"));
        ofKind("Deployment").forEach(d -> pods.add(d.at("/spec/template/spec")));
        return pods;
    }

    private static List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        podSpecs().forEach(pod -> pod.path("containers").forEach(containers::add));
        return containers;
    }
}
