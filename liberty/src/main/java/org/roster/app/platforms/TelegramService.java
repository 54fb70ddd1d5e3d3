package org.roster.app.platforms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.keys.DigestKeys;
import org.roster.app.keys.SecretKeys;
import org.roster.audit.AuditEvent;
import org.roster.platform.telegram.Pacer;
import org.roster.platform.telegram.SessionKey;
import org.roster.platform.telegram.TdClient;
import org.roster.platform.telegram.TdException;
import org.roster.platform.telegram.TelegramAccount;
import org.roster.platform.telegram.TelegramContactPlatform;
import org.roster.platform.telegram.TelegramLedger;
import org.roster.policy.PersonField;
import org.roster.records.EmployeeRecords;
import org.roster.records.TelegramAccounts;
import org.roster.records.TelegramLedgers;

/**
 * Employees' Telegram accounts on this server: linking (the phone number from the directory, the
 * login code, the two-step password), their sessions (one TDLib session directory each, under
 * {@code roster.telegram.sessions}, encrypted with a key kept sealed in the database), unlinking,
 * and the delivery platform that imports colleagues into linked accounts.
 *
 * <p>TDLib is the operator's: {@code roster.telegram.tdjson} is the path of {@code libtdjson},
 * loaded through JNA ({@link TelegramLibrary}).
 *
 * <pre>{@code
 * TelegramAccount.Status status = telegram.start("p000101");   // a login code is on its way
 * status = telegram.code("p000101", "12345");                  // READY: linked
 * }</pre>
 */
@ApplicationScoped
public class TelegramService {

    private static final Logger LOG = Logger.getLogger(TelegramService.class.getName());

    @Inject
    TelegramAccounts accounts;

    @Inject
    EmployeeRecords employees;

    @Inject
    TelegramLedgers ledgers;

    @Inject
    TransactionalWork tx;

    @Inject
    SecretKeys keys;

    @Inject
    DigestKeys digestKeys;

    @Inject
    AuditTrail trail;

    @Inject
    TelegramLibrary library;

    @Inject @ConfigProperty(name = "roster.telegram.api-id")
    Optional<Integer> apiId;

    @Inject @ConfigProperty(name = "roster.telegram.api-hash")
    Optional<String> apiHash;

    @Inject @ConfigProperty(name = "roster.telegram.sessions", defaultValue = "telegram")
    String sessions;

    @Inject @ConfigProperty(name = "roster.telegram.import-batch", defaultValue = "100")
    int importBatch;

    @Inject @ConfigProperty(name = "roster.telegram.min-interval", defaultValue = "PT2S")
    String minInterval;

    @Inject @ConfigProperty(name = "roster.telegram.max-wait", defaultValue = "PT1M")
    String maxWait;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, TelegramAccount> open = new ConcurrentHashMap<>();
    private TelegramContactPlatform platform;

    /** Whether this server can link Telegram accounts (TDLib and the app's credentials are configured). */
    public boolean available() {
        return library.configured();
    }

    /**
     * Loads TDLib now, so that a missing library or missing credentials show when the server
     * starts rather than at the first delivery.
     */
    public void open() {
        library.load();
        apiId.filter(i -> i > 0).orElseThrow(() -> new IllegalStateException(
                "Telegram delivery is on but roster.telegram.api-id is not set"));
        apiHash.filter(h -> !h.isBlank()).orElseThrow(() -> new IllegalStateException(
                "Telegram delivery is on but roster.telegram.api-hash is not set"));
    }

    /** The ledger of what Roster did in each account; own contacts' numbers only as keyed digests. */
    public TelegramLedger ledger() {
        return ledgers.digestingWith(digestKeys.numberDigest());
    }

    /** The delivery platform: colleagues imported into linked accounts, recorded as not linked elsewhere. */
    public synchronized TelegramContactPlatform platform() {
        if (platform == null) {
            platform = new TelegramContactPlatform(this::ready, ledger(), clock, Pacer.blocking(),
                    new TelegramContactPlatform.Settings(importBatch,
                            RosterSettings.duration("roster.telegram.min-interval", minInterval),
                            RosterSettings.duration("roster.telegram.max-wait", maxWait)));
        }
        return platform;
    }

    /** Where an employee's linking stands. */
    public record Link(boolean available, String status, String description, String passwordHint,
                       Instant linkedAt) {
    }

