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

/** Readiness: Roster is ready when its database answers and its directory can be reached. */
@ApplicationScoped
public class ReadinessChecks {

    @Resource(lookup = "jdbc/roster")
    DataSource dataSource;

    @Inject
    RosterSettings settings;

    @Inject
    DirectorySources sources;

    @Readiness
    @jakarta.enterprise.inject.Produces
    HealthCheck database() {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(5);
                return HealthCheckResponse.named("database").status(valid).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    @Readiness
    @jakarta.enterprise.inject.Produces
    HealthCheck directory() {
        return () -> {
            try {
                if (settings.entraSource()) {
                    sources.graph().checkReachable();
                } else {
                    sources.source().checkReachable();
                }
                return HealthCheckResponse.named("directory").up().withData("demo", settings.demoDirectory()).build();
            } catch (DirectorySource.DirectoryUnavailableException | IllegalArgumentException | IllegalStateException e) {
                return HealthCheckResponse.named("directory").down().withData("error", e.getMessage()).build();
            }
        };
    }

    @Liveness
    @jakarta.enterprise.inject.Produces
    HealthCheck alive() {
        return () -> HealthCheckResponse.named("roster").up().build();
    }
}
