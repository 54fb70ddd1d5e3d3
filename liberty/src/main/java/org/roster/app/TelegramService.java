package org.roster.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.platform.telegram.JnaTdJson;
import org.roster.platform.telegram.Pacer;
import org.roster.platform.telegram.SessionKey;
import org.roster.platform.telegram.TdClient;
import org.roster.platform.telegram.TdException;
import org.roster.platform.telegram.TdJson;
import org.roster.platform.telegram.TdLib;
import org.roster.platform.telegram.TdlibVersion;
import org.roster.platform.telegram.TelegramAccount;
import org.roster.platform.telegram.TelegramContactPlatform;
import org.roster.platform.telegram.TelegramLedger;
import org.roster.store.EmployeeEntity;
import org.roster.store.JpaTelegramLedger;
import org.roster.store.TelegramAccountEntity;

/**
 * Employees' Telegram accounts on this server: linking (the phone number from the directory, the
 * login code, the two-step password), their sessions (one TDLib session directory each, under
 * {@code roster.telegram.sessions}, encrypted with a key kept sealed in the database), unlinking,
 * and the delivery platform that imports colleagues into linked accounts.
 *
 * <p>TDLib is the operator's: {@code roster.telegram.tdjson} is the path of {@code libtdjson},
 * loaded through JNA. {@code class:} and a class name instead loads an implementation of
 * {@link TdJson} from the server's libraries, which is how the tests put the Telegram emulator in
 * TDLib's place.
 *
 * <pre>{@code
 * TelegramAccount.Status status = telegram.start("p000101");   // a login code is on its way
 * status = telegram.code("p000101", "12345");                  // READY: linked
 * }</pre>
 */
@ApplicationScoped
public class TelegramService {

    private static final Logger LOG = Logger.getLogger(TelegramService.class.getName());

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

    @Inject @ConfigProperty(name = "roster.telegram.tdjson")
    Optional<String> tdjson;

    @Inject @ConfigProperty(name = "roster.telegram.api-id")
    Optional<Integer> apiId;

    @Inject @ConfigProperty(name = "roster.telegram.api-hash")
    Optional<String> apiHash;

    @Inject @ConfigProperty(name = TdlibVersion.ALLOW_UNTESTED, defaultValue = "false")
    boolean allowUntestedVersion;

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
    private TdLib tdlib;
    private TelegramContactPlatform platform;

    /** Whether this server can link Telegram accounts (TDLib and the app's credentials are configured). */
    public boolean available() {
        return tdjson.filter(t -> !t.isBlank()).isPresent();
    }

    /**
     * Loads TDLib now, so that a missing library or missing credentials show when the server
     * starts rather than at the first delivery.
     */
    void open() {
        tdlib();
        apiId.filter(i -> i > 0).orElseThrow(() -> new IllegalStateException(
                "Telegram delivery is on but roster.telegram.api-id is not set"));
        apiHash.filter(h -> !h.isBlank()).orElseThrow(() -> new IllegalStateException(
                "Telegram delivery is on but roster.telegram.api-hash is not set"));
    }

