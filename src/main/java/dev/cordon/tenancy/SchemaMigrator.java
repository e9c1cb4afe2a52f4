package dev.cordon.tenancy;

import dev.cordon.pipeline.SafeThrowables;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Applies the database migrations in the background after start, retrying with back-off, so a
 * slow or absent PostgreSQL delays readiness instead of failing the boot (a scale-to-zero pod must
 * start fast). Until it has succeeded, readiness is DOWN and requests needing the database are
 * refused with 503 by their stages ({@link SchemaReadiness} reports it). Tasks that need the schema (the bootstrap admin key) register
 * with {@link #afterMigration}.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOGGER = Logger.getLogger(SchemaMigrator.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final Instance<Flyway> flyway;
    private final List<Runnable> afterMigration = new CopyOnWriteArrayList<>();
    private volatile boolean migrated;
    private ScheduledExecutorService executor;

    private final boolean migratedAtStart;

    SchemaMigrator(Instance<Flyway> flyway,
                   @ConfigProperty(name = "quarkus.flyway.migrate-at-start", defaultValue = "false") boolean migratedAtStart) {
        this.flyway = flyway;
        this.migratedAtStart = migratedAtStart;
    }

    void start(@Observes StartupEvent event) {
        if (migratedAtStart) {
            // Quarkus already migrated synchronously (tests): run the dependants now, before traffic.
            migrated = true;
            afterMigration.forEach(SchemaMigrator::runSafely);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cordon-schema");
            t.setDaemon(true);
            return t;
        });
        executor.execute(() -> attempt(500));
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Runs the task once the schema is in place (at once when it already is). */
    public void afterMigration(Runnable task) {
        afterMigration.add(task);
        if (migrated) {
            task.run();
        }
    }

    private void attempt(long backoffMillis) {
        try {
            var result = flyway.get().migrate();
            migrated = true;
            LOGGER.infof("database schema ready: applied=%d", result.migrationsExecuted);
            afterMigration.forEach(SchemaMigrator::runSafely);
        } catch (RuntimeException e) {
            LOGGER.warnf("database not ready, retrying in %d ms: %s", backoffMillis, SafeThrowables.describe(e));
            executor.schedule(() -> attempt(Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2)), backoffMillis, TimeUnit.MILLISECONDS);
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOGGER.errorf("post-migration task failed: %s", SafeThrowables.describe(e));
        }
    }

    /** True once the migrations have been applied in this process. */
    public boolean migrated() {
        return migrated;
    }
}
