package org.roster.platform.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.roster.platform.telegram.TelegramLedger.Entry;
import org.roster.platform.telegram.TelegramLedger.Intent;
import org.roster.platform.telegram.TelegramLedger.State;
import org.roster.sync.ContactChange;
import org.roster.sync.ContactPlatform;
import org.roster.sync.PlannedChange;
import org.roster.sync.RunLines;

/**
 * Delivery into employees' own Telegram contact lists through TDLib: an added or updated colleague
 * is imported by phone number ({@code importContacts}, in batches), a removed one is removed by the
 * Telegram user id Roster imported ({@code removeContacts}). Each change's outcome and key go into
 * the {@link TelegramLedger}, so a batch delivered again after a crash changes nothing twice.
 *
 * <p>What it never does: import a number the employee already has as their own contact (that would
 * rename it; the contact is recorded {@code KEPT_OWN}), remove a contact it did not import, send any
 * field but the number and the names the card released, or send anything to an account that is not
 * linked and ready (those changes are recorded {@code NOT_LINKED}). The employee's own contacts are
 * read again before each delivery to the account: a contact there that Roster did not import (by
 * user id, or by a number it sent) is the employee's, whenever they added it.
 *
 * <p><b>Crash safety.</b> What an import is about to send is written to the ledger first (as waiting
 * for Telegram's answer), so a contact Telegram created before a crash let Roster record the answer
 * is still known as Roster's, not taken for one of the employee's own. A removal needs no such
 * step: removing a user again removes nothing more.
 *
 * <p><b>Withdrawing.</b> {@link #withdraw} removes every contact the ledger says Roster imported
 * into an account, for an employee who leaves, opts out or unlinks; what Telegram asks to wait for is
 * left pending, and the caller signs the account out only once nothing is left.
 *
 * <p><b>Rate limits.</b> Requests to one account are at least {@link Settings#minimumInterval()}
 * apart. A "429 Too Many Requests: retry after N" is honoured exactly: nothing is sent to that
 * account until N seconds after the answer, which the ledger remembers across restarts. A wait up
 * to {@link Settings#maximumWait()} is waited out through the {@link Pacer}; a longer one leaves the
 * rest of the batch {@code PENDING_RETRY}, retried at the viewer's next delivery or by
 * {@link #retryPending()}, and the delivery returns instead of blocking; so does the third
 * retry-after within one delivery, however short.
 *
 * <p><b>Contacts Telegram asks to retry later.</b> MTProto's {@code contacts.importContacts} answers
 * with {@code contacts.importedContacts}, whose {@code retry_contacts} lists the {@code client_id}s
 * of contacts "that weren't imported successfully" and should be retried (core.telegram.org,
 * constructors {@code inputPhoneContact} and {@code contacts.importedContacts}); Telegram limits how
 * many numbers an account may import. TDLib does not pass {@code retry_contacts} to the application:
 * in {@code td/telegram/UserManager.cpp} (earlier {@code ContactsManager.cpp}),
 * {@code UserManager::on_imported_contacts} keeps the user ids of the contacts that were imported
 * and at once sends the retry contacts again, and {@code ImportContactsQuery::on_result} turns an
 * answer in which every contact sent is to be retried into the error
 * {@code 429 "Too Many Requests: retry after 3600"} for the whole {@code importContacts} request. So
 * the application sees either {@code importedContacts} with an id for every contact (0 for a number
 * not on Telegram), or that 429, although contacts of the batch may have been imported by an
 * earlier round; TDLib has then already sent their {@code updateUser} ({@code is_contact} true),
 * since it announces every user before an id of theirs can reach the application. This platform
 * therefore treats that 429 like any other (the account rests for the hour), records the contacts
 * of the batch whose {@code updateUser} arrived during the request as {@code IMPORTED} with that
 * user id, and the others as {@code PENDING_RETRY}, imported again on a later delivery (importing a
 * number the account already has edits that contact, so a retry never duplicates one).
 *
 * <p>A colleague not on Telegram stays {@code NOT_ON_TELEGRAM}; Telegram keeps the number and adds
 * the person to the account if they join. Removing such a colleague therefore looks for a contact
 * with their number among the account's contacts that are neither the employee's own nor another
 * of Roster's, and removes it if there is one.
 *
 * <pre>{@code
 * ContactPlatform platform = new TelegramContactPlatform(accounts, ledger, Clock.systemUTC(),
 *         Pacer.blocking(), TelegramContactPlatform.Settings.defaults());
 * platform.deliver("p1", List.of(new PlannedChange("run-7/change-350", new ContactChange.Add(card))));
 * }</pre>
 */
