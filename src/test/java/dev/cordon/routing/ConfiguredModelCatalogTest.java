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

    @Test
    void givenACoveredAliasWhenItsFallbackHasNoBaaThenTheStartFailsNamingTheFallbacksKey() {
        Map<String, String> config = twoProviders("covered", "none");
        config.put("cordon.models.primary.fallbacks", "backup");

        assertThatThrownBy(() -> catalog(config)).hasMessageContaining("cordon.models.primary.fallbacks")
                .hasMessageContaining("'backup'").hasMessageContaining("baa=none");
    }

    @Test
    void givenAnAliasWithoutBaaWhenItsFallbackIsCoveredThenItIsAccepted() {
        Map<String, String> config = twoProviders("none", "covered");
        config.put("cordon.models.primary.fallbacks", "backup");

        assertThat(catalog(config).find("primary").orElseThrow().fallbacks()).containsExactly("backup");
    }

    @Test
    void givenAFallbackNamingAnUnknownAliasThenTheStartFailsNamingTheKey() {
        Map<String, String> config = twoProviders("covered", "covered");
        config.put("cordon.models.primary.fallbacks", "backup,nowhere");

        assertThatThrownBy(() -> catalog(config)).hasMessageContaining("cordon.models.primary.fallbacks names unknown alias 'nowhere'");
    }

    @Test
    void givenAFallbackOfAnotherTypeThenTheStartFailsNamingTheKey() {
        Map<String, String> config = twoProviders("covered", "covered");
        config.put("cordon.models.backup.type", "embedding");
        config.put("cordon.models.primary.fallbacks", "backup");

        assertThatThrownBy(() -> catalog(config)).hasMessageContaining("cordon.models.primary.fallbacks")
                .hasMessageContaining("embedding model");
    }

    @Test
    void givenNoFallbacksConfiguredThenAnAliasHasNone() {
        assertThat(catalog(twoProviders("covered", "none")).find("primary").orElseThrow().fallbacks()).isEmpty();
    }

    private static Map<String, String> twoProviders(String primaryBaa, String backupBaa) {
        Map<String, String> c = new HashMap<>();
        c.putAll(Map.of("cordon.providers.a.kind", "openai", "cordon.providers.a.base-url", "http://10.1.2.3/v1",
                "cordon.providers.a.baa", primaryBaa, "cordon.providers.b.kind", "openai",
                "cordon.providers.b.base-url", "http://10.1.2.4/v1", "cordon.providers.b.baa", backupBaa));
        c.putAll(Map.of("cordon.models.primary.provider", "a", "cordon.models.primary.upstream-model", "m1",
                "cordon.models.backup.provider", "b", "cordon.models.backup.upstream-model", "m2"));
        return c;
    }

    private static ModelCatalog catalog(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RoutingConfig.class)
                .withDefaultValues(new HashMap<>(values)).withConverter(java.time.Duration.class, 100,
                        new io.quarkus.runtime.configuration.DurationConverter()).build();
        return new ConfiguredModelCatalog(config.getConfigMapping(RoutingConfig.class));
    }
}
