package org.roster.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.store.AppPasswordEntity;

/**
 * Employees' app passwords for their address book clients: made at random, shown once, kept only
 * as a salted PBKDF2-HMAC-SHA256 hash, revocable; making and revoking one commits with its audit
 * record. A client asks several times per sync, so a
 * successful check is remembered for a few minutes (by a SHA-256 of the password, in memory);
 * revoking forgets it at once.
 *
 * <pre>{@code
 * AppPasswords.Created made = passwords.create("p000100", "My phone"); // made.password() shown once
 * boolean ok = passwords.verify("p000100", made.password());
 * }</pre>
 */
@ApplicationScoped
public class AppPasswords {

    private static final int ITERATIONS = 210_000;
    private static final int SALT = 16;
    private static final int KEY_BITS = 256;
    private static final int PER_EMPLOYEE = 10;
    private static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    TransactionalWork tx;

    @Inject
    AuditTrail trail;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> remembered = new ConcurrentHashMap<>();

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
        String hash = hash(password.toCharArray(), salt(), ITERATIONS);
        AppPasswordEntity saved = tx.inTransaction(() -> {
            long held = em.createQuery("select count(p) from AppPasswordEntity p where p.employeeId = :id", Long.class)
                    .setParameter("id", employeeId).getSingleResult();
            if (held >= PER_EMPLOYEE) {
                throw new IllegalArgumentException("You have " + held + " app passwords; revoke one you no longer "
                        + "use first.");
            }
            AppPasswordEntity row = new AppPasswordEntity(employeeId, name, hash, clock.instant());
            em.persist(row);
            em.flush();
            trail.record(employeeId, "app-password.created", "employee:" + employeeId, "made the app password \""
                    + name + "\" (" + row.getId() + ") for the address book");
            return row;
        });
        return new Created(saved.getId(), saved.getLabel(), password, saved.getCreatedAt());
    }

    public List<Listed> list(String employeeId) {
        return tx.inTransaction(() -> em.createQuery("select p from AppPasswordEntity p where p.employeeId = :id "
                        + "order by p.id", AppPasswordEntity.class).setParameter("id", employeeId).getResultList()
                .stream().map(p -> new Listed(p.getId(), p.getLabel(), p.getCreatedAt(), p.getLastUsedAt())).toList());
    }

    /** Revokes one of the employee's passwords; false when they have none with that id. */
    public boolean revoke(String employeeId, long id) {
        boolean revoked = tx.inTransaction(() -> {
            boolean deleted = em.createQuery("delete from AppPasswordEntity p where p.id = :id and p.employeeId = "
                    + ":employee").setParameter("id", id).setParameter("employee", employeeId).executeUpdate() > 0;
            if (deleted) {
                trail.record(employeeId, "app-password.revoked", "employee:" + employeeId, "revoked the app password "
                        + id);
            }
            return deleted;
        });
        remembered.keySet().removeIf(key -> key.startsWith(employeeId + "\u0000"));
        return revoked;
    }

    /** Whether the password is one of the employee's; the one that matched is marked used. */
    public boolean verify(String employeeId, String password) {
        if (employeeId == null || password == null || password.isEmpty()) {
            return false;
        }
        String key = employeeId + "\u0000" + sha256(password);
        Instant until = remembered.get(key);
        if (until != null && until.isAfter(clock.instant())) {
            return true;
        }
        List<AppPasswordEntity> held = tx.inTransaction(() -> em.createQuery("select p from AppPasswordEntity p "
                + "where p.employeeId = :id", AppPasswordEntity.class).setParameter("id", employeeId).getResultList());
        for (AppPasswordEntity candidate : held) {
            if (matches(password.toCharArray(), candidate.getHash())) {
                tx.inTransaction(() -> {
                    AppPasswordEntity row = em.find(AppPasswordEntity.class, candidate.getId());
                    if (row != null) {
                        row.used(clock.instant());
                    }
                });
                remembered.put(key, clock.instant().plus(REMEMBERED));
                return true;
            }
        }
        return false;
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

    private byte[] salt() {
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        return salt;
    }

    private static String hash(char[] password, byte[] salt, int iterations) {
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    private static boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
