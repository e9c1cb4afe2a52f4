package dev.cordon.openai;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the OpenAI-compatible HTTP surface. */
@ConfigMapping(prefix = "cordon.http")
public interface HttpConfig {

    /**
     * Largest accepted request body on {@code /v1/*}; larger bodies get a 413 in the OpenAI error
     * envelope before any stage runs. Must stay below {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("2M")
    MemorySize maxBodySize();
}
