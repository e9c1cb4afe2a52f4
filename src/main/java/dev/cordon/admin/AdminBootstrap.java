package dev.cordon.admin;

import dev.cordon.tenancy.TenantAdmin;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates or re-asserts the bootstrap admin key at start, so a fresh install can be administered. */
@ApplicationScoped
class AdminBootstrap {

    static final int MIN_LENGTH = 32;
    private static final Logger LOGGER = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, AdminConfig config, TenantAdmin admin) throws Throwable {
        if (config.bootstrapKey().isEmpty() || config.bootstrapKey().get().isBlank()) {
            LOGGER.info("no bootstrap admin key configured (CORDON_BOOTSTRAP_ADMIN_KEY); existing admin keys stay as they are");
            return;
        }
        String key = config.bootstrapKey().get();
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException("cordon.admin.bootstrap-key (CORDON_BOOTSTRAP_ADMIN_KEY) must be at least "
                    + MIN_LENGTH + " characters long");
        }
        VertxContextSupport.subscribeAndAwait(() -> admin.assertAdminKey("bootstrap", "bootstrap", key));
        LOGGER.info("bootstrap admin key asserted: id=bootstrap");
    }
}
