package org.roster.app.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roster.app.http.Problem;
import org.roster.app.runs.RunService;
import org.roster.app.security.Roles;
import org.roster.audit.AnchorReading;
import org.roster.audit.AuditLog;
import org.roster.store.AuditRecordEntity;

/** The audit trail: query it, export it, verify its hash chain, its seals and its anchored end. */
@Path("audit")
@RequestScoped
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int EXPORT_PAGE = 1000;

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    RunService runs;

    /** One record as the API shows it. */
    public record AuditView(long id, Instant at, String actor, String action, String subject, String detail,
                            String hash) {
        public static AuditView of(AuditRecordEntity r) {
            return new AuditView(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getSubject(), r.getDetail(),
                    r.getHash());
        }
    }

    /** Query filters; each is optional. {@code before} pages back: only records with a lower id. */
    record Filter(String actor, String action, String subject, Instant from, Instant to, Long before) {
    }

    @GET
    @Operation(summary = "Audit records, newest first, filtered by actor, action, subject (e.g. run:12, "
            + "employee:p42) and time; the next page is the records before the last one's id (before=…)")
    public List<AuditView> query(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                 @QueryParam("subject") String subject, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("employee") String employee,
                                 @QueryParam("run") Long run, @QueryParam("before") Long before,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw Problem.badRequest("limit must be between 1 and 1000, not " + limit);
        }
        Filter filter = filter(actor, action, subject, from, to, employee, run, before);
        return query(filter, "order by a.id desc").setMaxResults(limit).getResultList().stream()
                .map(AuditView::of).toList();
    }

    private static Filter filter(String actor, String action, String subject, String from, String to,
                                 String employee, Long run, Long before) {
        String subjectFilter = employee != null ? "employee:" + employee : run != null ? "run:" + run : subject;
        return new Filter(blankAsNull(actor), blankAsNull(action), blankAsNull(subjectFilter), instant("from", from),
                instant("to", to), before);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Inject
    AuditAnchoring anchoring;

    @GET
    @Path("verify")
    @Operation(summary = "Re-compute the hash chain and every record's seal, report the first broken link, and "
            + "compare the trail's end with the newest anchor outside the database (anchoredThrough, anchoredAt, "
            + "anchoredBy): records missing after it, or a replaced trail, are named")
    public AuditVerificationView verify() {
        // the anchors first: each names a committed record, so one read later must find it
        AnchorReading reading = anchoring.read();
        AuditLog.Verification chain = runs.audit().verify();
        return AuditVerificationView.of(chain, reading, anchoring.compare(reading));
    }

    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "The whole trail, or the records a query's filters select (actor, action, subject, "
            + "employee, run, time range), as CSV or JSON, oldest first, streamed")
    public Response export(@QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("subject") String subject, @QueryParam("employee") String employee,
                           @QueryParam("run") Long run, @QueryParam("from") String from, @QueryParam("to") String to) {
        Filter filter = filter(actor, action, subject, from, to, employee, run, null);
        boolean json = "json".equals(format);
        if (!json && !"csv".equals(format)) {
            throw Problem.badRequest("format must be csv or json, not \"" + format + "\"");
        }
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            JsonGenerator generator = json ? Json.createGenerator(writer) : null;
            if (json) {
                generator.writeStartArray();
            } else {
                writer.write("id,at,actor,action,subject,detail,prev_hash,hash\r\n");
            }
            long after = 0;
            while (true) {
                List<AuditRecordEntity> page = query(filter, "and a.id > " + after + " order by a.id")
                        .setMaxResults(EXPORT_PAGE).getResultList();
                for (AuditRecordEntity r : page) {
                    if (json) {
                        generator.writeStartObject().write("id", r.getId()).write("at", r.getAt().toString())
                                .write("actor", r.getActor()).write("action", r.getAction())
                                .write("subject", r.getSubject()).write("detail", r.getDetail())
                                .write("prevHash", r.getPrevHash()).write("hash", r.getHash()).writeEnd();
                    } else {
                        writer.write(r.getId() + "," + r.getAt() + "," + csv(r.getActor()) + "," + csv(r.getAction())
                                + "," + csv(r.getSubject()) + "," + csv(r.getDetail()) + "," + r.getPrevHash() + ","
                                + r.getHash() + "\r\n");
                    }
                    after = r.getId();
                }
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
                em.clear();
            }
            if (json) {
                generator.writeEnd();
                generator.flush();
            }
            writer.flush();
        };
        return Response.ok(body, json ? MediaType.APPLICATION_JSON : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"roster-audit." + (json ? "json" : "csv") + "\"")
                .build();
    }

    private TypedQuery<AuditRecordEntity> query(Filter filter, String tail) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        add(where, parameters, "a.actor = :actor", "actor", filter.actor());
        add(where, parameters, "a.action = :action", "action", filter.action());
        add(where, parameters, "a.subject = :subject", "subject", filter.subject());
        add(where, parameters, "a.at >= :from", "from", filter.from());
        add(where, parameters, "a.at < :to", "to", filter.to());
        add(where, parameters, "a.id < :before", "before", filter.before());
        String jpql = "select a from AuditRecordEntity a where 1 = 1" + (where.isEmpty() ? "" : " and "
                + String.join(" and ", where)) + " " + tail;
        TypedQuery<AuditRecordEntity> query = em.createQuery(jpql, AuditRecordEntity.class);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static void add(List<String> where, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            parameters.put(name, value);
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be an ISO-8601 instant such as 2026-11-25T12:00:00Z, not \""
                    + value + "\"");
        }
    }

    /** RFC 4180 quoting, and a leading apostrophe so a spreadsheet never runs a cell as a formula. */
    public static String csv(String value) {
        String cell = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
