package org.roster.app.http;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.roster.policy.InvalidPolicyException;

/**
 * An error the API reports as {@code application/problem+json} (RFC 9457): a title, the status,
 * and a detail sentence naming what was wrong.
 *
 * <pre>{@code
 * throw Problem.notFound("employee p12 is not known");
 * }</pre>
 */
public final class Problem extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    /**
     * The JSON body.
     *
     * @param problems for a refused policy, every problem with its line and column (else absent)
     */
    public record Body(String type, String title, int status, String detail,
                       List<InvalidPolicyException.Problem> problems) {
        public Body(String type, String title, int status, String detail) {
            this(type, title, status, detail, null);
        }
    }

    private final Body body;

    private Problem(int status, String title, String detail) {
        super(detail, status);
        this.body = new Body("about:blank", title, status, detail);
    }

    private Problem(Body body) {
        super(body.detail(), body.status());
        this.body = body;
    }

    /** A policy that can't be accepted, with every problem and where it is. */
    public static Problem invalidPolicy(InvalidPolicyException e) {
        return new Problem(new Body("about:blank", "Invalid policy", 400, "The policy has " + e.problems().size()
                + " problem(s); the first: " + e.problems().get(0), e.problems()));
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad request", detail);
    }

    /** A request body over the size Roster accepts (see RequestBodyLimit). */
    public static Problem tooLarge(String detail) {
        return new Problem(413, "Content too large", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    public Body body() {
        return body;
    }

    static Response response(Body body) {
        return Response.status(body.status()).type(PROBLEM_JSON).entity(body).build();
    }
}