    /** Where the employee's linking stands, opening their session if it is linked but not open here. */
    public Link status(String employeeId) {
        if (!available()) {
            return new Link(false, "UNAVAILABLE", "Telegram is not set up on this server; subscribe your phone's "
                    + "address book instead", null, null);
        }
        TelegramAccounts.Account row = tx.inTransaction(() -> accounts.account(employeeId)).orElse(null);
        if (row == null) {
            return new Link(true, "NOT_LINKED", "not linked: link your Telegram account to receive your colleagues "
                    + "there", null, null);
        }
        TelegramAccount account = open.get(employeeId);
        if (account == null || UNLINKING.equals(row.status())) {
            return new Link(true, row.status(), describe(row.status()), null, row.linkedAt());
        }
        return new Link(true, account.status().name(), account.status().describe(),
                account.passwordHint().orElse(null), row.linkedAt());
    }

    /**
     * Starts linking: opens a session for the employee and gives Telegram the mobile number the
     * directory holds for them; only that number can be linked.
     *
     * @throws IllegalStateException when Telegram is not set up or the directory has no mobile for them
     */
    public synchronized Link start(String employeeId) throws TdException {
        String mobile = tx.inTransaction(() -> employees.employee(employeeId))
                .flatMap(employee -> employee.asRead().value(PersonField.MOBILE)).orElse(null);
        if (mobile == null) {
            throw new IllegalStateException("The directory holds no mobile number for you, and only your own number "
                    + "from the directory can be linked: ask IT to add it.");
        }
        TelegramAccounts.Account row = tx.inTransaction(() -> accounts.account(employeeId)).orElse(null);
        if (row != null && UNLINKING.equals(row.status())) {
            throw new IllegalStateException("Your Telegram account is being unlinked: Roster removes the colleagues it "
                    + "added, then signs out. Link again once that is done.");
        }
        TelegramAccount account = open(employeeId, true);
        if (account.status() == TelegramAccount.Status.WAITING_FOR_PHONE_NUMBER) {
            account.submitPhoneNumber(mobile);
        }
        return remember(employeeId, account);
    }

    /** The login code Telegram sent. */
    public synchronized Link code(String employeeId, String code) throws TdException {
        TelegramAccount account = linking(employeeId);
        account.submitCode(code == null ? "" : code);
        return remember(employeeId, account);
    }

    /** The account's two-step verification password. */
    public synchronized Link password(String employeeId, char[] password) throws TdException {
        TelegramAccount account = linking(employeeId);
        try {
            account.submitPassword(password);
        } finally {
            Arrays.fill(password, '\0');
        }
        return remember(employeeId, account);
    }

    /** Stored as the account's status while Roster removes its colleagues before signing it out. */
    static final String UNLINKING = "UNLINKING";

    /**
     * Unlinks: with {@code removeColleagues}, Roster first removes from the account every colleague
     * it imported there (the employee's own contacts stay), then forgets the account (what Roster
     * did in it, and the key of its session) together with the audit record, and signs out of
     * Telegram and deletes the session directory. Without, the colleagues stay in Telegram's copy of
     * the account. Should Telegram ask Roster to wait while it removes them, the account stays
     * {@code UNLINKING} and the next run finishes it; a crash on the way leaves it so too.
     *
     * @return true once unlinked; false while colleagues are still to be removed
     */
    public synchronized boolean unlink(String employeeId, boolean removeColleagues) throws TdException {
        TelegramAccounts.Account row = tx.inTransaction(() -> accounts.account(employeeId)).orElse(null);
        if (row == null) {
            throw new IllegalArgumentException("No Telegram account is linked.");
        }
        if (!removeColleagues) {
            long imported = importedInto(employeeId);
            return forgetAndSignOut(employeeId, open(employeeId, false), employeeId, "unlinked the Telegram account "
                    + "and kept the " + imported + " colleagues Roster had added there; Roster signs its session out "
                    + "and deletes it");
        }
        Instant since = clock.instant();
        beginUnlinking(employeeId, employeeId, "unlinking the Telegram account");
        return finishUnlinking(employeeId, employeeId, "unlinked the Telegram account", since);
    }