public final class TelegramContactPlatform implements ContactPlatform {

    private static final Logger LOG = Logger.getLogger(TelegramContactPlatform.class.getName());

    static final String RETRY_LATER = "Telegram asked to wait before more requests to this account";
    static final String NO_PHONE = "no phone number released";
    static final String NOT_LINKED = "no Telegram account is linked and ready";
    static final String OWN = "the employee's own contact: left as it was";
    static final String SENT = "sent to Telegram; waiting for its answer";
    /** After this many retry-afters in one delivery, the rest waits for a later one. */
    static final int WAITS_PER_DELIVERY = 3;

    /**
     * How delivery paces itself.
     *
     * @param importBatchSize how many contacts one {@code importContacts} (or {@code removeContacts}) carries
     * @param minimumInterval the least time between two requests to one account
     * @param maximumWait     the longest wait delivery blocks for; longer waits leave changes pending
     */
    public record Settings(int importBatchSize, Duration minimumInterval, Duration maximumWait) {
        public Settings {
            if (importBatchSize < 1) {
                throw new IllegalArgumentException(
                        "an import batch holds at least one contact, not " + importBatchSize);
            }
            if (minimumInterval.isNegative() || maximumWait.isNegative()) {
                throw new IllegalArgumentException("intervals and waits can't be negative");
            }
        }

        /** 100 contacts a batch, 2 s between requests, waits up to a minute. */
        public static Settings defaults() {
            return new Settings(100, Duration.ofSeconds(2), Duration.ofMinutes(1));
        }
    }

    /**
     * What withdrawing Roster's contacts from an account did, in counts.
     *
     * @param removed contacts Roster had imported, removed since the withdrawal began
     * @param keptOwn colleagues left in place because they are the employee's own contacts
     * @param waiting still to remove: Telegram asked to wait; tried again at the next withdrawal
     * @param failed  Telegram refused to remove them
     */
    public record Withdrawal(int removed, int keptOwn, int waiting, int failed) {
        public Withdrawal {
            if (removed < 0 || keptOwn < 0 || waiting < 0 || failed < 0) {
                throw new IllegalArgumentException("counts can't be negative");
            }
        }

        /** Whether nothing Roster imported is left to remove (what Telegram refused can't be). */
        public boolean complete() {
            return waiting == 0;
        }
    }

    private final TelegramAccounts accounts;
    private final TelegramLedger ledger;
    private final Clock clock;
    private final Pacer pacer;
    private final Settings settings;
    private final Map<String, Instant> lastRequest = new ConcurrentHashMap<>();
    private final Map<String, Object> viewerLocks = new ConcurrentHashMap<>();

