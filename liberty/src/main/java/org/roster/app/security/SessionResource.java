package org.roster.app.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who is signed in: what the pages need to show each person only what their roles allow. */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DIRECTORY_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.AUDITOR, Roles.EMPLOYEE})
public class SessionResource {

    private static final List<String> ROLES = List.of(Roles.DIRECTORY_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.AUDITOR,
            Roles.EMPLOYEE);

    @Inject
    SignIn signIn;

    @Context
    SecurityContext security;

    /**
     * @param user       the signed-in name (the actor in the audit trail)
     * @param roles      Roster's roles this person has
     * @param signIn     {@code demo} (the embedded default's demo users) or {@code oidc}
     * @param employeeId the person's own directory entry, when they are an employee Roster has read
     * @param signOut    where a form POST ends the session; absent with demo users
     */
    public record SessionView(String user, List<String> roles, String signIn, String employeeId, String signOut) {
    }

    @GET
    @Operation(summary = "Who I am signed in as, with which of Roster's roles")
    public SessionView session() {
        String user = security.getUserPrincipal().getName();
        List<String> roles = ROLES.stream().filter(security::isUserInRole).toList();
        String employee = roles.contains(Roles.EMPLOYEE) ? signIn.employeeId(security.getUserPrincipal()).orElse(null) : null;
        return new SessionView(user, roles, signIn.mode(), employee, signIn.demo() ? null : "signout");
    }
}
