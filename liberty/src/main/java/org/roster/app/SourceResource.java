package org.roster.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roster.audit.AuditEvent;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.Normalisation;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.ScopeDecision;
import org.roster.source.ldap.ConnectionReport;
import org.roster.source.ldap.LdapSourceConfig;

/**
 * The directory sources, as configured, and a connection test an admin runs before trusting one.
 * Secrets never leave: a source says only whether its password is set.
 */
@Path("sources")
@RequestScoped
@jakarta.annotation.security.RolesAllowed(Roles.DIRECTORY_ADMIN)
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
    RunService runs;

    private final Clock clock = Clock.systemUTC();

    /** A source as configured; the bind password is write-only and shown only as set or not. */
    public record SourceView(String id, String kind, boolean demo, List<String> urls, String tls, String trustStore,
                             String bindDn, boolean passwordSet, String baseDn, String filter, String idAttribute,
                             Map<String, List<String>> mapping, int pageSize, int connectTimeoutMillis,
                             int responseTimeoutMillis) {
        static SourceView of(LdapSourceConfig c, boolean demo) {
            Map<String, List<String>> mapping = new LinkedHashMap<>();
            c.mappers().forEach(m -> mapping.put(m.field().policyName(), m.ldapAttributes()));
            String tls = "ldaps".equals(c.url().getScheme()) ? "ldaps" : c.connection().startTls() ? "starttls" : "none";
            return new SourceView(RosterSettings.SOURCE_ID, "ldap", demo,
                    c.urls().stream().map(Object::toString).toList(), tls,
                    c.connection().trustStore().map(Object::toString).orElse(null), c.bindDn(),
                    !c.password().isEmpty(), c.baseDn().toString(), c.filter().toString(), c.idAttribute(), mapping,
                    c.pageSize(), c.connection().connectTimeoutMillis(), c.connection().responseTimeoutMillis());
        }
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

    @GET
    @Operation(summary = "The directory sources as configured (secrets are never returned)")
    public List<Object> list() {
        return List.of(view());
    }

    /** An Entra ID source as configured; the client secret is write-only and shown only as set or not. */
    public record EntraView(String id, String kind, String tenantId, String clientId, boolean secretSet,
                            String authorityHost, String graphUrl, List<String> groupIds, int pageSize) {
        static EntraView of(org.roster.source.graph.GraphSourceConfig c) {
            return new EntraView(RosterSettings.SOURCE_ID, "entra", c.tenantId(), c.clientId(),
                    !c.clientSecret().isEmpty(), c.authorityHost().toString(), c.graphUrl().toString(), c.groupIds(),
                    c.pageSize());
        }
    }

    private Object view() {
        return settings.entraSource() ? EntraView.of(settings.graphSource())
                : SourceView.of(settings.ldapSource(), settings.demoDirectory());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One source as configured")
    public Object get(@PathParam("id") String id) {
        known(id);
        return view();
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Test a source", description = "Connects to each server (reporting TLS), binds, checks "
            + "the base DN, counts the entries the filter matches and shows a few as the active policy would "
            + "deliver them. Always answers 200; the report says what worked and what did not.")
    public TestView test(@PathParam("id") String id, @Context SecurityContext security) {
        known(id);
        ConnectionReport report = settings.entraSource() ? testEntra() : sources.source().test(SAMPLE, COUNT_LIMIT);
        PolicyEvaluator evaluator;
        try {
            evaluator = new PolicyEvaluator(activePolicy.load());
        } catch (org.roster.policy.InvalidPolicyException e) {
            throw new IllegalStateException("the active policy can't be read: " + e.getMessage(), e);
        }
        var normaliser = settings.normaliser();
        List<SampleEntry> sample = report.sample().stream().map(entry -> preview(entry, normaliser, evaluator)).toList();
        runs.audit().append(List.of(new AuditEvent(clock.instant(), security.getUserPrincipal().getName(),
                "source.tested", "source:" + id, "connection test of " + id + ": " + (report.ok() ? "works" : "fails")
                + "; " + report.steps().stream().map(s -> s.name() + (s.ok() ? " ok" : " failed")).toList())));
        return new TestView(id, report.ok(), report.steps(), report.matching(), report.capped(), sample);
    }

    /** Entra ID: signing in and reading a first page of users is the test. */
    private ConnectionReport testEntra() {
        var config = settings.graphSource();
        try {
            sources.graph(config).checkReachable();
            return new ConnectionReport(true, List.of(new ConnectionReport.Step("sign in and read users", true,
                    "signed in to tenant " + config.tenantId() + " as app " + config.clientId() + "; users can be read")),
                    -1, false, List.of());
        } catch (org.roster.directory.DirectorySource.DirectoryUnavailableException e) {
            return new ConnectionReport(false, List.of(new ConnectionReport.Step("sign in and read users", false,
                    e.getMessage())), -1, false, List.of());
        }
    }

    private static SampleEntry preview(DirectoryEntry entry, org.roster.directory.EntryNormaliser normaliser,
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

    private static void known(String id) {
        if (!RosterSettings.SOURCE_ID.equals(id)) {
            throw Problem.notFound("There is no source " + id + "; the configured directory is "
                    + RosterSettings.SOURCE_ID + ".");
        }
    }
}