    private synchronized TdLib tdlib() {
        if (tdlib == null) {
            String where = tdjson.filter(t -> !t.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "Telegram is not set up on this server: the operator sets roster.telegram.tdjson (the path of "
                    + "libtdjson), roster.telegram.api-id and roster.telegram.api-hash."));
            TdJson td;
            if (where.startsWith("class:")) {
                try {
                    td = (TdJson) Class.forName(where.substring(6).strip(), true,
                            Thread.currentThread().getContextClassLoader()).getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw new IllegalStateException("roster.telegram.tdjson names a class that is not a TdJson Roster "
                            + "can make: " + where, e);
                }
            } else {
                try {
                    td = JnaTdJson.load(Path.of(where));
                } catch (JnaTdJson.LibraryUnavailable e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            try {
                String version = TdlibVersion.tested().require(td, allowUntestedVersion);
                LOG.info("Telegram: TDLib " + version + " loaded (Roster is tested with " + TdlibVersion.TESTED + ")");
            } catch (TdlibVersion.UntestedVersion e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            tdlib = new TdLib(td);
        }
        return tdlib;
    }

    /** The ledger of what Roster did in each account; own contacts' numbers only as keyed digests. */
    public TelegramLedger ledger() {
        return new JpaTelegramLedger(em, tx, clock, digestKeys.numberDigest());
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
                       java.time.Instant linkedAt) {
    }

    /** Where the employee's linking stands, opening their session if it is linked but not open here. */
    public Link status(String employeeId) {
        if (!available()) {
            return new Link(false, "UNAVAILABLE", "Telegram is not set up on this server; subscribe your phone's "
                    + "address book instead", null, null);
        }
        TelegramAccountEntity row = tx.inTransaction(() -> em.find(TelegramAccountEntity.class, employeeId));
        if (row == null) {
            return new Link(true, "NOT_LINKED", "not linked: link your Telegram account to receive your colleagues "
                    + "there", null, null);
        }
        TelegramAccount account = open.get(employeeId);
        if (account == null) {
            return new Link(true, row.getStatus(), describe(row.getStatus()), null, row.getLinkedAt());
        }
        return new Link(true, account.status().name(), account.status().describe(),
                account.passwordHint().orElse(null), row.getLinkedAt());
    }

    /**
     * Starts linking: opens a session for the employee and gives Telegram the mobile number the
     * directory holds for them; only that number can be linked.
     *
     * @throws IllegalStateException when Telegram is not set up or the directory has no mobile for them
     */
    public synchronized Link start(String employeeId) throws TdException {
        EmployeeEntity employee = tx.inTransaction(() -> em.find(EmployeeEntity.class, employeeId));
        String mobile = employee == null ? null : employee.toEmployee().value(org.roster.policy.PersonField.MOBILE)
                .orElse(null);
        if (mobile == null) {
            throw new IllegalStateException("The directory holds no mobile number for you, and only your own number "
                    + "from the directory can be linked: ask IT to add it.");
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
            java.util.Arrays.fill(password, '\0');
        }
        return remember(employeeId, account);
    }

    /**
     * Unlinks: forgets the account (what Roster did in it, and the key of its session) together
     * with the audit record, then signs out of Telegram and deletes the session directory. The
     * contacts Roster imported stay in Telegram's copy of the account. Should signing out fail
     * after that, the account is still unlinked and recorded so; its session stays with Telegram
     * until the employee ends it there, and Roster can no longer open it.
     */
    public synchronized void unlink(String employeeId) throws TdException {
        TelegramAccountEntity row = tx.inTransaction(() -> em.find(TelegramAccountEntity.class, employeeId));
        if (row == null) {
            throw new IllegalArgumentException("No Telegram account is linked.");
        }
        // opened while its key is still known: signing out comes after the key is deleted
        TelegramAccount account = open(employeeId, false);
        tx.inTransaction(() -> {
            em.createQuery("delete from TelegramContactEntity c where c.viewerId = :id").setParameter("id", employeeId)
                    .executeUpdate();
            em.createQuery("delete from TelegramKeyEntity k where k.viewerId = :id").setParameter("id", employeeId)
                    .executeUpdate();
            em.remove(em.find(TelegramAccountEntity.class, employeeId));
            trail.record(employeeId, "telegram.unlinked", "employee:" + employeeId, "unlinked the Telegram account; "
                    + "Roster signs its session out and deletes it");
        });
        open.remove(employeeId);
        try {
            account.unlink();
        } catch (TdException | RuntimeException e) {
            LOG.warning(() -> "The Telegram account of employee " + employeeId + " is unlinked, but its session could "
                    + "not be signed out: " + e.getMessage());
        }
    }

    /** The client of the employee's account when it is linked and ready: the platform delivers to it. */
    Optional<TdClient> ready(String viewerId) {
        TelegramAccountEntity row = tx.inTransaction(() -> em.find(TelegramAccountEntity.class, viewerId));
        if (row == null || !"READY".equals(row.getStatus())) {
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
        TelegramAccountEntity row = tx.inTransaction(() -> em.find(TelegramAccountEntity.class, employeeId));
        SessionKey key;
        if (row == null) {
            if (!create) {
                throw new IllegalStateException("No Telegram account is linked.");
            }
            key = SessionKey.generate();
            String sealed = keys.box().seal(key.bytes(), context);
            tx.inTransaction(() -> em.persist(new TelegramAccountEntity(employeeId, sealed, clock.instant())));
        } else {
            key = SessionKey.of(keys.box().open(row.getSessionKey(), context));
        }
        int id = apiId.filter(i -> i > 0).orElseThrow(() -> new IllegalStateException(
                "Telegram is not set up on this server: roster.telegram.api-id is not set"));
        String hash = apiHash.filter(h -> !h.isBlank()).orElseThrow(() -> new IllegalStateException(
                "Telegram is not set up on this server: roster.telegram.api-hash is not set"));
        account = TelegramAccount.start(tdlib(), employeeId, TelegramAccount.Parameters.of(id, hash,
                Path.of(sessions, directoryName(employeeId)), key), ledger());
        open.put(employeeId, account);
        return account;
    }

    /** Records where the linking stands; a newly ready account gets every colleague at the next run. */
    private Link remember(String employeeId, TelegramAccount account) {
        TelegramAccount.Status status = account.status();
        try {
            tx.inTransaction(() -> {
                TelegramAccountEntity row = em.find(TelegramAccountEntity.class, employeeId);
                boolean wasReady = "READY".equals(row.getStatus());
                row.status(status.name(), clock.instant());
                if (status.ready() && !wasReady) {
                    // what was delivered before went nowhere (not linked): deliver everything again
                    em.createQuery("delete from DeliveredContactEntity d where d.viewerId = :id")
                            .setParameter("id", employeeId).executeUpdate();
                    em.createQuery("delete from ViewerDigestEntity v where v.viewerId = :id")
                            .setParameter("id", employeeId).executeUpdate();
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
