package org.roster.platform.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The ledger in memory, as the tests keep it; it also remembers which key each entry came from. */
final class InMemoryTelegramLedger implements TelegramLedger {

    /** One recorded key: the viewer, the key and the entry it led to. */
    record Recorded(String viewerId, String key, Entry entry) {
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private final Map<String, Map<String, Entry>> entries = new HashMap<>();
    private final Map<String, OwnContacts> own = new HashMap<>();
    private final Map<String, Instant> paused = new HashMap<>();
    /**
     * While true, recording an outcome (not what is about to be sent) fails, as a crash between
     * Telegram's answer and its record would.
     */
    boolean crashOnOutcome;

    @Override
    public synchronized boolean hasKey(String viewerId, String idempotencyKey) {
        return recorded.stream().anyMatch(r -> r.viewerId().equals(viewerId) && r.key().equals(idempotencyKey));
    }

    @Override
    public synchronized void record(String viewerId, String idempotencyKey, Entry entry) {
        crashIfAsked();
        if (hasKey(viewerId, idempotencyKey)) {
            return;
        }
        recorded.add(new Recorded(viewerId, idempotencyKey, entry));
        update(viewerId, entry);
    }

    @Override
    public synchronized void update(String viewerId, Entry entry) {
        crashIfAsked();
        entries.computeIfAbsent(viewerId, v -> new LinkedHashMap<>()).put(entry.contactId(), entry);
    }

    @Override
    public synchronized void updateAll(String viewerId, List<Entry> more) {
        more.forEach(entry -> entries.computeIfAbsent(viewerId, v -> new LinkedHashMap<>()).put(entry.contactId(), entry));
    }

    @Override
    public synchronized Optional<Entry> entry(String viewerId, String contactId) {
        return Optional.ofNullable(entries.getOrDefault(viewerId, Map.of()).get(contactId));
    }

    @Override
    public synchronized List<Entry> pending(String viewerId) {
        return entries.getOrDefault(viewerId, Map.of()).values().stream()
                .filter(e -> e.state() == State.PENDING_RETRY).sorted(Comparator.comparing(Entry::at)).toList();
    }

    @Override
    public synchronized List<String> viewersWithPending() {
        return entries.keySet().stream().filter(v -> !pending(v).isEmpty()).sorted().toList();
    }

    @Override
    public synchronized Set<Long> rostersUserIds(String viewerId) {
        Set<Long> ids = new HashSet<>();
        entries.getOrDefault(viewerId, Map.of()).values().stream().filter(Entry::holdsRostersContact)
                .forEach(e -> ids.add(e.userId()));
        return ids;
    }

    @Override
    public synchronized Set<String> rostersNumbers(String viewerId) {
        Set<String> numbers = new HashSet<>();
        entries.getOrDefault(viewerId, Map.of()).values().stream()
                .filter(e -> e.state() != State.REMOVED && e.state() != State.KEPT_OWN && !e.contact().isNone())
                .forEach(e -> numbers.add(e.contact().digits()));
        return numbers;
    }

    @Override
    public synchronized List<Entry> entries(String viewerId) {
        return entries.getOrDefault(viewerId, Map.of()).values().stream()
                .sorted(Comparator.comparing(Entry::contactId)).toList();
    }

    @Override
    public synchronized boolean heldByAnotherContact(String viewerId, long userId, String contactId) {
        return entries.getOrDefault(viewerId, Map.of()).values().stream()
                .anyMatch(e -> e.holdsRostersContact() && e.userId() == userId && !e.contactId().equals(contactId));
    }

    @Override
    public synchronized Optional<OwnContacts> ownContacts(String viewerId) {
        return Optional.ofNullable(own.get(viewerId));
    }

    @Override
    public synchronized void addOwnContacts(String viewerId, OwnContacts more) {
        own.merge(viewerId, more, OwnContacts::and);
    }

    @Override
    public synchronized Optional<Instant> pausedUntil(String viewerId) {
        return Optional.ofNullable(paused.get(viewerId));
    }

    @Override
    public synchronized void pauseUntil(String viewerId, Instant until) {
        paused.put(viewerId, until);
    }

    private void crashIfAsked() {
        if (crashOnOutcome) {
            throw new IllegalStateException("the server stopped before Telegram's answer was recorded");
        }
    }

    /** Every key recorded, in order. */
    synchronized List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    /** The state of the viewer's contact, or null if the ledger has no entry for it. */
    synchronized State stateOf(String viewerId, String contactId) {
        return entry(viewerId, contactId).map(Entry::state).orElse(null);
    }
}