    /**
     * Employees who left the directory or opted out (and so receive nothing any more) lose, with
     * their link, every colleague Roster imported into their account; so do accounts left
     * {@code UNLINKING} by an unlinking Telegram made wait or a crash. Called at the end of a
     * complete run, after its removals were delivered.
     */
    public void withdrawFromDeparted(long runId) {
        // what the run removed for a leaver just before counts as removed by their leaving
        Instant since = tx.inTransaction(() -> accounts.runStartedAt(runId));
        List<TelegramAccounts.Departed> found = tx.inTransaction(() -> accounts.departed(UNLINKING));
        for (TelegramAccounts.Departed account : found) {
            String employeeId = account.employeeId();
            boolean asked = account.unlinking();
            String why = asked ? "run " + runId + " finished unlinking the Telegram account"
                    : account.leftDirectory()
                    ? "the employee left the directory (run " + runId + "): their Telegram account is unlinked"
                    : "the employee opted out (run " + runId + "): their Telegram account is unlinked";
            try {
                synchronized (this) {
                    if (!asked) {
                        beginUnlinking(employeeId, AuditEvent.SYSTEM, why.replace("is unlinked", "is being unlinked"));
                    }
                    finishUnlinking(employeeId, AuditEvent.SYSTEM, why, since);
                }
            } catch (TdException | RuntimeException e) {
                LOG.warning(() -> "Run " + runId + ": the Telegram account of employee " + employeeId + " is not "
                        + "unlinked yet, the next run tries again: " + e.getMessage());
            }
        }
    }

    /**
     * Records, before anything is removed, that the account is being unlinked: from here on nothing
     * is delivered to it, and a crash leaves the intent for the next run to carry out.
     */
    private void beginUnlinking(String employeeId, String actor, String why) {
        long imported = importedInto(employeeId);
        tx.inTransaction(() -> {
            accounts.status(employeeId, UNLINKING, clock.instant());
            trail.record(actor, "telegram.unlinking", "employee:" + employeeId, why + "; Roster removes the "
                    + imported + " colleagues it added there and has not removed yet, then signs the session out");
        });
    }

    /**
     * Removes what Roster imported (from a session that is still signed in), then forgets the
     * account and signs it out. What Telegram makes wait keeps the account {@code UNLINKING}.
     */
    private boolean finishUnlinking(String employeeId, String actor, String why, Instant since) throws TdException {
        // opened while its key is still known: signing out comes after the key is deleted
        TelegramAccount account = open(employeeId, false);
        String counts;
        if (account.status().ready()) {
            TelegramContactPlatform.Withdrawal withdrawn = platform().withdraw(employeeId, account.client(), since);
            if (!withdrawn.complete()) {
                tx.inTransaction(() -> trail.record(AuditEvent.SYSTEM, "telegram.withdrawing", "employee:" + employeeId,
                        "removed " + withdrawn.removed() + " colleagues Roster had added; " + withdrawn.waiting()
                                + " wait until Telegram lets Roster go on, at the next run"));
                return false;
            }
            counts = "removed the " + withdrawn.removed() + " colleagues Roster had added"
                    + (withdrawn.failed() > 0 ? " (Telegram refused to remove " + withdrawn.failed() + " more)" : "")
                    + "; left " + withdrawn.keptOwn() + " colleagues who are the employee's own contacts";
        } else {
            counts = "removed none of the " + importedInto(employeeId) + " colleagues Roster had added: the session "
                    + "was no longer signed in";
        }
        return forgetAndSignOut(employeeId, account, actor, why + "; " + counts + "; Roster signs its session out "
                + "and deletes it");
    }

    /**
     * Forgets the account (what Roster did in it, and the key of its session) together with the
     * audit record, then signs out and deletes the session. Should signing out fail after that, the
     * account is still unlinked and recorded so; its session stays with Telegram until the employee
     * ends it there, and Roster can no longer open it.
     */
    private boolean forgetAndSignOut(String employeeId, TelegramAccount account, String actor, String detail) {
        tx.inTransaction(() -> {
            accounts.forget(employeeId);
            trail.record(actor, "telegram.unlinked", "employee:" + employeeId, detail);
        });
        open.remove(employeeId);
        try {
            account.unlink();
        } catch (TdException | RuntimeException e) {
            LOG.warning(() -> "The Telegram account of employee " + employeeId + " is unlinked, but its session could "
                    + "not be signed out: " + e.getMessage());
        }
        return true;
    }

