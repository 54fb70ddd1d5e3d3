package org.roster.app.runs;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roster.app.audit.AuditResource;
import org.roster.app.http.Problem;
import org.roster.app.security.Roles;
import org.roster.policy.Policy;
import org.roster.records.RunRecord;
import org.roster.records.RunReports;
import org.roster.records.Runs;
import org.roster.store.JpaRunStores;
import org.roster.store.JpaStateStore;
import org.roster.sync.QualityReport;

/** Sync runs: start one, list them, follow one's stage, progress and counts. */
@Path("runs")
@RequestScoped
@RolesAllowed({Roles.DIRECTORY_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    RunService runs;

    @Inject
    RunApprovals approvals;

    @Inject
    Runs records;

    @Inject
    RunReports reports;

    @Inject
    JpaRunStores stores;

    /** What to run. */
    public record RunRequest(boolean dryRun) {
    }

    /** An entry a run rejected, and why. */
    public record RejectionView(String entry, String employeeId, String reason) {
    }

    @POST
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a sync run", description = "Queues a full sync; with dryRun the plan is made but "
            + "nothing is delivered. Answers 409 while another run is in progress.")
    public Response start(RunRequest request, @Context SecurityContext security) {
        boolean dryRun = request != null && request.dryRun();
        long id;
        try {
            id = runs.start("manual", dryRun, security.getUserPrincipal().getName());
        } catch (RunService.RunInProgressException e) {
            throw Problem.conflict("A run is already in progress; wait for it to finish, then start another.");
        }
        return Response.accepted(view(id)).location(URI.create("/api/runs/" + id)).build();
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Approve the removals of a run that waits for approval: the run goes on to deliver "
            + "the plan it halted with", description = "Four eyes: the admin who started the run can't approve it "
            + "(409); a run the system started, any admin may.")
    public Response approve(@PathParam("id") long id,
                            @Context SecurityContext security) {
        try {
            approvals.decide(id, true, security.getUserPrincipal().getName());
        } catch (RunService.RunInProgressException e) {
            throw Problem.conflict("A run is already in progress; approve again when it has finished.");
        }
        return Response.accepted(view(id)).location(URI.create("/api/runs/" + id)).build();
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Reject the removals of a run that waits for approval: nothing is delivered",
            description = "Four eyes: the admin who started the run can't reject it (409).")
    public RunView reject(@PathParam("id") long id,
                          @Context SecurityContext security) {
        try {
            approvals.decide(id, false, security.getUserPrincipal().getName());
        } catch (RunService.RunInProgressException e) {
            throw new IllegalStateException("rejecting starts no run", e);
        }
        return view(id);
    }

    @GET
    @Operation(summary = "List runs, newest first")
    public List<RunView> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problem.badRequest("limit must be between 1 and 500, not " + limit);
        }
        return reports.latest(limit).stream().map(RunView::of).toList();
    }

    @GET
    @Path("chart.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The latest runs as an SVG chart: entries read, in scope and contact changes, and "
            + "durations, oldest on the left; its title and description say the same in words")
    public Response chart(@QueryParam("limit") @DefaultValue("30") int limit) {
        List<RunHistoryChart.Run> latest = list(limit).stream().map(RunHistoryChart.Run::of).toList();
        return Response.ok(RunHistoryChart.of(latest).svg(), "image/svg+xml; charset=UTF-8")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One run: status, stage, progress and counts")
    public RunView get(@PathParam("id") long id) {
        return view(id);
    }

    @GET
    @Path("{id}/rejections")
    @Operation(summary = "The entries a run rejected, each with the reason")
    public List<RejectionView> rejections(@PathParam("id") long id,
                                          @QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("100") int limit) {
        view(id);
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw Problem.badRequest("offset must be 0 or more and limit between 1 and 1000");
        }
        return reports.rejections(id, offset, limit).stream()
                .map(r -> new RejectionView(r.entry(), r.employeeId(), r.reason())).toList();
    }

    /**
     * A run's data-quality report: the counts for the whole directory, by department and source, and
     * the mobile numbers several employees share, each named by the ids of its sharers.
     */
    public record QualityView(long runId, QualityReport.Count total, List<QualityReport.Count> byDepartmentAndSource,
                              List<SharedNumberView> sharedNumbers) {
    }

    /** A number several employees share: how many, the first of them by id, and the rule that decides about them. */
    public record SharedNumberView(int sharers, List<String> employeeIds, String rule) {
    }

    @GET
    @Path("{id}/quality")
    @Operation(summary = "A run's data-quality report: numbers shared by several employees, invalid numbers, "
            + "missing mobiles, numbers read with a guessed region and rejected entries, in all and by department "
            + "and source; the shared numbers as the ids of their sharers, never the numbers")
    public QualityView quality(@PathParam("id") long id) {
        QualityReport report = report(id);
        return new QualityView(id, report.total(), report.counts(), report.sharedNumbers().stream()
                .map(n -> new SharedNumberView(n.sharers(), n.employeeIds(), Policy.SHARED_NUMBERS_RULE)).toList());
    }

    @GET
    @Path("{id}/quality.csv")
    @Produces("text/csv")
    @Operation(summary = "A run's data-quality counts by department and source as CSV, one row each")
    public Response qualityCsv(@PathParam("id") long id) {
        QualityReport report = report(id);
        StringBuilder csv = new StringBuilder("department,source,employees,sharedNumber,invalidNumber,missingMobile,"
                + "guessedRegion,rejected\r\n");
        for (QualityReport.Count c : report.counts()) {
            csv.append(AuditResource.csv(c.department())).append(',').append(AuditResource.csv(c.source()))
                    .append(',').append(c.employees()).append(',').append(c.sharedNumber()).append(',')
                    .append(c.invalidNumber()).append(',').append(c.missingMobile()).append(',')
                    .append(c.guessedRegion()).append(',').append(c.rejected()).append("\r\n");
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"roster-run-" + id + "-data-quality.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    /** A run's data-quality totals, for the history of the latest runs. */
    public record QualityTotalView(long runId, String status, QualityReport.Count total) {
    }

    @GET
    @Path("quality")
    @Operation(summary = "The data-quality totals of the latest runs that have a report, newest first")
    public List<QualityTotalView> qualityHistory(@QueryParam("limit") @DefaultValue("30") int limit) {
        JpaStateStore store = stores.state();
        List<QualityTotalView> latest = new ArrayList<>();
        for (RunView run : list(limit)) {
            store.quality(run.id()).ifPresent(r -> latest.add(new QualityTotalView(run.id(), run.status(), r.total())));
        }
        return latest;
    }

    @GET
    @Path("quality-chart.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The data-quality counts of the latest runs as an SVG chart, oldest on the left; its "
            + "title and description say the same in words")
    public Response qualityChart(@QueryParam("limit") @DefaultValue("30") int limit) {
        List<DataQualityChart.Run> latest = qualityHistory(limit).stream()
                .map(q -> new DataQualityChart.Run(q.runId(), q.status(), q.total())).toList();
        return Response.ok(DataQualityChart.of(latest).svg(), "image/svg+xml; charset=UTF-8")
                .header("Cache-Control", "no-store").build();
    }

    private QualityReport report(long id) {
        view(id);
        return stores.state().quality(id).orElseThrow(() -> Problem.notFound(
                "Run " + id + " has no data-quality report: it has not finished reading the directory, or found it "
                        + "empty."));
    }

    /** An employee the run's policy leaves out (or lets only receive), and the rule that decided it. */
    public record ExcludedView(String employeeId, boolean receives, String rule, String reason) {
    }

    @GET
    @Path("{id}/excluded")
    @Operation(summary = "The employees left out of scope (or only receiving) as the run left the directory, each "
            + "with its rule: those still in the directory whose decision was made by this run or an earlier one "
            + "(an entry read again unchanged keeps the decision it had)")
    public List<ExcludedView> excluded(@PathParam("id") long id, @QueryParam("rule") String rule,
                                       @QueryParam("offset") @DefaultValue("0") int offset,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        view(id);
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw Problem.badRequest("offset must be 0 or more and limit between 1 and 1000");
        }
        return reports.excluded(id, Optional.ofNullable(rule), offset, limit).stream()
                .map(e -> new ExcludedView(e.employeeId(), e.receives(), e.rule(), e.reason())).toList();
    }

    private RunView view(long id) {
        RunRecord run = records.find(id).orElseThrow(() -> Problem.notFound("There is no run " + id + "."));
        RunView view = RunView.of(run);
        if (!"telegram".equals(run.platform()) || run.dryRun()) {
            return view;
        }
        // one run delivers at a time: what the ledger recorded while it ran is what it did
        Instant until = run.finishedAt() == null ? Instant.now() : run.finishedAt();
        return view.withTelegram(reports.telegramStates(run.startedAt(), until));
    }
}
