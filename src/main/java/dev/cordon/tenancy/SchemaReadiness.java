package dev.cordon.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN until the database schema is in place (see {@link SchemaMigrator}). */
@Readiness
@ApplicationScoped
class SchemaReadiness implements HealthCheck {

    private final SchemaMigrator migrator;

    SchemaReadiness(SchemaMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Cordon database schema").status(migrator.migrated()).build();
    }
}
