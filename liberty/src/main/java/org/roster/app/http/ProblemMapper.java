package org.roster.app.http;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.roster.app.audit.AuditTrail;

/**
 * Every error leaves the API as {@code application/problem+json}. Unexpected failures say only that
 * something failed and when to look in the server log; no stack trace or personal data leaves.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof Problem problem) {
            return Problem.response(problem.body());
        }
        // a body over its limit fails whichever reader was reading it, wrapped as that reader wraps errors
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CappedBody.TooLarge tooLarge) {
                return Problem.response(Problem.tooLarge(tooLarge.detail()).body());
            }
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Error " + status : type.getReasonPhrase();
            String detail = switch (status) {
                case 404 -> "There is nothing at this address.";
                case 405 -> "This address does not accept that method.";
                case 415 -> "The request body must be application/json.";
                case 400 -> "The request could not be read: " + safe(web.getMessage());
                default -> title;
            };
            return Problem.response(new Problem.Body("about:blank", title, status, detail));
        }
        long reference = System.nanoTime();
        if (notRecorded(failure)) {
            LOG.log(Level.SEVERE, "The audit trail refused a record; the action was not made (reference " + reference
                    + ")", failure);
            return Problem.response(new Problem.Body("about:blank", "Not recorded", 503, "Nothing was changed: the "
                    + "audit trail could not record this action, and Roster makes no change it can't record. The "
                    + "server log has the details under reference " + reference + "."));
        }
        LOG.log(Level.SEVERE, "Request failed (reference " + reference + ")", failure);
        return Problem.response(new Problem.Body("about:blank", "Internal error", 500,
                "The server could not complete the request; the server log has the details under reference "
                        + reference + "."));
    }

    private static boolean notRecorded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuditTrail.NotRecorded) {
                return true;
            }
        }
        return false;
    }

    private static String safe(String message) {
        return message == null ? "malformed request" : message.lines().findFirst().orElse("malformed request");
    }
}
