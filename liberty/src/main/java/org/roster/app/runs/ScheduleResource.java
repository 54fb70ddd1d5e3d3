package org.roster.app.runs;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.http.Problem;
import org.roster.app.security.Roles;
import org.roster.app.sources.SourceCatalog;
import org.roster.app.sources.SourceDefinition;
import org.roster.records.ScheduleRecord;
import org.roster.records.Schedules;
import org.roster.schedule.Schedule;

/** When each source is synced on its own: an interval or a cron expression, kept in the database. */
@Path("schedules")
@RequestScoped
@RolesAllowed({Roles.DIRECTORY_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    Schedules schedules;

    @Inject
    TransactionalWork tx;

    @Inject
    AuditTrail trail;

    @Inject
    RosterSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** A schedule as set: exactly one of {@code interval} (ISO-8601) and {@code cron}, and the cron's zone. */
    public record ScheduleRequest(String interval, String cron, String zone) {
    }

    /** A source's schedule and where it stands. */
    public record ScheduleView(String source, String kind, String expression, String zone, boolean enabled,
                               Instant nextFireAt, Instant lastFiredAt, Long lastRunId, String updatedBy,
                               Instant updatedAt) {
        static ScheduleView of(ScheduleRecord s) {
            return new ScheduleView(s.source(), s.kind(), s.expression(), s.zone(), s.enabled(),
                    s.enabled() ? s.nextFireAt() : null, s.lastFiredAt(), s.lastRunId(), s.updatedBy(),
                    s.updatedAt());
        }
    }

    @GET
    @Operation(summary = "List the sources' schedules, with their next fire times")
    public List<ScheduleView> list() {
        return schedules.all().stream().map(ScheduleView::of).toList();
    }

    @GET
    @Path("{source}")
    @Operation(summary = "A source's schedule")
    public ScheduleView get(@PathParam("source") String source) {
        known(source);
        return schedules.find(source).map(ScheduleView::of).orElseThrow(() -> Problem.notFound(
                "The source " + source + " has no schedule; it syncs when a run is started."));
    }

    @PUT
    @Path("{source}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Set a source's schedule", description = "Either {\"interval\": \"PT6H\"} or "
            + "{\"cron\": \"30 2 * * 1-5\", \"zone\": \"Europe/Berlin\"}. Every server on the database follows it; "
            + "each fire time starts one run.")
    public ScheduleView set(@PathParam("source") String source, ScheduleRequest request,
                            @Context SecurityContext security) {
        known(source);
        Schedule schedule = parse(request);
        ZoneId zone = zone(request);
        String actor = security.getUserPrincipal().getName();
        ScheduleRecord saved = tx.inTransaction(() -> {
            ScheduleRecord found = schedules.set(source, schedule, zone, actor, clock.instant());
            trail.record(actor, "schedule.changed", "source:" + source, "syncs of " + source + " scheduled: "
                    + found.kind() + " " + found.expression()
                    + ("cron".equals(found.kind()) ? " (" + found.zone() + ")" : "")
                    + "; next at " + found.nextFireAt());
            return found;
        });
        return ScheduleView.of(saved);
    }

    @DELETE
    @Path("{source}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Stop a source's scheduled syncs", description = "The schedule is kept, switched off; "
            + "setting a schedule switches it on again.")
    public ScheduleView disable(@PathParam("source") String source, @Context SecurityContext security) {
        known(source);
        String actor = security.getUserPrincipal().getName();
        // a source without a schedule is refused once the transaction has ended, having changed nothing
        Optional<ScheduleRecord> saved = tx.inTransaction(() -> {
            Optional<ScheduleRecord> found = schedules.disable(source, actor, clock.instant());
            found.ifPresent(off -> trail.record(actor, "schedule.disabled", "source:" + source,
                    "scheduled syncs of " + source + " switched off"));
            return found;
        });
        return ScheduleView.of(saved.orElseThrow(() -> Problem.notFound("The source " + source
                + " has no schedule.")));
    }

    @Inject
    SourceCatalog catalog;

    private void known(String source) {
        if (catalog.find(source).isEmpty()) {
            throw Problem.notFound("There is no source " + source + "; the sources are "
                    + catalog.all().stream().map(SourceDefinition::id).toList() + ".");
        }
    }

    private static Schedule parse(ScheduleRequest request) {
        boolean interval = request != null && request.interval() != null && !request.interval().isBlank();
        boolean cron = request != null && request.cron() != null && !request.cron().isBlank();
        if (interval == cron) {
            throw Problem.badRequest("Give exactly one of interval (an ISO-8601 duration such as \"PT6H\") and cron "
                    + "(five fields such as \"30 2 * * 1-5\").");
        }
        try {
            return interval ? Schedule.interval(request.interval()) : Schedule.cron(request.cron(), zone(request));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private static ZoneId zone(ScheduleRequest request) {
        String zone = request == null || request.zone() == null || request.zone().isBlank() ? "UTC" : request.zone();
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw Problem.badRequest("\"" + zone + "\" is not a time zone such as Europe/Berlin or UTC.");
        }
    }
}
