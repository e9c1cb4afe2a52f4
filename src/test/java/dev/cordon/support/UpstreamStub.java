package dev.cordon.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A WireMock server playing the upstream providers (OpenAI-compatible, Ollama, Azure OpenAI) for
 * the whole test run, and the provider/model configuration that points Cordon at it.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(16).jettyAcceptors(1));
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        Map<String, String> config = new HashMap<>();
        provider(config, "mock", "openai", base + "/v1", "covered", "2s");
        config.put("cordon.providers.mock.api-key", "upstream-secret-key");
        provider(config, "slow", "openai", base + "/v1", "covered", "1s");
        provider(config, "public", "openai", base + "/v1", "none", "2s");
        provider(config, "ollama", "ollama", base + "/ollama", "self-hosted", "2s");
        provider(config, "azure", "azure-openai", base + "/azure", "covered", "2s");
        config.put("cordon.providers.azure.api-key", "azure-secret-key");
        model(config, "gpt-test", "mock", "gpt-4o-mini", "chat");
        model(config, "embed-test", "mock", "text-embedding-3-small", "embedding");
        model(config, "slow-model", "slow", "slow-upstream", "chat");
        model(config, "public-gpt", "public", "gpt-4o", "chat");
        model(config, "llama-local", "ollama", "llama3.2", "chat");
        model(config, "azure-gpt", "azure", "gpt4o-deploy", "chat");
        return config;
    }

    private static void provider(Map<String, String> c, String id, String kind, String url, String baa, String timeout) {
        c.put("cordon.providers." + id + ".kind", kind);
        c.put("cordon.providers." + id + ".base-url", url);
        c.put("cordon.providers." + id + ".baa", baa);
        c.put("cordon.providers." + id + ".timeout", timeout);
    }

    private static void model(Map<String, String> c, String alias, String provider, String upstream, String type) {
        c.put("cordon.models." + alias + ".provider", provider);
        c.put("cordon.models." + alias + ".upstream-model", upstream);
        c.put("cordon.models." + alias + ".type", type);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
