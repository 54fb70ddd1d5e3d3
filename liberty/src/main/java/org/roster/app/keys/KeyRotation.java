package org.roster.app.keys;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.TransactionalWork;
import org.roster.records.SealedValues;
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

    /** Each holder of sealed values, and the owner each of its values is bound to. */
    private static final Map<SealedValues.Holder, Function<String, String>> CONTEXTS = Map.of(
            SealedValues.Holder.SOURCE_SECRETS, id -> "directory_source:" + id,
            SealedValues.Holder.TELEGRAM_SESSIONS, id -> "telegram_account:" + id,
            SealedValues.Holder.DIGEST_KEYS, id -> "secret_digest_key:" + id);

    /**
     * What a rotation did: values re-sealed under {@code keyId}, per kind, and how many are still
     * sealed under another key (changed while being re-sealed; a second rotation takes them).
     */
    public record Rotated(String keyId, int sources, int telegramSessions, int digestKeys, long remaining) {
    }

    @Inject
    SealedValues sealed;

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
        int sources = reseal(SealedValues.Holder.SOURCE_SECRETS, box);
        int sessions = reseal(SealedValues.Holder.TELEGRAM_SESSIONS, box);
        int digests = reseal(SealedValues.Holder.DIGEST_KEYS, box);
        long remaining = notUnder(SealedValues.Holder.SOURCE_SECRETS, box).size() + notUnder(SealedValues.Holder.TELEGRAM_SESSIONS, box).size()
                + notUnder(SealedValues.Holder.DIGEST_KEYS, box).size();
        Rotated done = new Rotated(box.currentKeyId(), sources, sessions, digests, remaining);
        tx.inTransaction(() -> trail.record(actor, "keys.rotated", "secrets-key:" + done.keyId(), "re-sealed under "
                + "the secrets key " + done.keyId() + ": " + sources + " sources' secrets, " + sessions
                + " Telegram session keys, " + digests + " digest keys; " + remaining + " still under other keys"));
        return done;
    }

    private int reseal(SealedValues.Holder holder, SecretBox box) {
        int resealed = 0;
        for (String id : notUnder(holder, box)) {
            if (resealOne(holder, box, id)) {
                resealed++;
            }
        }
        return resealed;
    }

    /** Re-seals one value, locked, unless it changed since it was listed. */
    private boolean resealOne(SealedValues.Holder holder, SecretBox box, String id) {
        return tx.inTransaction(() -> {
            Optional<String> old = sealed.lock(holder, id);
            if (old.isEmpty() || box.sealedUnderCurrentKey(old.get())) {
                return false;
            }
            String context = CONTEXTS.get(holder).apply(id);
            String resealed = box.seal(box.open(old.get(), context), context);
            return sealed.replace(holder, id, old.get(), resealed);
        });
    }

    /** The ids of a holder's values sealed under another key than the current one. */
    private List<String> notUnder(SealedValues.Holder holder, SecretBox box) {
        return tx.inTransaction(() -> sealed.notSealedUnder(holder, box.currentKeyId()));
    }
}
