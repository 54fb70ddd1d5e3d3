package org.roster.app.sources;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The directory's own check, shaped like a MicroProfile Health check: {@code 200} and {@code UP}
 * when every enabled source answered the last background check, {@code 503} and {@code DOWN}
 * otherwise. It is kept out of {@code /health}, where every check decides readiness, because a
 * directory outage must not take Roster out of service. Like the probes it needs no sign-in.
 */
@Path("health/directory")
@RequestScoped
public class DirectoryStatusResource {

    @Inject
    DirectoryReachability reachability;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether the directory sources could be reached at the last background check")
    public Response status() {
        DirectoryReachability.Status status = reachability.status();
        JsonObjectBuilder data = Json.createObjectBuilder();
        status.checkedAt().ifPresentOrElse(at -> data.add("checkedAt", at.toString()),
                () -> data.add("checkedAt", "not yet"));
        status.sources().forEach(data::add);
        JsonObject check = Json.createObjectBuilder().add("name", "directory")
                .add("status", status.reachable() ? "UP" : "DOWN").add("data", data).build();
        return Response.status(status.reachable() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(check).build();
    }
}
