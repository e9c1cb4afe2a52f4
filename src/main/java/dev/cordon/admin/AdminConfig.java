package dev.cordon.admin;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The admin API. */
@ConfigMapping(prefix = "cordon.admin")
public interface AdminConfig {

    /**
     * Secret of the first operator key, created or re-asserted at every start (id {@code bootstrap}).
     * Set it through the {@code CORDON_BOOTSTRAP_ADMIN_KEY} environment variable; at least 32
     * characters. Never logged.
     */
    Optional<String> bootstrapKey();
}
