package org.roster.app.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
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
import org.roster.app.security.Roles;
import org.roster.audit.AnchorReading;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.records.AuditQuery;
import org.roster.records.AuditRecord;
import org.roster.records.AuditRecords;

/** The audit trail: query it, export it, verify its hash chain, its seals and its anchored end. */
@Path("audit")
@RequestScoped
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int EXPORT_PAGE = 1000;

    @Inject
    AuditRecords records;

    @Inject
    AuditTrail trail;

    /** One record as the API shows it. */
    public record AuditView(long id, Instant at, String actor, String action, String subject, String detail,
                            String hash) {
        public static AuditView of(AuditRecord r) {
            AuditEvent e = r.event();
            return new AuditView(r.id(), e.at(), e.actor(), e.action(), e.subject(), e.detail(), r.hash());
        }
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
        AuditQuery filter = filter(actor, action, subject, from, to, employee, run, before);
        return records.newestFirst(filter, limit).stream().map(AuditView::of).toList();
    }

    /** Query filters; each is optional. {@code before} pages back: only records with a lower id. */
    private static AuditQuery filter(String actor, String action, String subject, String from, String to,
                                 String employee, Long run, Long before) {
        String subjectFilter = employee != null ? "employee:" + employee : run != null ? "run:" + run : subject;
        return new AuditQuery(blankAsNull(actor), blankAsNull(action), blankAsNull(subjectFilter), instant("from", from),
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
        AuditLog.Verification chain = trail.log().verify();
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
        AuditQuery filter = filter(actor, action, subject, from, to, employee, run, null);
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
            try {
                records.forEachOldestFirst(filter, EXPORT_PAGE, r -> {
                    if (json) {
                        writeJson(generator, r);
                    } else {
                        writeCsv(writer, r);
                    }
                });
            } catch (UncheckedIOException e) {
                // the writer's own failure, which the consumer of records could only carry unchecked
                throw e.getCause();
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

    private static void writeJson(JsonGenerator generator, AuditRecord r) {
        AuditEvent e = r.event();
        generator.writeStartObject().write("id", r.id()).write("at", e.at().toString())
                .write("actor", e.actor()).write("action", e.action())
                .write("subject", e.subject()).write("detail", e.detail())
                .write("prevHash", r.prevHash()).write("hash", r.hash()).writeEnd();
    }

    private static void writeCsv(BufferedWriter writer, AuditRecord r) {
        AuditEvent e = r.event();
        try {
            writer.write(r.id() + "," + e.at() + "," + csv(e.actor()) + "," + csv(e.action())
                    + "," + csv(e.subject()) + "," + csv(e.detail()) + "," + r.prevHash() + ","
                    + r.hash() + "\r\n");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
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
