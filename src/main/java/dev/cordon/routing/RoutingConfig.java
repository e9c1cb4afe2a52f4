package dev.cordon.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream providers and the model aliases callers use. Every key can come from environment
 * variables (e.g. {@code CORDON_PROVIDERS_LOCAL_BASE_URL}) so Terraform outputs and Knative env
 * feed it. Checked at start by {@link ConfiguredModelCatalog}; a bad entry stops the boot with a
 * message naming the key.
 */
@ConfigMapping(prefix = "cordon")
public interface RoutingConfig {

    /** Providers by id: {@code cordon.providers.<id>.*}. */
    Map<String, Provider> providers();

    /** Model aliases by name: {@code cordon.models.<alias>.*}. */
    Map<String, Model> models();

    interface Provider {
        /** {@code openai} (any OpenAI-compatible server), {@code ollama}, {@code azure-openai}, or {@code echo} (smoke tests only). */
        ProviderKind kind();

        /**
         * Base URL: for openai including {@code /v1}; for ollama the server root; for azure-openai the
         * resource endpoint (e.g. {@code https://x.openai.azure.com}), called through Azure's v1 API.
         */
        Optional<String> baseUrl();

        /** Secret for the provider; sent as a bearer token ({@code api-key} header for Azure). Never logged. */
        Optional<String> apiKey();

        /** Whether a Business Associate Agreement covers this provider: {@code covered}, {@code self-hosted} or {@code none}. */
        BaaStatus baa();

        /** How long one upstream call may take before the caller gets a 504. */
        @WithDefault("60s")
        Duration timeout();
    }

    interface Model {
        /** Id of the provider serving this alias (a key of {@code cordon.providers}). */
        String provider();

        /** The provider's own model name (for Azure: the deployment name). */
        String upstreamModel();

        /** {@code chat} or {@code embedding}. */
        @WithDefault("chat")
        ModelType type();

        /**
         * Other aliases to try, in order, when this alias's provider times out, answers 5xx or 429,
         * or cannot be reached or resets the connection before anything was sent to the caller
         * ({@code cordon.models.<alias>.fallbacks=gpt-azure,llama-local}). Default: none.
         *
         * <p>Each fallback must be of the same {@link #type()} and at least as trusted as this
         * alias: the PHI stage decides what to redact from the <em>requested</em> alias's BAA status,
         * so when that is {@code covered} or {@code self-hosted} (PHI may pass unredacted) every
         * fallback must be {@code covered} or {@code self-hosted} too; when it is {@code none} the
         * text is already de-identified and any fallback may receive it. Checked at start (the
         * boot fails naming this key) and again before each fallback call. Fallbacks of a fallback
         * are not followed. (An {@code Optional} only because a list cannot default to empty.)
         */
        Optional<List<String>> fallbacks();
    }
}
