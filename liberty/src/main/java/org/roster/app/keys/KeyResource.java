package org.roster.app.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import org.roster.app.security.Roles;

/** Rotation of the secrets key, for the directory admin who configured the new one. */
@Path("keys")
@RequestScoped
@RolesAllowed(Roles.DIRECTORY_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    @Inject
    KeyRotation rotation;

    @POST
    @Path("rotate")
    @Operation(summary = "Re-seal every sealed value (sources' secrets, Telegram session keys, digest keys) under the "
            + "first key of roster.secrets.keys; when remaining is 0, older keys can be removed from the configuration")
    public KeyRotation.Rotated rotate(@Context SecurityContext security) {
        return rotation.rotate(security.getUserPrincipal().getName());
    }
}
