package org.roster.app.config;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import org.roster.app.sources.DirectoryReachability;

/**
 * The server's probes. Started ({@code /health/started}) once the application's start-up is done:
 * the database migrated and secured, the first run queued. Ready ({@code /health/ready}) while the
 * database answers, which is all the pages, the API and the address books need; the database's
 * answer also says whether the application's role could erase the audit trail. Live
 * ({@code /health/live}) while the application answers at all. The directory is not among them:
 * a directory outage stops runs, not service (see {@link DirectoryReachability}).
 */
@ApplicationScoped
public class ReadinessChecks {

    @Resource(lookup = "jdbc/roster")
    DataSource dataSource;

    @Inject
    DatabaseRoles roles;

    /** The application's start-up; named in full, as MicroProfile Health's annotation has its name. */
    @Inject
    org.roster.app.config.Startup startup;

    @Readiness
    @Produces
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

    @Startup
    @Produces
    HealthCheck started() {
        return () -> HealthCheckResponse.named("started").status(startup.done()).build();
    }

    @Liveness
    @Produces
    HealthCheck alive() {
        return () -> HealthCheckResponse.named("roster").up().build();
    }
}
