package org.roster.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * An entry that could not be accepted, and why. Rejections are stored with the run and shown to
 * admins; an entry is never dropped without one.
 *
 * <pre>{@code
 * new Rejection("uid=p12,ou=people,dc=example,dc=org", Optional.of("p12"),
 *         "mobile \"12\" is not a valid number for region DE", "mobile is not a valid number for region DE");
 * }</pre>
 *
 * @param reference  where the entry lives in its source
 * @param employeeId the entry's id, when it had a usable one
 * @param reason     what was wrong, naming the attribute and quoting the offending value, for the
 *                   admin who fixes the directory
 * @param withheld   the same without any value from the entry, for the audit trail and logs
 */
public record Rejection(String reference, Optional<String> employeeId, String reason, String withheld) {

    public Rejection {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(withheld, "withheld");
    }

    /** A rejection whose reason quotes no value from the entry, so it is safe everywhere. */
    public Rejection(String reference, Optional<String> employeeId, String reason) {
        this(reference, employeeId, reason, reason);
    }
}
