package org.roster.records;

import java.util.Optional;

/**
 * The keys of the lookup digests, kept sealed under the secrets key, one per purpose. Every server
 * derives the same key for a purpose, so the first one kept is the one all use. Each method joins
 * the caller's transaction.
 *
 * <pre>{@code
 * digestKeys.keepFirst("app-password-lookup", sealed);
 * String key = digestKeys.sealed("app-password-lookup").orElseThrow();
 * }</pre>
 */
public interface SealedDigestKeys {

    /** The sealed key of a purpose, if one is kept. */
    Optional<String> sealed(String purpose);

    /** Keeps this sealed key for the purpose unless one is kept already (which then stays). */
    void keepFirst(String purpose, String sealed);
}
