package org.roster.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A port: the Telegram accounts employees linked, each with its session key sealed, and where the
 * linking stands. Each call joins the caller's unit of work.
 *
 * <pre>{@code
 * accounts.add("p000100", sealedKey, clock.instant());
 * String before = accounts.status("p000100", "READY", clock.instant());
 * }</pre>
 */
public interface TelegramAccounts {

    /** The employee's account, or empty when none is linked. */
    Optional<Account> account(String employeeId);

    /** Records a new account with its sealed session key. */
    void add(String employeeId, String sealedSessionKey, Instant at);

    /** Sets where the account's linking stands; returns the status it had before. */
    String status(String employeeId, String status, Instant at);

    /**
     * Forgets what was delivered to the viewer and the digest of it, so that the next run delivers
     * every contact again (to an account that received nothing while it was not linked).
     */
    void forgetDeliveries(String viewerId);

    /** Forgets the account: what Roster did in it, the keys of its contacts, and its session key. */
    void forget(String employeeId);

    /**
     * Accounts to unlink, by employee id: those left {@code unlinkingStatus}, those of employees who
     * left the directory (or are no longer in it) and those of employees who opted out.
     */
    List<Departed> departed(String unlinkingStatus);

    /** When a run started: what it removed for a leaver counts as removed by their leaving. */
    Instant runStartedAt(long runId);

    /** A linked account as stored; the session key only sealed. */
    record Account(String employeeId, String sealedSessionKey, String status, Instant linkedAt) {
        public Account {
            Objects.requireNonNull(employeeId, "employeeId");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String toString() {
            return "Account[" + employeeId + ", " + status + "]";
        }
    }

    /**
     * An account to unlink.
     *
     * @param unlinking     the account was left being unlinked
     * @param leftDirectory the employee left the directory or is no longer in it
     */
    record Departed(String employeeId, boolean unlinking, boolean leftDirectory) {
    }
}
