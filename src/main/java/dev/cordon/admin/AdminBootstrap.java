package dev.cordon.admin;

import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.tenancy.SchemaMigrator;
import dev.cordon.tenancy.TenantAdmin;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates or re-asserts the bootstrap admin key once the schema is ready, so a fresh install can
 * be administered. A malformed key stops the boot (configuration error); an unreachable database
 * does not — the key is asserted when the database appears.
 */
@ApplicationScoped
class AdminBootstrap {

    static final int MIN_LENGTH = 32;
    private static final Logger LOGGER = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, AdminConfig config, TenantAdmin admin, SchemaMigrator schema) {
        if (config.bootstrapKey().isEmpty() || config.bootstrapKey().get().isBlank()) {
            LOGGER.info("no bootstrap admin key configured (CORDON_BOOTSTRAP_ADMIN_KEY); existing admin keys stay as they are");
            return;
        }
        String key = config.bootstrapKey().get();
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException("cordon.admin.bootstrap-key (CORDON_BOOTSTRAP_ADMIN_KEY) must be at least "
                    + MIN_LENGTH + " characters long");
        }
        schema.afterMigration(() -> assertKey(admin, key));
    }

    private static void assertKey(TenantAdmin admin, String key) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> admin.assertAdminKey("bootstrap", "bootstrap", key));
            LOGGER.info("bootstrap admin key asserted: id=bootstrap");
        } catch (Throwable t) {
            LOGGER.errorf("bootstrap admin key could not be asserted: %s", SafeThrowables.describe(t));
        }
    }
}
