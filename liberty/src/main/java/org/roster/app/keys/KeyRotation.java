package org.roster.app.keys;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.TransactionalWork;
import org.roster.store.SecretBox;

/**
 * Re-seals every sealed value under the current secrets key (the first of
 * {@code roster.secrets.keys}): sources' secrets, Telegram session keys and the lookup digests' keys
 * ({@link DigestKeys}). Each value is re-sealed in a transaction of its own and only if it still
 * holds what was read, so a rotation stopped half-way leaves every value sealed under one of the
 * configured keys, and running it again finishes the job. When it reports nothing left under other
 * keys, they can be removed from the configuration.
 *
 * <pre>{@code
 * KeyRotation.Rotated done = rotation.rotate("admin"); // done.remaining() == 0: old keys may go
 * }</pre>
 */
@ApplicationScoped
public class KeyRotation {

    /** Where sealed values are kept: a table, its key and sealed columns, and the owner each is bound to. */
    private record Sealed(String table, String idColumn, String sealedColumn, Function<String, String> context) {
    }

    private static final Sealed SOURCES = new Sealed("directory_source", "id", "secrets",
            id -> "directory_source:" + id);
    private static final Sealed TELEGRAM_SESSIONS = new Sealed("telegram_account", "employee_id", "session_key",
            id -> "telegram_account:" + id);
    private static final Sealed DIGEST_KEYS = new Sealed("secret_digest_key", "purpose", "sealed",
            id -> "secret_digest_key:" + id);

    /**
     * What a rotation did: values re-sealed under {@code keyId}, per kind, and how many are still
     * sealed under another key (changed while being re-sealed; a second rotation takes them).
     */
    public record Rotated(String keyId, int sources, int telegramSessions, int digestKeys, long remaining) {
    }

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    TransactionalWork tx;

    @Inject
    SecretKeys keys;

    @Inject
    DigestKeys digestKeys;

    @Inject
    AuditTrail trail;

    /** Re-seals what is not yet under the current key, and records that in the audit trail. */
    public Rotated rotate(String actor) {
        SecretBox box = keys.box();
        // digest keys not yet stored are derived from the legacy key: store them while it is still here
        digestKeys.storeAll();
        int sources = reseal(SOURCES, box);
        int sessions = reseal(TELEGRAM_SESSIONS, box);
        int digests = reseal(DIGEST_KEYS, box);
        long remaining = notUnder(SOURCES, box).size() + notUnder(TELEGRAM_SESSIONS, box).size()
                + notUnder(DIGEST_KEYS, box).size();
        Rotated done = new Rotated(box.currentKeyId(), sources, sessions, digests, remaining);
        tx.inTransaction(() -> trail.record(actor, "keys.rotated", "secrets-key:" + done.keyId(), "re-sealed under "
                + "the secrets key " + done.keyId() + ": " + sources + " sources' secrets, " + sessions
                + " Telegram session keys, " + digests + " digest keys; " + remaining + " still under other keys"));
        return done;
    }

    private int reseal(Sealed kind, SecretBox box) {
        int resealed = 0;
        for (String id : notUnder(kind, box)) {
            if (resealOne(kind, box, id)) {
                resealed++;
            }
        }
        return resealed;
    }

    /** Re-seals one value, locked, unless it changed since it was listed. */
    private boolean resealOne(Sealed kind, SecretBox box, String id) {
        return tx.inTransaction(() -> {
            List<?> rows = em.createNativeQuery("select " + kind.sealedColumn() + " from " + kind.table() + " where "
                    + kind.idColumn() + " = ?1 for update").setParameter(1, id).getResultList();
            if (rows.isEmpty() || rows.get(0) == null || box.sealedUnderCurrentKey((String) rows.get(0))) {
                return false;
            }
            String old = (String) rows.get(0);
            String context = kind.context().apply(id);
            String resealed = box.seal(box.open(old, context), context);
            return em.createNativeQuery("update " + kind.table() + " set " + kind.sealedColumn() + " = ?1 where "
                    + kind.idColumn() + " = ?2 and " + kind.sealedColumn() + " = ?3").setParameter(1, resealed)
                    .setParameter(2, id).setParameter(3, old).executeUpdate() == 1;
        });
    }

    /** The ids of a kind's rows whose value is sealed under another key than the current one. */
    private List<String> notUnder(Sealed kind, SecretBox box) {
        String current = "v2:" + box.currentKeyId() + ":%";
        return tx.inTransaction(() -> em.createNativeQuery("select " + kind.idColumn() + " from " + kind.table()
                        + " where " + kind.sealedColumn() + " is not null and " + kind.sealedColumn() + " not like ?1 "
                        + "order by " + kind.idColumn()).setParameter(1, current).getResultList().stream()
                .map(String.class::cast).toList());
    }
}
