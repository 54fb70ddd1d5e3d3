package org.roster.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * An entry that could not be accepted, and why. Rejections are stored with the run and shown to
 * admins; an entry is never dropped without one.
 *
 * <pre>{@code
 * new Rejection("uid=p12,ou=people,dc=example,dc=org", Optional.of("p12"),
 *         "mobile \"12\" is not a valid number for region DE");
 * }</pre>
 *
 * @param reference  where the entry lives in its source
 * @param employeeId the entry's id, when it had a usable one
 * @param reason     what was wrong, naming the attribute
 */
public record Rejection(String reference, Optional<String> employeeId, String reason) {

    public Rejection {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(reason, "reason");
    }
}
