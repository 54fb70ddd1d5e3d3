package org.roster.app.sources;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.http.Problem;
import org.roster.app.policies.ActivePolicy;
import org.roster.app.security.Roles;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Normalisation;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.ScopeDecision;
import org.roster.source.ConnectionReport;
import org.roster.source.Secret;
import org.roster.source.SourceKind;
import org.roster.source.SourceKinds;

/**
 * The directory sources, as configured, and a connection test an admin runs before trusting one.
 * Secrets never leave: a source says only whether its password is set.
 */
@Path("sources")
@RequestScoped
@RolesAllowed(Roles.DIRECTORY_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private static final int SAMPLE = 3;
    private static final long COUNT_LIMIT = 100_000;

    @Inject
    RosterSettings settings;

    @Inject
    DirectorySources sources;

    @Inject
    ActivePolicy activePolicy;

    @Inject
    AuditTrail trail;

    /**
     * A source as described: its settings (which hold no secrets) and the names of the secrets that
     * are set. Secrets are write-only: no answer carries one.
     *
     * @param managedBy {@code configuration} (the server's settings, read-only here) or {@code api}
     * @param urls      an LDAP source's servers, in failover order
     * @param tls       an LDAP source's transport security: {@code ldaps}, {@code starttls} or {@code none}
     * @param insecure  whether its bind password travels in clear text (which {@code allow-insecure} accepted)
     * @param secretsCleared after a change: the stored secrets it cleared because it pointed the source
     *                  elsewhere without supplying them again; absent otherwise
     * @param notice    after such a change, a sentence saying so
     */
    public record SourceView(String id, String kind, String name, int precedence, boolean enabled, String managedBy,
                             boolean demo, Map<String, String> settings, List<String> secretsSet, List<String> urls,
                             String tls, boolean insecure, List<String> secretsCleared, String notice) {
        static SourceView of(SourceDefinition d, boolean demo) {
            Optional<SourceKind.Servers> servers = SourceKinds.named(d.kind())
                    .flatMap(kind -> kind.servers(d.sourceSettings()));
            List<String> urls = servers.map(SourceKind.Servers::urls).orElse(null);
            String tls = servers.map(SourceKind.Servers::tls).orElse(null);
            return new SourceView(d.id(), d.kind(), d.name(), d.precedence(), d.enabled(),
                    d.configured() ? "configuration" : "api", demo && d.configured(), new TreeMap<>(d.settings()),
                    d.secrets().keySet().stream().sorted().toList(), urls, tls, urls != null && CleartextBind.exposed(d),
                    null, null);
        }

        static SourceView of(SourceCatalog.Updated updated) {
            SourceView view = of(updated.source(), false);
            return new SourceView(view.id(), view.kind(), view.name(), view.precedence(), view.enabled(),
                    view.managedBy(), view.demo(), view.settings(), view.secretsSet(), view.urls(), view.tls(),
                    view.insecure(), updated.secretsCleared(), updated.notice().isEmpty() ? null : updated.notice());
        }
    }

    /**
     * A source to add or a new description of one. Settings are named as the
     * {@code roster.source.ldap.*} and {@code roster.source.entra.*} keys without their prefix.
     * Secrets: on a change, one left out is kept and an empty one is cleared.
     */
    public record SourceRequest(String id, String kind, String name, Integer precedence, Boolean enabled,
                                Map<String, String> settings, Map<String, String> secrets) {
    }

    /** A test's steps and counts, and a few entries as the active policy would deliver them. */
    public record TestView(String source, boolean ok, List<ConnectionReport.Step> steps, long matching, boolean capped,
                           List<SampleEntry> sample) {
    }

    /**
     * One sampled entry under the active policy: accepted (with its scope rule and exactly the
     * fields the policy releases) or rejected with the reason.
     */
    public record SampleEntry(String id, String outcome, String rule, Map<String, String> released, String reason) {
    }

    @Inject
    SourceCatalog catalog;

    @GET
    @Operation(summary = "The directory sources, in precedence order (secrets are never returned)")
    public List<SourceView> list() {
        return catalog.all().stream().map(d -> SourceView.of(d, settings.demoDirectory())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One source")
    public SourceView get(@PathParam("id") String id) {
        return SourceView.of(known(id), settings.demoDirectory());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a source", description = "An LDAP directory or an Entra ID tenant. The description is "
            + "checked before it is kept (unknown or malformed settings are refused, naming them); secrets are sealed "
            + "with roster.secrets.key. Runs read every enabled source and merge them by roster.source.merge-key.")
    public Response create(SourceRequest request, @Context SecurityContext security) {
        SourceDefinition definition = definition(request, request == null ? null : request.id());
        try {
            SourceDefinition created = catalog.create(definition, security.getUserPrincipal().getName());
            return Response.status(Response.Status.CREATED).location(URI.create("sources/" + created.id()))
                    .entity(SourceView.of(created, false)).build();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw Problem.conflict(e.getMessage());
        }
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a source", description = "Replaces its settings, name, precedence and whether it "
            + "is enabled; secrets left out are kept, empty ones cleared, except that a change of url, bind-dn, "
            + "authority-host, graph-url, tenant-id, client-id or trust-store clears the stored secrets it does not "
            + "supply again (secretsCleared says which). The configured source can't be changed here.")
    public SourceView update(@PathParam("id") String id, SourceRequest request, @Context SecurityContext security) {
        known(id);
        if (request != null && request.id() != null && !request.id().equals(id)) {
            throw Problem.badRequest("The id in the body (" + request.id() + ") is not the source's (" + id + ").");
        }
        SourceDefinition definition = definition(request, id);
        try {
            return SourceView.of(catalog.update(definition, secrets(request), security.getUserPrincipal().getName()));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw Problem.conflict(e.getMessage());
        } finally {
            sources.forget(id);
        }
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a source", description = "The next complete run drops its entries: whoever is in "
            + "no other source leaves, within the removal guard's limits.")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        known(id);
        try {
            catalog.delete(id, security.getUserPrincipal().getName());
        } catch (IllegalStateException e) {
            throw Problem.conflict(e.getMessage());
        }
        sources.forget(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Test a source", description = "LDAP: connects to each server (reporting TLS), binds, checks "
            + "the base DN, counts the entries the filter matches and shows a few as the active policy would "
            + "deliver them. Entra ID: signs in and reads users. Always answers 200; the report says what worked "
            + "and what did not.")
    public TestView test(@PathParam("id") String id, @Context SecurityContext security) {
        SourceDefinition source = known(id);
        ConnectionReport report;
        try {
            report = sources.test(source, SAMPLE, COUNT_LIMIT);
        } catch (IllegalArgumentException e) {
            report = new ConnectionReport(false, List.of(new ConnectionReport.Step("settings", false, e.getMessage())),
                    -1, false, List.of());
        }
        PolicyEvaluator evaluator;
        try {
            evaluator = new PolicyEvaluator(activePolicy.load());
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException("the active policy can't be read: " + e.getMessage(), e);
        }
        var normaliser = source.normaliser(settings.defaultRegion(), "");
        List<SampleEntry> sample = report.sample().stream().map(entry -> preview(entry, normaliser, evaluator)).toList();
        ConnectionReport done = report;
        trail.recordAlone(security.getUserPrincipal().getName(), "source.tested", "source:" + id,
                "connection test of " + id + ": " + (done.ok() ? "works" : "fails") + "; "
                        + done.steps().stream().map(s -> s.name() + (s.ok() ? " ok" : " failed")).toList());
        return new TestView(id, report.ok(), report.steps(), report.matching(), report.capped(), sample);
    }

    private static SourceDefinition definition(SourceRequest request, String id) {
        if (request == null) {
            throw Problem.badRequest("A source is described by a JSON object with id, kind, settings and secrets.");
        }
        Map<String, Secret> secrets = secrets(request);
        secrets.values().removeIf(Secret::isEmpty);
        return new SourceDefinition(id, request.kind(), request.name(),
                request.precedence() == null ? 100 : request.precedence(),
                request.enabled() == null || request.enabled(),
                request.settings() == null ? Map.of() : request.settings(), secrets, false);
    }

    private static Map<String, Secret> secrets(SourceRequest request) {
        Map<String, Secret> secrets = new HashMap<>();
        if (request != null && request.secrets() != null) {
            request.secrets().forEach((name, value) -> secrets.put(name,
                    Secret.of(value == null ? new char[0] : value.toCharArray())));
        }
        return secrets;
    }

    private static SampleEntry preview(DirectoryEntry entry, EntryNormaliser normaliser,
                                       PolicyEvaluator evaluator) {
        Normalisation result = normaliser.normalise(entry);
        if (result instanceof Normalisation.Rejected rejected) {
            return new SampleEntry(rejected.rejection().employeeId().orElse(null), "rejected", null, Map.of(),
                    rejected.rejection().withheld());
        }
        var employee = ((Normalisation.Accepted) result).employee();
        ScopeDecision scope = evaluator.scope(employee);
        Map<String, String> released = new LinkedHashMap<>();
        if (scope.delivered()) {
            Map<PersonField, String> fields = evaluator.release(employee);
            for (PersonField field : PersonField.values()) {
                if (fields.containsKey(field)) {
                    released.put(field.policyName(), fields.get(field));
                }
            }
        }
        return new SampleEntry(employee.id(), scope.delivered() ? "delivered" : scope.receives() ? "receives only"
                : "excluded", scope.ruleId(), released, null);
    }

    private SourceDefinition known(String id) {
        return catalog.find(id).orElseThrow(() -> Problem.notFound("There is no source " + id + "; the sources are "
                + catalog.all().stream().map(SourceDefinition::id).toList() + "."));
    }
}
