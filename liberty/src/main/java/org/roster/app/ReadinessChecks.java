package org.roster.app;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.roster.directory.DirectorySource;

/**
 * Readiness: Roster is ready when its database answers and its directory can be reached. The
 * database's answer also says whether the application's role could erase the audit trail.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Resource(lookup = "jdbc/roster")
    DataSource dataSource;

    @Inject
    RosterSettings settings;

    @Inject
    DirectorySources sources;

    @Inject
    DatabaseRoles roles;

    @Readiness
    @jakarta.enterprise.inject.Produces
    HealthCheck database() {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(5);
                return HealthCheckResponse.named("database").status(valid)
                        .withData("auditTrail", roles.auditTrailProtection()).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    @jakarta.inject.Inject
    SourceCatalog catalog;

    @Readiness
    @jakarta.enterprise.inject.Produces
    HealthCheck directory() {
        return () -> {
            // every enabled source must be reachable: a run reads them all
            var response = HealthCheckResponse.named("directory").withData("demo", settings.demoDirectory());
            boolean up = true;
            try {
                var enabled = catalog.enabled();
                if (enabled.isEmpty()) {
                    return response.down().withData("error", "no source is configured or enabled").build();
                }
                for (SourceDefinition source : enabled) {
                    try {
                        sources.reader(source, null, java.util.Optional.empty()).checkReachable();
                        response.withData(source.id(), "up");
                    } catch (DirectorySource.DirectoryUnavailableException | IllegalArgumentException
                             | IllegalStateException e) {
                        up = false;
                        response.withData(source.id(), e.getMessage());
                    }
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                return response.down().withData("error", e.getMessage()).build();
            }
            return response.status(up).build();
        };
    }

    @Liveness
    @jakarta.enterprise.inject.Produces
    HealthCheck alive() {
        return () -> HealthCheckResponse.named("roster").up().build();
    }
}
