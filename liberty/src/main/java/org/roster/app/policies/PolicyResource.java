package org.roster.app.policies;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.roster.records.PolicyVersion;
import org.roster.records.PolicyVersions;
import org.roster.sync.Simulation;
import org.roster.sync.StateStore;

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

    @Inject
    PolicyVersions versions;

    @Inject
    @ForSimulation
    StateStore lastRead;

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
        static PolicyView of(PolicyVersion p, boolean withText) {
            return new PolicyView(p.id(), p.name(), p.status().name(), p.author(), p.createdAt(), p.approvedBy(),
                    p.approvedAt(), p.publishedBy(), p.publishedAt(), p.note(), withText ? p.text() : null);
        }
    }

    /** The outcome of validating a text. */
    public record Validation(boolean valid, List<InvalidPolicyException.Problem> problems) {
    }

    @GET
    @Operation(summary = "Every policy version, newest first: the history")
    public List<PolicyView> list() {
        return versions.newestFirst(500).stream().map(p -> PolicyView.of(p, false)).toList();
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
        PolicyVersion draft = tx.inTransaction(() -> {
            PolicyVersion created = versions.draft(policy.name(), text, author, clock.instant(), null);
            audit(author, "policy.drafted", created, "drafted " + created.name() + " (version " + created.id()
                    + ")");
            return created;
        });
        return Response.created(URI.create("/api/policies/" + draft.id())).entity(PolicyView.of(draft, true)).build();
    }

    @POST
    @Path("{id}/simulate")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Operation(summary = "What this version would do to the directory as last read, delivering nothing")
    public Simulation.Result simulate(@PathParam("id") long id) {
        PolicyVersion version = find(id);
        Policy policy = parse(version.text());
        Simulation.Result result = Simulation.of(lastRead, policy).run(20);
        trail.recordAlone(actor(), "policy.simulated", "policy:" + version.id(), "simulated " + version.name()
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
        PolicyVersion version = tx.inTransaction(() -> {
            refuse(approvalRefusal(find(id), approver));
            PolicyVersion approved = versions.approve(id, approver, clock.instant());
            audit(approver, "policy.approved", approved, "approved " + approved.name() + " (version " + id
                    + ", written by " + approved.author() + ")");
            return approved;
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
        PolicyVersion version = tx.inTransaction(() -> {
            refuse(publicationRefusal(find(id)));
            versions.supersedePublished();
            PolicyVersion published = versions.publish(id, publisher, clock.instant());
            audit(publisher, "policy.published", published, "published " + published.name() + " (version " + id
                    + ", approved by " + published.approvedBy() + ")");
            return published;
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
        PolicyVersion copy = tx.inTransaction(() -> {
            PolicyVersion earlier = find(id);
            refuse(restoreRefusal(earlier));
            // the one restoring proposes the change, so it is theirs to draft and someone else's to approve
            PolicyVersion created = versions.draft(earlier.name(), earlier.text(), actor, clock.instant(),
                    "restores version " + id);
            audit(actor, "policy.rolled-back", created, "drafted version " + created.id() + " of "
                    + created.name() + " to restore version " + id + "; another compliance officer approves it "
                    + "before it is published");
            return created;
        });
        return Response.created(URI.create("/api/policies/" + copy.id())).entity(PolicyView.of(copy, false)).build();
    }

    /*
     * Each step's refusal is asked once before its transaction, so that a person's refusal ends no
     * transaction with an exception, and again inside it, for a step taken meanwhile by someone else.
     */

    /** Why the approver may not approve the version (four eyes), or null when they may. */
    private static Problem approvalRefusal(PolicyVersion version, String approver) {
        if (version.status() != PolicyVersion.Status.DRAFT) {
            return Problem.conflict("Version " + version.id() + " is " + version.status().name()
                    .toLowerCase(Locale.ROOT) + "; only a draft can be approved.");
        }
        if (FourEyes.samePerson(version.author(), approver)) {
            return Problem.conflict("Version " + version.id() + " was written by " + version.author()
                    + "; another compliance officer must approve it (four eyes).");
        }
        return null;
    }

    /** Why the version can't be published, or null when it can. */
    private static Problem publicationRefusal(PolicyVersion version) {
        return version.status() == PolicyVersion.Status.APPROVED ? null : Problem.conflict("Version "
                + version.id() + " is " + version.status().name().toLowerCase(Locale.ROOT) + "; only an approved "
                + "version can be published.");
    }

    /** Why the version can't be restored, or null when it can. */
    private static Problem restoreRefusal(PolicyVersion version) {
        return version.publishedAt() != null ? null : Problem.conflict("Version " + version.id() + " was never "
                + "published; only a version that was published before can be restored.");
    }

    private static void refuse(Problem refusal) {
        if (refusal != null) {
            throw refusal;
        }
    }

    private PolicyVersion find(long id) {
        return versions.find(id).orElseThrow(() -> Problem.notFound("There is no policy version " + id + "."));
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
    private void audit(String actor, String action, PolicyVersion version, String detail) {
        trail.record(actor, action, "policy:" + version.id(), detail);
    }
}
