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
    private static ResettingUpstream resetting;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(16).jettyAcceptors(1));
        server.start();
        try {
            resetting = new ResettingUpstream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        fallbacks(config, base);
        return config;
    }

    /** Aliases with fallbacks, each with its own upstream model name so tests can stub them apart. */
    private static void fallbacks(Map<String, String> config, String base) {
        provider(config, "backup", "openai", base + "/v1", "covered", "2s");
        provider(config, "resetting", "openai", "http://127.0.0.1:" + resetting.port() + "/v1", "covered", "2s");
        model(config, "fb-backup", "backup", "fb-backup-up", "chat");
        model(config, "fb-primary", "mock", "fb-primary-up", "chat");
        config.put("cordon.models.fb-primary.fallbacks", "fb-backup");
        model(config, "fb-slow", "slow", "fb-slow-up", "chat");
        config.put("cordon.models.fb-slow.fallbacks", "fb-backup");
        model(config, "fb-dead", "mock", "fb-dead-up", "chat");
        config.put("cordon.models.fb-dead.fallbacks", "fb-dead-2");
        model(config, "fb-dead-2", "backup", "fb-dead-2-up", "chat");
        model(config, "fb-stuck", "slow", "fb-stuck-up", "chat");
        config.put("cordon.models.fb-stuck.fallbacks", "fb-stuck-2");
        model(config, "fb-stuck-2", "slow", "fb-stuck-2-up", "chat");
        model(config, "fb-reset", "resetting", "fb-reset-up", "chat");
        config.put("cordon.models.fb-reset.fallbacks", "fb-backup");
        model(config, "fb-embed", "mock", "fb-embed-up", "embedding");
        config.put("cordon.models.fb-embed.fallbacks", "fb-embed-2");
        model(config, "fb-embed-2", "backup", "fb-embed-2-up", "embedding");
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
        try {
            if (resetting != null) {
                resetting.close();
            }
        } catch (java.io.IOException e) {
            // the JVM ends with the test run; nothing is left behind
        }
    }
}
