package dev.cordon.routing;

import java.net.URI;
import java.util.Map;

/**
 * Where and how one provider is called: kinds differ only in URL layout and how the key is sent.
 * Parsed once per model from configuration; immutable.
 *
 * @param ssl      whether the connection uses TLS
 * @param host     host name or address
 * @param port     TCP port (the scheme's default when the URL names none)
 * @param basePath path prefix of the OpenAI API, without a trailing slash (e.g. {@code /v1})
 * @param bearer   the {@code Authorization: Bearer} credential, or {@code null} for none
 * @param headers  further headers sent on every call (Azure's {@code api-key})
 */
record UpstreamEndpoint(boolean ssl, String host, int port, String basePath, String bearer, Map<String, String> headers) {

    static UpstreamEndpoint of(RoutingConfig.Provider provider, ProviderKind kind) {
        String base = trimSlash(provider.baseUrl().orElseThrow());
        String key = provider.apiKey().filter(k -> !k.isBlank()).orElse(null);
        return switch (kind) {
            case OLLAMA -> parse(base + "/v1", key == null ? "ollama" : key, Map.of());
            // Azure's v1 API: OpenAI paths under /openai/v1, the deployment name as model, no api-version.
            case AZURE_OPENAI -> parse(base + "/openai/v1", null, key == null ? Map.of() : Map.of("api-key", key));
            default -> parse(base, key == null ? "none" : key, Map.of());
        };
    }

    /** The request path for an API operation such as {@code /chat/completions}. */
    String path(String operation) {
        return basePath + operation;
    }

    private static UpstreamEndpoint parse(String url, String bearer, Map<String, String> headers) {
        URI uri = URI.create(url);
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : trimSlash(uri.getRawPath());
        return new UpstreamEndpoint(ssl, uri.getHost(), port, path, bearer, headers);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
