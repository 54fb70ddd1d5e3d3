package org.roster.app.people;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roster.app.audit.AuditResource;
import org.roster.app.http.Problem;
import org.roster.app.security.Roles;
import org.roster.records.DeliveredContacts;
import org.roster.records.EmployeeRecords;

/**
 * Employees as Roster holds them: find one, see every decision about them, and see the contacts
 * they get (only the fields the policy released).
 */
@Path("employees")
@RequestScoped
@RolesAllowed({Roles.DIRECTORY_ADMIN, Roles.COMPLIANCE_OFFICER})
@Produces(MediaType.APPLICATION_JSON)
public class EmployeeResource {

    @Inject
    EmployeeRecords employees;

    @Inject
    DeliveredContacts delivered;

    @Inject
    EmployeeViews views;

    @Inject
    SeenByColleagues seenByColleagues;

    @Inject
    PairwiseWhy why;

    @GET
    @Operation(summary = "Find employees by id, name or mail")
    public List<EmployeeSummary> search(@QueryParam("q") @DefaultValue("") String q,
                                        @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problem.badRequest("limit must be between 1 and 500, not " + limit);
        }
        return employees.search(q, limit).stream()
                .map(e -> new EmployeeSummary(e.id(), name(e), e.department(), e.status().name(), e.inScope()))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "What Roster holds about an employee and why they are in or out of scope")
    public EmployeeView get(@PathParam("id") String id) {
        return views.view(id);
    }

    @GET
    @Path("{id}/contacts")
    @Operation(summary = "The contacts this employee gets: only policy-released fields, each with its rule")
    public ContactsView contacts(@PathParam("id") String id) {
        return views.contacts(id);
    }

    @GET
    @Path("{id}/seen-by")
    @Operation(summary = "Who receives this employee's contact, each with the rule and only the released name "
            + "fields and department")
    public SeenByView seenBy(@PathParam("id") String id) {
        views.find(id);
        return new SeenByView(id, delivered.receiverCount(id), seenByColleagues.of(id));
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "The audit records about this employee (subject employee:{id}), newest first")
    public List<AuditResource.AuditView> audit(@PathParam("id") String id,
                                               @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw Problem.badRequest("limit must be between 1 and 1000, not " + limit);
        }
        views.find(id);
        return employees.auditAbout(id, limit).stream()
                .map(a -> new AuditResource.AuditView(a.id(), a.at(), a.actor(), a.action(), a.subject(), a.detail(),
                        a.hash()))
                .toList();
    }

    @GET
    @Path("{viewer}/why/{colleague}")
    @Operation(summary = "Why the viewer does or does not get the colleague's contact, and the other way round: "
            + "each one's scope with its rule, every visibility rule's answer, the cap, which fields travel and "
            + "which are withheld (by name), and what was delivered when")
    public PairwiseWhy.WhyView why(@PathParam("viewer") String viewer, @PathParam("colleague") String colleague) {
        return why.explain(viewer, colleague);
    }

    private static String name(EmployeeRecords.Match e) {
        if (e.displayName() != null) {
            return e.displayName();
        }
        String joined = ((e.givenName() == null ? "" : e.givenName()) + " "
                + (e.surname() == null ? "" : e.surname())).strip();
        return joined.isEmpty() ? e.id() : joined;
    }
}
