package org.roster.app.platforms;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.TransactionalWork;
import org.roster.app.keys.DigestKeys;
import org.roster.records.AppPasswordRecords;
import org.roster.records.AppPasswordRecords.Stored;

/**
 * Employees' app passwords for their address book clients: random 120-bit tokens, shown once,
 * kept only as a keyed digest ({@link AppPasswordDigest}) by which one indexed query finds them,
 * revocable; making and revoking one commits with its audit record. A wrong guess costs a digest
 * and a query, so a flood of them can't exhaust the CPU; passwords made before digests keep their
 * PBKDF2 hash until their first successful use ({@link LegacyAppPasswordHash}).
 *
 * <pre>{@code
 * AppPasswords.Created made = passwords.create("p000100", "My phone"); // made.password() shown once
 * boolean ok = passwords.verify("p000100", made.password());
 * }</pre>
 */
@ApplicationScoped
public class AppPasswords {

    private static final int PER_EMPLOYEE = 10;
    /** A client asks several times per sync; when a password was last used need not be written each time. */
    private static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    @Inject
    AppPasswordRecords records;

    @Inject
    TransactionalWork tx;

    @Inject
    DigestKeys digestKeys;

    @Inject
    AuditTrail trail;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    /** A new password, and the only time it is seen. */
    public record Created(long id, String label, String password, Instant createdAt) {
        @Override
        public String toString() {
            return "Created[" + id + ", " + label + "]";
        }
    }

    /** A password as listed: never the password or its hash. */
    public record Listed(long id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    /**
     * Makes a password for the employee.
     *
     * @throws IllegalArgumentException when the label is empty or too long, or the employee has
     *                                  {@value #PER_EMPLOYEE} already
     */
    public Created create(String employeeId, String label) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 128) {
            throw new IllegalArgumentException("Name the device the password is for (1 to 128 characters), "
                    + "so you can revoke it later.");
        }
        String password = password();
        String lookup = digestKeys.appPasswordDigest().of(password);
        Stored saved = tx.inTransaction(() -> {
            long held = records.count(employeeId);
            if (held >= PER_EMPLOYEE) {
                throw new IllegalArgumentException("You have " + held + " app passwords; revoke one you no longer "
                        + "use first.");
            }
            Stored row = records.add(employeeId, name, lookup, clock.instant());
            trail.record(employeeId, "app-password.created", "employee:" + employeeId, "made the app password \""
                    + name + "\" (" + row.id() + ") for the address book");
            return row;
        });
        return new Created(saved.id(), saved.label(), password, saved.createdAt());
    }

    public List<Listed> list(String employeeId) {
        return tx.inTransaction(() -> records.of(employeeId).stream()
                .map(p -> new Listed(p.id(), p.label(), p.createdAt(), p.lastUsedAt())).toList());
    }

    /** Revokes one of the employee's passwords; false when they have none with that id. */
    public boolean revoke(String employeeId, long id) {
        boolean revoked = tx.inTransaction(() -> {
            boolean deleted = records.delete(employeeId, id);
            if (deleted) {
                trail.record(employeeId, "app-password.revoked", "employee:" + employeeId, "revoked the app password "
                        + id);
            }
            return deleted;
        });
        return revoked;
    }

    /**
     * Whether the password is one of the employee's; the one that matched is marked used. One
     * indexed query finds it by its digest, or the employee's rows from before digests, which are
     * checked the old way and, on success, get their digest.
     */
    public boolean verify(String employeeId, String password) {
        if (employeeId == null || password == null || password.isEmpty()) {
            return false;
        }
        String lookup = digestKeys.appPasswordDigest().of(password);
        List<Stored> candidates = tx.inTransaction(() -> records.candidates(employeeId, lookup));
        Optional<Stored> found = candidates.stream()
                .filter(p -> AppPasswordDigest.same(lookup, p.lookup())).findFirst();
        if (found.isPresent()) {
            noteUse(found.get(), null);
            return true;
        }
        char[] chars = password.toCharArray();
        try {
            for (Stored legacy : candidates) {
                if (legacy.lookup() == null && LegacyAppPasswordHash.matches(chars, legacy.hash())) {
                    noteUse(legacy, lookup);
                    return true;
                }
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
        return false;
    }

    /** Marks a password used (at most once a minute) and gives a row from before digests its digest. */
    private void noteUse(Stored matched, String upgradeTo) {
        Instant now = clock.instant();
        Instant last = matched.lastUsedAt();
        if (upgradeTo == null && last != null && last.plus(USE_NOTED_EVERY).isAfter(now)) {
            return;
        }
        tx.inTransaction(() -> records.used(matched.id(), now, upgradeTo));
    }

    private String password() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }
}
