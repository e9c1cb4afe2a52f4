package dev.cordon.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad routing configuration stops the start with a message naming the exact key. */
class ConfiguredModelCatalogTest {

    @Test
    void validConfigurationResolvesAliasesWithTheirProviderAndBaa() {
        ModelCatalog catalog = catalog(Map.of(
                "cordon.providers.vllm.kind", "openai", "cordon.providers.vllm.base-url", "http://10.1.2.3:8000/v1",
                "cordon.providers.vllm.baa", "self-hosted",
                "cordon.models.llama.provider", "vllm", "cordon.models.llama.upstream-model", "meta-llama/Llama-3-70B"));

        ModelRoute route = catalog.find("llama").orElseThrow();
        assertThat(route.kind()).isEqualTo(ProviderKind.OPENAI);
        assertThat(route.baa()).isEqualTo(BaaStatus.SELF_HOSTED);
        assertThat(route.type()).isEqualTo(ModelType.CHAT);
        assertThat(route.upstreamModel()).isEqualTo("meta-llama/Llama-3-70B");
    }

    @Test
    void aModelNamingAnUnknownProviderNamesTheKey() {
        assertThatThrownBy(() -> catalog(Map.of("cordon.models.gpt.provider", "nowhere", "cordon.models.gpt.upstream-model", "x")))
                .hasMessageContaining("cordon.models.gpt.provider").hasMessageContaining("nowhere");
    }

    @Test
    void aMissingBaseUrlNamesTheKey() {
        assertThatThrownBy(() -> catalog(Map.of("cordon.providers.p.kind", "ollama", "cordon.providers.p.baa", "self-hosted")))
                .hasMessageContaining("cordon.providers.p.base-url");
    }

    @Test
    void aRelativeBaseUrlNamesTheKey() {
        assertThatThrownBy(() -> catalog(Map.of("cordon.providers.p.kind", "openai", "cordon.providers.p.baa", "covered",
                "cordon.providers.p.base-url", "api.example/v1")))
                .hasMessageContaining("cordon.providers.p.base-url");
    }

    @Test
    void anUnknownBaaValueIsRefusedByTheConfigLayerNamingTheKey() {
        assertThatThrownBy(() -> catalog(Map.of("cordon.providers.p.kind", "openai", "cordon.providers.p.baa", "maybe",
                "cordon.providers.p.base-url", "http://h/v1")))
                .hasMessageContaining("cordon.providers.p.baa");
    }

    private static ModelCatalog catalog(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RoutingConfig.class)
                .withDefaultValues(new HashMap<>(values)).withConverter(java.time.Duration.class, 100,
                        new io.quarkus.runtime.configuration.DurationConverter()).build();
        return new ConfiguredModelCatalog(config.getConfigMapping(RoutingConfig.class));
    }
}
