package org.roster.app.config;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Roster's REST API, under {@code /api}; its description is served at {@code /openapi}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Roster", version = "0.1",
        description = "Directory-to-messenger contact connector: runs, employees and the contacts each viewer gets."))
public class RosterApplication extends Application {
}