    public TelegramContactPlatform(TelegramAccounts accounts, TelegramLedger ledger, Clock clock, Pacer pacer,
                                   Settings settings) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void deliver(String viewerId, List<PlannedChange> changes) throws DeliveryException {
        synchronized (viewerLocks.computeIfAbsent(viewerId, v -> new Object())) {
            List<PlannedChange> fresh = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (PlannedChange planned : changes) {
                if (keys.add(planned.idempotencyKey()) && !ledger.hasKey(viewerId, planned.idempotencyKey())) {
                    fresh.add(planned);
                }
            }
            Optional<TdClient> client = accounts.ready(viewerId);
            if (client.isEmpty()) {
                for (PlannedChange planned : fresh) {
                    ledger.record(viewerId, planned.idempotencyKey(), notLinked(viewerId, planned.change()));
                }
                return;
            }
            Delivery delivery = new Delivery(viewerId, client.get());
            try {
                delivery.retryPending();
                delivery.apply(fresh);
            } catch (TdException e) {
                throw new DeliveryException("delivery to the Telegram account of employee " + viewerId
                        + " stopped: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Retries, for every viewer whose account is ready, what Telegram asked to retry later: for a
     * scheduler, since a viewer's next delivery may be far off.
     *
     * @return how many viewers' pending contacts were tried
     */
    public int retryPending() {
        int tried = 0;
        for (String viewerId : ledger.viewersWithPending()) {
            Optional<TdClient> client = accounts.ready(viewerId);
            if (client.isEmpty()) {
                continue;
            }
            synchronized (viewerLocks.computeIfAbsent(viewerId, v -> new Object())) {
                try {
                    new Delivery(viewerId, client.get()).retryPending();
                    tried++;
                } catch (TdException e) {
                    LOG.warning(RunLines.prefix() + "retrying pending contacts of employee " + viewerId
                            + " stopped: " + e.getMessage());
                }
            }
        }
        return tried;
    }

    /**
     * Removes from the account every contact the ledger says Roster imported into it and has not
     * removed, leaving the employee's own contacts (read again first) as they are. Each removal is
     * recorded as it is made, so a withdrawal cut short by a crash goes on where it stopped when it
     * is called again.
     *
     * @param client the account's signed-in client (the account need not be ready for deliveries)
     * @param since  removals recorded from this instant on count as this withdrawal's (those a run
     *               delivered just before, for a leaver, are part of it)
     * @throws TdException when the account as a whole can't be reached; nothing more was removed
     */
    public Withdrawal withdraw(String viewerId, TdClient client, Instant since) throws TdException {
        synchronized (viewerLocks.computeIfAbsent(viewerId, v -> new Object())) {
            Delivery delivery = new Delivery(viewerId, client);
            delivery.readOwnAgain();
            List<Item> items = new ArrayList<>();
            for (Entry entry : ledger.entries(viewerId)) {
                if (entry.state() != State.REMOVED && entry.state() != State.KEPT_OWN) {
                    items.add(new Item("", entry.contactId(), Intent.REMOVE, TelegramContact.NONE, Optional.of(entry)));
                }
            }
            delivery.removeAll(items);
            int removed = 0;
            int keptOwn = 0;
            int waiting = 0;
            int failed = 0;
            Set<String> withdrawn = new HashSet<>();
            items.forEach(item -> withdrawn.add(item.contactId()));
            for (Entry entry : ledger.entries(viewerId)) {
                if (entry.state() == State.KEPT_OWN || OWN.equals(entry.reason())) {
                    keptOwn++;
                } else if (entry.state() == State.REMOVED) {
                    removed += entry.userId() != 0 && !entry.at().isBefore(since) ? 1 : 0;
                } else if (!withdrawn.contains(entry.contactId())) {
                    continue;
                } else if (entry.state() == State.FAILED) {
                    failed++;
                } else {
                    waiting++;
                }
            }
            Withdrawal withdrawal = new Withdrawal(removed, keptOwn, waiting, failed);
            LOG.info("employee " + viewerId + ": withdrew the contacts Roster imported: " + withdrawal);
            return withdrawal;
        }
    }

    private Entry notLinked(String viewerId, ContactChange change) {
        long kept = ledger.entry(viewerId, change.contactId()).filter(Entry::holdsRostersContact)
                .map(Entry::userId).orElse(0L);
        return new Entry(change.contactId(), State.NOT_LINKED, intentOf(change), kept, TelegramContact.NONE,
                NOT_LINKED, clock.instant());
    }

    private static Intent intentOf(ContactChange change) {
        return change instanceof ContactChange.Remove ? Intent.REMOVE : Intent.IMPORT;
    }

    /**
     * One change (or one retry, which has no key) on its way: the contact to import, or the entry
     * whose contact to remove.
     */
    private record Item(String key, String contactId, Intent intent, TelegramContact contact,
                        Optional<Entry> previous) {
        boolean isImport() {
            return intent == Intent.IMPORT;
        }
    }

    /** One viewer's delivery: its account's client, its own contacts, and its pacing. */
    private final class Delivery {
        private final String viewerId;
        private final TdClient client;
        private OwnContacts own;
        private boolean ownReadAgain;
        private Instant pausedUntil;
        private boolean stopped;
        private int waits;
        private Map<String, Long> joinedByNumber;

        Delivery(String viewerId, TdClient client) {
            this.viewerId = viewerId;
            this.client = client;
            this.own = ledger.ownContacts(viewerId).orElse(OwnContacts.NONE);
            this.pausedUntil = ledger.pausedUntil(viewerId).orElse(Instant.EPOCH);
        }

        void retryPending() throws TdException {
            List<Entry> pending = ledger.pending(viewerId);
            if (pending.isEmpty()) {
                return;
            }
            readOwnAgain();
            List<Item> imports = new ArrayList<>();
            List<Item> removals = new ArrayList<>();
            for (Entry entry : pending) {
                Item item = new Item("", entry.contactId(), entry.intent(), entry.contact(), Optional.of(entry));
                (item.isImport() ? imports : removals).add(item);
            }
            importAll(imports);
            removeAll(removals);
        }

        void apply(List<PlannedChange> changes) throws TdException {
            if (!changes.isEmpty()) {
                readOwnAgain();
            }
            List<Item> run = new ArrayList<>();
            for (PlannedChange planned : changes) {
                Item item = item(planned);
                if (!run.isEmpty() && run.get(0).isImport() != item.isImport()) {
                    flush(run);
                    run = new ArrayList<>();
                }
                run.add(item);
            }
            flush(run);
        }

        /**
         * Reads the account's contacts again (once per delivery) and remembers as the employee's own
         * those Roster did not put there: not a user it imported, nor a number it sent or keeps (a
         * colleague who joined Telegram since, an import whose answer a crash lost). Without this, a
         * colleague the employee added themselves after linking would be renamed by an import and
         * removed later. When Telegram makes the account wait past the maximum, nothing is read, and
         * nothing is sent either.
         */
        void readOwnAgain() throws TdException {
            if (ownReadAgain) {
                return;
            }
            JsonArray ids;
            while (true) {
                // TDLib keeps the contact list in sync and answers from it: no request the interval spaces out
                if (!awaitTurn(false)) {
                    return;
                }
                try {
                    ids = client.call(TelegramAccount.request("getContacts").build()).getJsonArray("user_ids");
                    break;
                } catch (TdException.RetryAfter wait) {
                    restUntil(wait);
                }
            }
            ownReadAgain = true;
            Set<Long> rosters = ledger.rostersUserIds(viewerId);
            Set<String> rostersNumbers = ledger.rostersNumbers(viewerId);
            Set<Long> newIds = new HashSet<>();
            Set<String> newNumbers = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.getJsonNumber(i).longValue();
                if (own.hasUser(id) || rosters.contains(id)) {
                    continue;
                }
                // TDLib answers getUser for a contact it just listed from its own memory: no request to Telegram
                JsonObject user = client.call(TelegramAccount.request("getUser").add("user_id", id).build());
                String digits = TelegramContact.digitsOf(user.getString("phone_number", ""));
                if (rostersNumbers.contains(digits)) {
                    continue;
                }
                newIds.add(id);
                if (!digits.isEmpty()) {
                    newNumbers.add(digits);
                }
            }
            if (!newIds.isEmpty()) {
                ledger.addOwnContacts(viewerId, new OwnContacts(newIds, newNumbers));
                own = ledger.ownContacts(viewerId).orElse(OwnContacts.NONE);
                LOG.info("employee " + viewerId + " has " + newIds.size() + " more contacts of their own in Telegram");
            }
        }

        private Item item(PlannedChange planned) {
            ContactChange change = planned.change();
            Optional<Entry> previous = ledger.entry(viewerId, change.contactId());
            if (change instanceof ContactChange.Add add) {
                return new Item(planned.idempotencyKey(), change.contactId(), Intent.IMPORT,
                        TelegramContact.from(add.card()).orElse(TelegramContact.NONE), previous);
            }
            if (change instanceof ContactChange.Update update) {
                return new Item(planned.idempotencyKey(), change.contactId(), Intent.IMPORT,
                        TelegramContact.from(update.card()).orElse(TelegramContact.NONE), previous);
            }
            return new Item(planned.idempotencyKey(), change.contactId(), Intent.REMOVE, TelegramContact.NONE,
                    previous);
        }

        private void flush(List<Item> run) throws TdException {
            if (run.isEmpty()) {
                return;
            }
            if (run.get(0).isImport()) {
                importAll(run);
            } else {
                removeAll(run);
            }
        }

        // ---- imports

        private void importAll(List<Item> items) throws TdException {
            List<Item> toSend = new ArrayList<>();
            List<Item> replaced = new ArrayList<>();
            for (Item item : items) {
                if (item.contact().isNone()) {
                    // the contact Roster put there before (if any) stays, so a later removal finds it
                    settle(item, entry(item, State.FAILED, kept(item), TelegramContact.NONE, NO_PHONE));
                } else if (own.hasNumber(item.contact().phoneNumber())) {
                    settle(item, entry(item, State.KEPT_OWN, 0, TelegramContact.NONE, OWN));
                    if (kept(item) != 0) {
                        replaced.add(item);
                    }
                } else {
                    toSend.add(item);
                }
            }
            removeReplaced(replaced);
            for (int from = 0; from < toSend.size(); from += settings.importBatchSize()) {
                importBatch(toSend.subList(from, Math.min(toSend.size(), from + settings.importBatchSize())));
            }
        }

        private void importBatch(List<Item> batch) throws TdException {
            List<Item> remaining = new ArrayList<>(batch);
            while (!remaining.isEmpty()) {
                if (!awaitTurn()) {
                    for (Item item : remaining) {
                        settle(item, entry(item, State.PENDING_RETRY, kept(item), item.contact(), RETRY_LATER));
                    }
                    return;
                }
                List<Entry> sending = new ArrayList<>();
                for (Item item : remaining) {
                    sending.add(entry(item, State.PENDING_RETRY, kept(item), item.contact(), SENT));
                }
                ledger.updateAll(viewerId, sending);
                long mark = client.updateMark();
                JsonObject answer;
                try {
                    answer = client.call(importContacts(remaining));
                } catch (TdException.RetryAfter wait) {
                    restUntil(wait);
                    remaining = settleArrived(remaining, mark);
                    continue;
                } catch (TdException e) {
                    if (accountWide(e)) {
                        throw e;
                    }
                    for (Item item : remaining) {
                        settle(item, entry(item, State.FAILED, kept(item), TelegramContact.NONE,
                                "Telegram refused the import (" + e.code() + " " + e.tdlibMessage() + ")"));
                    }
                    return;
                }
                JsonArray userIds = answer.getJsonArray("user_ids");
                if (userIds == null || userIds.size() != remaining.size()) {
                    throw new TdException(500, "importedContacts does not match the request",
                            "TDLib answered the import with a user id list that does not match the contacts sent");
                }
                List<Item> replaced = new ArrayList<>();
                for (int i = 0; i < remaining.size(); i++) {
                    Item item = remaining.get(i);
                    if (settleImported(item, userIds.getJsonNumber(i).longValue())) {
                        replaced.add(item);
                    }
                }
                removeReplaced(replaced);
                return;
            }
        }

        /** The Telegram user Roster put there for the item's contact before, or 0. */
        private long kept(Item item) {
            return item.previous().filter(Entry::holdsRostersContact).map(Entry::userId).orElse(0L);
        }

        /** The import request: only a number and the names; element types left to TDLib's context. */
        private JsonObject importContacts(List<Item> items) {
            // the elements' "@type" is left out, as TDLib's JSON allows where the context fixes it: older
            // TDLib takes "contact" here, recent TDLib (1.8.67) "importedContact", both with these fields
            JsonArrayBuilder contacts = Json.createArrayBuilder();
            for (Item item : items) {
                contacts.add(Json.createObjectBuilder()
                        .add("phone_number", item.contact().phoneNumber())
                        .add("first_name", item.contact().firstName())
                        .add("last_name", item.contact().lastName()));
            }
            return Json.createObjectBuilder().add("@type", "importContacts").add("contacts", contacts).build();
        }

        /**
         * Records the contacts of a refused batch that Telegram imported anyway, in an earlier round,
         * as TDLib's {@code updateUser}s during the request show; returns the others.
         */
        private List<Item> settleArrived(List<Item> sent, long mark) {
            Map<String, Long> arrived = new HashMap<>();
            for (JsonObject user : client.usersUpdatedSince(mark)) {
                if (user.getBoolean("is_contact", false)) {
                    arrived.put(TelegramContact.digitsOf(user.getString("phone_number", "")),
                            user.getJsonNumber("id").longValue());
                }
            }
            List<Item> others = new ArrayList<>();
            List<Item> replaced = new ArrayList<>();
            for (Item item : sent) {
                Long userId = arrived.get(item.contact().digits());
                if (userId == null) {
                    others.add(item);
                } else if (settleImported(item, userId)) {
                    replaced.add(item);
                }
            }
            // the account rests now: the users the old numbers became go at a later delivery
            for (Item item : replaced) {
                ledger.update(viewerId, new Entry(replacedId(item), State.PENDING_RETRY, Intent.REMOVE, kept(item),
                        TelegramContact.NONE, RETRY_LATER, clock.instant()));
            }
            return others;
        }

        /**
         * Records an imported contact; true if Roster had put another user there for it before (the
         * number changed), who must now go.
         */
        private boolean settleImported(Item item, long userId) {
            if (userId == 0) {
                settle(item, entry(item, State.NOT_ON_TELEGRAM, 0, phoneOnly(item.contact()), ""));
            } else if (own.hasUser(userId)) {
                // the number was not among the employee's own, but its user is: the import has edited
                // the employee's contact, which Roster must now never remove
                LOG.warning(RunLines.prefix() + "employee " + viewerId + ": contact " + item.contactId()
                        + " turned out to be one of the employee's own contacts");
                settle(item, entry(item, State.KEPT_OWN, userId, TelegramContact.NONE, OWN));
            } else {
                settle(item, entry(item, State.IMPORTED, userId, TelegramContact.NONE, ""));
            }
            long before = kept(item);
            return before != 0 && before != userId;
        }

        /** After a number changed, the user Roster imported for the old number goes. */
        private void removeReplaced(List<Item> replaced) throws TdException {
            List<Item> removals = new ArrayList<>();
            for (Item item : replaced) {
                removals.add(new Item("", replacedId(item), Intent.REMOVE, TelegramContact.NONE, item.previous()));
            }
            removeAll(removals);
        }

        private String replacedId(Item item) {
            return item.contactId() + "#replaced-" + kept(item);
        }

        // ---- removals

        private void removeAll(List<Item> items) throws TdException {
            List<Item> toSend = new ArrayList<>();
            List<Long> userIds = new ArrayList<>();
            for (Item item : items) {
                long userId = userToRemove(item);
                if (userId > 0) {
                    toSend.add(item);
                    userIds.add(userId);
                } else if (userId < 0) {
                    settle(item, new Entry(item.contactId(), State.PENDING_RETRY, Intent.REMOVE, 0,
                            item.previous().map(Entry::contact).orElse(TelegramContact.NONE), RETRY_LATER,
                            clock.instant()));
                } else {
                    settle(item, new Entry(item.contactId(), State.REMOVED, Intent.REMOVE, 0, TelegramContact.NONE,
                            item.previous().filter(e -> e.state() == State.KEPT_OWN).map(e -> OWN).orElse(""),
                            clock.instant()));
                }
            }
            for (int from = 0; from < toSend.size(); from += settings.importBatchSize()) {
                int to = Math.min(toSend.size(), from + settings.importBatchSize());
                removeBatch(toSend.subList(from, to), userIds.subList(from, to));
            }
        }

        /**
         * The Telegram user to remove for an item: the one Roster imported, unless it is the
         * employee's own or another colleague's entry still holds it; 0 for none; -1 when it can't be
         * known now (looking it up would wait too long).
         */
        private long userToRemove(Item item) throws TdException {
            if (item.previous().isEmpty()) {
                return 0;
            }
            Entry before = item.previous().get();
            long userId = before.holdsRostersContact() ? before.userId() : 0;
            // a number Roster kept (not on Telegram, or an import sent whose answer is not recorded) may
            // have become a contact since: it is found by its number
            if (userId == 0 && !before.contact().isNone()) {
                Optional<Long> joined = joinedSince(before.contact());
                if (joined.isEmpty()) {
                    return -1;
                }
                userId = joined.get();
            }
            if (userId == 0 || own.hasUser(userId)
                    || ledger.heldByAnotherContact(viewerId, userId, item.contactId())) {
                return 0;
            }
            return userId;
        }

        /**
         * The user a colleague who was not on Telegram became, if they joined since: a contact with
         * their number that is neither the employee's own nor one of Roster's. Empty when it can't be
         * looked up now; 0 when there is none.
         */
        private Optional<Long> joinedSince(TelegramContact contact) throws TdException {
            if (joinedByNumber == null) {
                Map<String, Long> found = new HashMap<>();
                if (!awaitTurn()) {
                    return Optional.empty();
                }
                JsonArray ids = client.call(TelegramAccount.request("getContacts").build()).getJsonArray("user_ids");
                Set<Long> rosters = ledger.rostersUserIds(viewerId);
                for (int i = 0; i < ids.size(); i++) {
                    long id = ids.getJsonNumber(i).longValue();
                    if (own.hasUser(id) || rosters.contains(id)) {
                        continue;
                    }
                    if (!awaitTurn()) {
                        return Optional.empty();
                    }
                    JsonObject user = client.call(TelegramAccount.request("getUser").add("user_id", id).build());
                    found.put(TelegramContact.digitsOf(user.getString("phone_number", "")), id);
                }
                joinedByNumber = found;
            }
            return Optional.of(joinedByNumber.getOrDefault(contact.digits(), 0L));
        }

        private void removeBatch(List<Item> batch, List<Long> userIds) throws TdException {
            while (true) {
                if (!awaitTurn()) {
                    for (int i = 0; i < batch.size(); i++) {
                        settle(batch.get(i), new Entry(batch.get(i).contactId(), State.PENDING_RETRY, Intent.REMOVE,
                                userIds.get(i), TelegramContact.NONE, RETRY_LATER, clock.instant()));
                    }
                    return;
                }
                try {
                    JsonArrayBuilder ids = Json.createArrayBuilder();
                    userIds.forEach(ids::add);
                    client.call(Json.createObjectBuilder().add("@type", "removeContacts").add("user_ids", ids).build());
                } catch (TdException.RetryAfter wait) {
                    restUntil(wait);
                    continue;
                } catch (TdException e) {
                    if (accountWide(e)) {
                        throw e;
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        settle(batch.get(i), new Entry(batch.get(i).contactId(), State.FAILED, Intent.REMOVE,
                                userIds.get(i), TelegramContact.NONE, "Telegram refused the removal (" + e.code()
                                + " " + e.tdlibMessage() + ")", clock.instant()));
                    }
                    return;
                }
                for (int i = 0; i < batch.size(); i++) {
                    settle(batch.get(i), new Entry(batch.get(i).contactId(), State.REMOVED, Intent.REMOVE,
                            userIds.get(i), TelegramContact.NONE, "", clock.instant()));
                }
                return;
            }
        }

        // ---- pacing

        /**
         * Waits until a request may go to the account: after any retry-after, and the minimum
         * interval after the last request. False, without waiting, when that is longer than the
         * maximum wait; delivery then stops sending to this account for this time.
         */
        private boolean awaitTurn() {
            return awaitTurn(true);
        }

        /**
         * As {@link #awaitTurn()}; unpaced, only a retry-after is waited out and the request does not
         * count for the minimum interval: for what TDLib answers from what it keeps in sync anyway.
         */
        private boolean awaitTurn(boolean paced) {
            if (stopped) {
                return false;
            }
            while (true) {
                Instant now = clock.instant();
                Instant ready = pausedUntil;
                Instant last = lastRequest.get(viewerId);
                if (paced && last != null && last.plus(settings.minimumInterval()).isAfter(ready)) {
                    ready = last.plus(settings.minimumInterval());
                }
                if (!ready.isAfter(now)) {
                    if (paced) {
                        lastRequest.put(viewerId, now);
                    }
                    return true;
                }
                Duration wait = Duration.between(now, ready);
                if (wait.compareTo(settings.maximumWait()) > 0) {
                    stopped = true;
                    LOG.info(RunLines.prefix() + "employee " + viewerId + ": Telegram asked to wait until " + ready
                            + "; the rest is left for a later delivery");
                    return false;
                }
                pacer.pause(wait);
            }
        }

        private void restUntil(TdException.RetryAfter wait) {
            Instant until = clock.instant().plus(wait.retryAfter());
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
                ledger.pauseUntil(viewerId, until);
            }
            LOG.info(RunLines.prefix() + "employee " + viewerId + ": Telegram asked to wait "
                    + wait.retryAfter().toSeconds() + " s");
            if (++waits >= WAITS_PER_DELIVERY) {
                stopped = true;
            }
        }

        // ---- recording

        private Entry entry(Item item, State state, long userId, TelegramContact contact, String reason) {
            return new Entry(item.contactId(), state, item.intent(), userId, contact, reason, clock.instant());
        }

        private void settle(Item item, Entry entry) {
            if (item.key().isEmpty()) {
                ledger.update(viewerId, entry);
            } else {
                ledger.record(viewerId, item.key(), entry);
            }
        }
    }

    private static TelegramContact phoneOnly(TelegramContact contact) {
        return new TelegramContact(contact.phoneNumber(), "", "");
    }

    /**
     * Whether an error concerns the whole account rather than the batch: not signed in any more,
     * no answer, or a server failure. Those stop the delivery, so the outbox tries it again.
     */
    private static boolean accountWide(TdException e) {
        return e.code() == TdException.NO_ANSWER || e.code() == 401 || e.code() == 406 || e.code() >= 500;
    }
}
