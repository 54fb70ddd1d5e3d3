package org.roster.records;

import java.util.List;
import java.util.Optional;

/**
 * The values kept sealed under the secrets key, as a key rotation reads and re-seals them: each
 * holder's values by their owner's id. Each method joins the caller's transaction.
 *
 * <pre>{@code
 * for (String id : sealed.notSealedUnder(SealedValues.Holder.SOURCE_SECRETS, "2026-12")) {
 *     sealed.lock(SealedValues.Holder.SOURCE_SECRETS, id)
 *             .ifPresent(old -> sealed.replace(SealedValues.Holder.SOURCE_SECRETS, id, old, resealed(old)));
 * }
 * }</pre>
 */
public interface SealedValues {

    /** What holds sealed values. */
    enum Holder {
        /** Sources' secrets, by source id. */
        SOURCE_SECRETS,
        /** Telegram session keys, by employee id. */
        TELEGRAM_SESSIONS,
        /** The lookup digests' keys, by purpose. */
        DIGEST_KEYS
    }

    /** The ids whose value is sealed under another key than {@code keyId}, in order. */
    List<String> notSealedUnder(Holder holder, String keyId);

    /** The value of this id, locked until the transaction ends; empty when there is none. */
    Optional<String> lock(Holder holder, String id);

    /**
     * Replaces the value of this id with {@code resealed} if it still is {@code old}.
     *
     * @return whether it was replaced
     */
    boolean replace(Holder holder, String id, String old, String resealed);
}
