package org.roster.app.audit;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Anchors the audit trail's end outside the database after every change through the API that
 * succeeded. The filter runs once the resource method has returned, so the records its
 * transactions wrote are committed: an action that failed and rolled back leaves no anchor.
 */
@Provider
@ApplicationScoped
public class AnchorAfterChange implements ContainerResponseFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    AuditAnchoring anchoring;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (CHANGING.contains(request.getMethod())
                && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
            anchoring.anchor();
        }
    }
}