    /** How many contacts Roster imported into the account and has not removed. */
    private long importedInto(String employeeId) {
        return ledger().rostersUserIds(employeeId).size();
    }

    /** The client of the employee's account when it is linked and ready: the platform delivers to it. */
    Optional<TdClient> ready(String viewerId) {
        TelegramAccounts.Account row = tx.inTransaction(() -> accounts.account(viewerId)).orElse(null);
        if (row == null || !"READY".equals(row.status())) {
            return Optional.empty();
        }
        try {
            TelegramAccount account = open(viewerId, false);
            return account.status().ready() ? Optional.of(account.client()) : Optional.empty();
        } catch (TdException | RuntimeException e) {
            LOG.warning(() -> "The Telegram session of employee " + viewerId + " can't be opened: " + e.getMessage());
            return Optional.empty();
        }
    }

    private TelegramAccount linking(String employeeId) {
        TelegramAccount account = open.get(employeeId);
        if (account == null) {
            throw new IllegalStateException("Start linking first: no login is in progress.");
        }
        return account;
    }

    /** The employee's open session, opening it (with a new sealed key when {@code create}) if need be. */
    private synchronized TelegramAccount open(String employeeId, boolean create) throws TdException {
        TelegramAccount account = open.get(employeeId);
        if (account != null && account.status() != TelegramAccount.Status.CLOSED) {
            return account;
        }
        String context = "telegram_account:" + employeeId;
        TelegramAccounts.Account row = tx.inTransaction(() -> accounts.account(employeeId)).orElse(null);
        SessionKey key;
        if (row == null) {
            if (!create) {
                throw new IllegalStateException("No Telegram account is linked.");
            }
            key = SessionKey.generate();
            String sealed = keys.box().seal(key.bytes(), context);
            tx.inTransaction(() -> accounts.add(employeeId, sealed, clock.instant()));
        } else {
            key = SessionKey.of(keys.box().open(row.sealedSessionKey(), context));
        }
        int id = apiId.filter(i -> i > 0).orElseThrow(() -> new IllegalStateException(
                "Telegram is not set up on this server: roster.telegram.api-id is not set"));
        String hash = apiHash.filter(h -> !h.isBlank()).orElseThrow(() -> new IllegalStateException(
                "Telegram is not set up on this server: roster.telegram.api-hash is not set"));
        account = TelegramAccount.start(library.load(), employeeId, TelegramAccount.Parameters.of(id, hash,
                Path.of(sessions, directoryName(employeeId)), key), ledger());
        open.put(employeeId, account);
        return account;
    }

    /** Records where the linking stands; a newly ready account gets every colleague at the next run. */
    private Link remember(String employeeId, TelegramAccount account) {
        TelegramAccount.Status status = account.status();
        try {
            tx.inTransaction(() -> {
                boolean wasReady = "READY".equals(accounts.status(employeeId, status.name(), clock.instant()));
                if (status.ready() && !wasReady) {
                    // what was delivered before went nowhere (not linked): deliver everything again
                    accounts.forgetDeliveries(employeeId);
                    trail.record(employeeId, "telegram.linked", "employee:" + employeeId, "linked a Telegram account; "
                            + "colleagues are delivered to it from the next run");
                }
            });
        } catch (RuntimeException e) {
            if (!status.ready()) {
                throw e;
            }
            // Telegram signed the session in, but Roster could not record it: nothing may use an
            // account it has no record of, so the session is signed out again
            open.remove(employeeId);
            try {
                account.unlink();
            } catch (TdException | RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        return status(employeeId);
    }

    private static String describe(String status) {
        if (UNLINKING.equals(status)) {
            return "unlinking: Roster is removing the colleagues it added to your Telegram, then signs out; Telegram "
                    + "asked it to wait, so the next run finishes it";
        }
        try {
            return TelegramAccount.Status.valueOf(status).describe();
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    /** A session directory's name: a digest of the employee id, so ids with any characters fit. */
    private static String directoryName(String employeeId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(employeeId.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    synchronized void close() {
        open.values().forEach(account -> {
            try {
                account.close();
            } catch (TdException | RuntimeException e) {
                LOG.fine(() -> "a Telegram session did not close cleanly: " + e.getMessage());
            }
        });
        open.clear();
    }
}
