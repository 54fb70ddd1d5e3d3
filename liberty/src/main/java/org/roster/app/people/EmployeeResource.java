package org.roster.app.people;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import org.roster.store.AuditRecordEntity;
import org.roster.store.EmployeeEntity;

/**
 * Employees as Roster holds them: find one, see every decision about them, and see the contacts
 * they get (only the fields the policy released).
 */
@Path("employees")
@RequestScoped
@RolesAllowed({Roles.DIRECTORY_ADMIN, Roles.COMPLIANCE_OFFICER})
@Produces(MediaType.APPLICATION_JSON)
public class EmployeeResource {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    EmployeeViews views;

    @Inject
    SeenByColleagues seenByColleagues;

    @Inject
    PairwiseWhy why;

    /** One line of a search result. */
    public record EmployeeSummary(String id, String name, String department, String status, boolean inScope) {
    }

    /**
     * Why an employee is in or out of scope.
     *
     * @param included  receives contacts
     * @param delivered may be delivered to colleagues as a contact
     */
    public record ScopeView(boolean included, boolean delivered, String rule, String reason) {
    }

    /** An entry rejection that concerned this employee. */
    public record RejectionView(long run, String reason) {
    }

    /**
     * What Roster holds about an employee, and the decisions about them.
     *
     * @param released    the fields the active policy lets colleagues receive
     * @param withheld    each held field that is not released, with the rule that withholds it
     * @param lastSeenRun the last run that stored what it read about the employee: a full run that
     *                    reads their entry exactly as before only counts them, and leaves it
     */
    public record EmployeeView(String id, String reference, String status, Map<String, String> held,
                               List<String> released, Map<String, String> withheld, ScopeView scope,
                               long lastSeenRun, Instant updatedAt, Instant goneAt, List<RejectionView> rejections) {
    }

    /** One contact as delivered to a viewer. */
    public record ContactView(String id, Map<String, String> fields, String rule, long deliveredRun,
                              Instant deliveredAt, String state, String reason) {
    }

    /** The contacts a viewer gets. */
    public record ContactsView(String viewer, int count, List<ContactView> contacts) {
    }

    @GET
    @Operation(summary = "Find employees by id, name or mail")
    public List<EmployeeSummary> search(@QueryParam("q") @DefaultValue("") String q,
                                        @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problem.badRequest("limit must be between 1 and 500, not " + limit);
        }
        String pattern = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return em.createQuery("select e from EmployeeEntity e where lower(e.id) like :q escape '\\' "
                        + "or lower(e.displayName) like :q escape '\\' or lower(e.givenName) like :q escape '\\' "
                        + "or lower(e.surname) like :q escape '\\' or lower(e.mail) like :q escape '\\' order by e.id",
                        EmployeeEntity.class)
                .setParameter("q", pattern).setMaxResults(limit).getResultList().stream()
                .map(e -> new EmployeeSummary(e.getId(), name(e), e.getDepartment(), e.getStatus().name(),
                        e.isInScope()))
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

    /**
     * Who receives an employee's contact: the count, and the first of them by name with only the name
     * fields and department the policy releases about them, and the rule through which they receive it.
     */
    public record SeenByView(String id, long count, List<SeenByColleagues.Colleague> colleagues) {
    }

    @GET
    @Path("{id}/seen-by")
    @Operation(summary = "Who receives this employee's contact, each with the rule and only the released name "
            + "fields and department")
    public SeenByView seenBy(@PathParam("id") String id) {
        views.find(id);
        long count = em.createQuery("select count(d) from DeliveredContactEntity d where d.contactId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        return new SeenByView(id, count, seenByColleagues.of(id));
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
        return em.createQuery("select a from AuditRecordEntity a where a.subject = :subject order by a.id desc",
                        AuditRecordEntity.class)
                .setParameter("subject", "employee:" + id).setMaxResults(limit).getResultList().stream()
                .map(AuditRecordEntity::record).map(AuditResource.AuditView::of).toList();
    }

    @GET
    @Path("{viewer}/why/{colleague}")
    @Operation(summary = "Why the viewer does or does not get the colleague's contact, and the other way round: "
            + "each one's scope with its rule, every visibility rule's answer, the cap, which fields travel and "
            + "which are withheld (by name), and what was delivered when")
    public PairwiseWhy.WhyView why(@PathParam("viewer") String viewer, @PathParam("colleague") String colleague) {
        return why.explain(viewer, colleague);
    }

    private static String name(EmployeeEntity e) {
        if (e.getDisplayName() != null) {
            return e.getDisplayName();
        }
        String joined = ((e.getGivenName() == null ? "" : e.getGivenName()) + " "
                + (e.getSurname() == null ? "" : e.getSurname())).strip();
        return joined.isEmpty() ? e.getId() : joined;
    }
}
