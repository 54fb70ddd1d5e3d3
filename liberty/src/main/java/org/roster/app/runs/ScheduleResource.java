package org.roster.app.runs;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import org.roster.schedule.Schedule;
import org.roster.store.ScheduleEntity;

/** When each source is synced on its own: an interval or a cron expression, kept in the database. */
@Path("schedules")
@RequestScoped
@RolesAllowed({Roles.DIRECTORY_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

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
        static ScheduleView of(ScheduleEntity s) {
            return new ScheduleView(s.getSourceId(), s.getKind(), s.getExpression(), s.getZone(), s.isEnabled(),
                    s.isEnabled() ? s.getNextFireAt() : null, s.getLastFiredAt(), s.getLastRunId(), s.getUpdatedBy(),
                    s.getUpdatedAt());
        }
    }

    @GET
    @Operation(summary = "List the sources' schedules, with their next fire times")
    public List<ScheduleView> list() {
        return em.createQuery("select s from ScheduleEntity s order by s.sourceId", ScheduleEntity.class)
                .getResultList().stream().map(ScheduleView::of).toList();
    }

    @GET
    @Path("{source}")
    @Operation(summary = "A source's schedule")
    public ScheduleView get(@PathParam("source") String source) {
        known(source);
        ScheduleEntity found = em.find(ScheduleEntity.class, source);
        if (found == null) {
            throw Problem.notFound("The source " + source + " has no schedule; it syncs when a run is started.");
        }
        return ScheduleView.of(found);
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
        ScheduleEntity saved = tx.inTransaction(() -> {
            ScheduleEntity found = em.find(ScheduleEntity.class, source);
            if (found == null) {
                found = new ScheduleEntity(source);
                found.set(schedule, zone, actor, clock.instant());
                em.persist(found);
            } else {
                found.set(schedule, zone, actor, clock.instant());
            }
            trail.record(actor, "schedule.changed", "source:" + source, "syncs of " + source + " scheduled: "
                    + found.getKind() + " " + found.getExpression()
                    + ("cron".equals(found.getKind()) ? " (" + found.getZone() + ")" : "")
                    + "; next at " + found.getNextFireAt());
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
        ScheduleEntity saved = tx.inTransaction(() -> {
            ScheduleEntity found = em.find(ScheduleEntity.class, source);
            if (found == null) {
                throw Problem.notFound("The source " + source + " has no schedule.");
            }
            found.disable(actor, clock.instant());
            trail.record(actor, "schedule.disabled", "source:" + source, "scheduled syncs of " + source
                    + " switched off");
            return found;
        });
        return ScheduleView.of(saved);
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
