package org.roster.app.policies;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roster.app.audit.AuditRetentionFloor;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.TransactionalWork;
import org.roster.app.http.Problem;
import org.roster.app.security.FourEyes;
import org.roster.app.security.Roles;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyParser;
import org.roster.store.JpaStateStore;
import org.roster.store.PolicyVersionEntity;
import org.roster.sync.Simulation;

/**
 * The policy lifecycle: drafts are validated when written, simulated against the directory as
 * last read, approved by a compliance officer other than their author (four eyes), published (the
 * next run uses them). Restoring an earlier published version drafts a copy of it, which goes
 * through approval and publication like any draft. Every step commits with its audit record.
 */
@Path("policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.AUDITOR, Roles.DIRECTORY_ADMIN})
public class PolicyResource {

    private static final String YAML = "application/yaml";

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    TransactionalWork tx;

    @Inject
    ActivePolicy activePolicy;

    @Inject
    AuditRetentionFloor retentionFloor;

    @Inject
    AuditTrail trail;

    @Context
    SecurityContext security;

    private final Clock clock = Clock.systemUTC();

    /** A version as the API shows it; {@code text} only where one version is asked for. */
    public record PolicyView(long id, String name, String status, String author, Instant createdAt, String approvedBy,
                             Instant approvedAt, String publishedBy, Instant publishedAt, String note, String text) {
        static PolicyView of(PolicyVersionEntity p, boolean withText) {
            return new PolicyView(p.getId(), p.getName(), p.getStatus().name(), p.getAuthor(), p.getCreatedAt(),
                    p.getApprovedBy(), p.getApprovedAt(), p.getPublishedBy(), p.getPublishedAt(), p.getNote(),
                    withText ? p.getText() : null);
        }
    }

    /** The outcome of validating a text. */
    public record Validation(boolean valid, List<InvalidPolicyException.Problem> problems) {
    }

    @GET
    @Operation(summary = "Every policy version, newest first: the history")
    public List<PolicyView> list() {
        return em.createQuery("select p from PolicyVersionEntity p order by p.id desc", PolicyVersionEntity.class)
                .setMaxResults(500).getResultList().stream().map(p -> PolicyView.of(p, false)).toList();
    }

    @GET
    @Path("schema")
    @Produces("application/schema+json")
    @Operation(summary = "The JSON Schema of policy files, for policy authors' editors")
    public Response schema() {
        return Response.ok(Policies.class.getResourceAsStream("/policies/policy.schema.json"),
                "application/schema+json").build();
    }

    @GET
    @Path("active")
    @Operation(summary = "The published policy the next run uses, with its text")
    public PolicyView active() {
        return activePolicy.active().map(p -> PolicyView.of(p, true))
                .orElseThrow(() -> Problem.notFound("No policy is published."));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One version, with its text")
    public PolicyView get(@PathParam("id") long id) {
        return PolicyView.of(find(id), true);
    }

    @POST
    @Path("validate")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Consumes({YAML, "text/yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "Check a policy text without storing it; every problem comes with its line and column")
    public Validation validate(String text) {
        try {
            retentionFloor.parse("policy.yaml", text == null ? "" : text);
            return new Validation(true, List.of());
        } catch (InvalidPolicyException e) {
            return new Validation(false, e.problems());
        }
    }

    @POST
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Consumes({YAML, "text/yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "Create a draft from a policy text; an invalid text is refused with located problems")
    public Response draft(String text) {
        Policy policy;
        try {
            policy = retentionFloor.parse("policy.yaml", text == null ? "" : text);
        } catch (InvalidPolicyException e) {
            throw Problem.invalidPolicy(e);
        }
        String author = actor();
        PolicyVersionEntity draft = tx.inTransaction(() -> {
            PolicyVersionEntity created = new PolicyVersionEntity(policy.name(), text, author, clock.instant(), null);
            em.persist(created);
            em.flush();
            audit(author, "policy.drafted", created, "drafted " + created.getName() + " (version " + created.getId()
                    + ")");
            return created;
        });
        return Response.created(URI.create("/api/policies/" + draft.getId())).entity(PolicyView.of(draft, true)).build();
    }

    @POST
    @Path("{id}/simulate")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Operation(summary = "What this version would do to the directory as last read, delivering nothing")
    public Simulation.Result simulate(@PathParam("id") long id) {
        PolicyVersionEntity version = find(id);
        Policy policy = parse(version.getText());
        Simulation.Result result = Simulation.of(new JpaStateStore(em, tx, clock), policy).run(20);
        trail.recordAlone(actor(), "policy.simulated", "policy:" + version.getId(), "simulated " + version.getName()
                + " (version " + id + "): " + result.receiving() + " would receive, " + result.adds() + " adds, "
                + result.removes() + " removes");
        return result;
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Operation(summary = "Approve a draft; the approver must not be its author (four eyes)")
    public PolicyView approve(@PathParam("id") long id) {
        String approver = actor();
        refuse(approvalRefusal(find(id), approver));
        PolicyVersionEntity version = tx.inTransaction(() -> {
            PolicyVersionEntity found = find(id);
            refuse(approvalRefusal(found, approver));
            found.approve(approver, clock.instant());
            audit(approver, "policy.approved", found, "approved " + found.getName() + " (version " + id
                    + ", written by " + found.getAuthor() + ")");
            return found;
        });
        return PolicyView.of(version, false);
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Operation(summary = "Publish an approved version: the next run uses it, whole")
    public PolicyView publish(@PathParam("id") long id) {
        String publisher = actor();
        refuse(publicationRefusal(find(id)));
        PolicyVersionEntity version = tx.inTransaction(() -> {
            PolicyVersionEntity found = find(id);
            refuse(publicationRefusal(found));
            supersedePublished();
            found.publish(publisher, clock.instant());
            audit(publisher, "policy.published", found, "published " + found.getName() + " (version " + id
                    + ", approved by " + found.getApprovedBy() + ")");
            return found;
        });
        return PolicyView.of(version, false);
    }

    @POST
    @Path("{id}/rollback")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Operation(summary = "Restore a version that was published before: drafts a copy of it, which another "
            + "compliance officer approves before it is published (four eyes), like any draft")
    public Response rollback(@PathParam("id") long id) {
        String actor = actor();
        refuse(restoreRefusal(find(id)));
        PolicyVersionEntity copy = tx.inTransaction(() -> {
            PolicyVersionEntity earlier = find(id);
            refuse(restoreRefusal(earlier));
            // the one restoring proposes the change, so it is theirs to draft and someone else's to approve
            PolicyVersionEntity created = new PolicyVersionEntity(earlier.getName(), earlier.getText(), actor,
                    clock.instant(), "restores version " + id);
            em.persist(created);
            em.flush();
            audit(actor, "policy.rolled-back", created, "drafted version " + created.getId() + " of "
                    + created.getName() + " to restore version " + id + "; another compliance officer approves it "
                    + "before it is published");
            return created;
        });
        return Response.created(URI.create("/api/policies/" + copy.getId())).entity(PolicyView.of(copy, false)).build();
    }

    /*
     * Each step's refusal is asked once before its transaction, so that a person's refusal ends no
     * transaction with an exception, and again inside it, for a step taken meanwhile by someone else.
     */

    /** Why the approver may not approve the version (four eyes), or null when they may. */
    private static Problem approvalRefusal(PolicyVersionEntity version, String approver) {
        if (version.getStatus() != PolicyVersionEntity.Status.DRAFT) {
            return Problem.conflict("Version " + version.getId() + " is " + version.getStatus().name()
                    .toLowerCase(Locale.ROOT) + "; only a draft can be approved.");
        }
        if (FourEyes.samePerson(version.getAuthor(), approver)) {
            return Problem.conflict("Version " + version.getId() + " was written by " + version.getAuthor()
                    + "; another compliance officer must approve it (four eyes).");
        }
        return null;
    }

    /** Why the version can't be published, or null when it can. */
    private static Problem publicationRefusal(PolicyVersionEntity version) {
        return version.getStatus() == PolicyVersionEntity.Status.APPROVED ? null : Problem.conflict("Version "
                + version.getId() + " is " + version.getStatus().name().toLowerCase(Locale.ROOT) + "; only an approved "
                + "version can be published.");
    }

    /** Why the version can't be restored, or null when it can. */
    private static Problem restoreRefusal(PolicyVersionEntity version) {
        return version.getPublishedAt() != null ? null : Problem.conflict("Version " + version.getId() + " was never "
                + "published; only a version that was published before can be restored.");
    }

    private static void refuse(Problem refusal) {
        if (refusal != null) {
            throw refusal;
        }
    }

    private void supersedePublished() {
        em.createQuery("select p from PolicyVersionEntity p where p.status = :published", PolicyVersionEntity.class)
                .setParameter("published", PolicyVersionEntity.Status.PUBLISHED).getResultList()
                .forEach(PolicyVersionEntity::supersede);
    }

    private PolicyVersionEntity find(long id) {
        PolicyVersionEntity version = em.find(PolicyVersionEntity.class, id);
        if (version == null) {
            throw Problem.notFound("There is no policy version " + id + ".");
        }
        return version;
    }

    private static Policy parse(String text) {
        try {
            return PolicyParser.parse("policy.yaml", text);
        } catch (InvalidPolicyException e) {
            throw Problem.invalidPolicy(e);
        }
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }

    /** Records a step in the transaction that makes it. */
    private void audit(String actor, String action, PolicyVersionEntity version, String detail) {
        trail.record(actor, action, "policy:" + version.getId(), detail);
    }
}
