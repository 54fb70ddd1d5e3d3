package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.PolicyEvaluator;

class SyncPipelineTest {

    private static final Set<String> FINANCE = Set.of("f1", "f2", "f3", "f4");
    private static final Set<String> SALES = Set.of("s1", "s2", "s3");
    private static final Set<PersonField> DEFAULT_RELEASE =
            EnumSet.of(PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE);

    private final ListDirectorySource directory = new ListDirectorySource();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final RecordingContactPlatform platform = new RecordingContactPlatform();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final SyncPipeline pipeline = new SyncPipeline(directory,
            new EntryNormaliser(PhoneNumbers.forRegion("DE")),
            new PolicyEvaluator(Policies.bundled("default")), store, platform, audit,
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    private long runId;
    private SyncPipeline.Outcome outcome;

    @BeforeEach
    void aSmallCompany() {
        directory.put(person("f1", "Ana", "Ruiz", "Finance", "0151 11111111"));
        directory.put(person("f2", "Ben", "Okafor", "Finance", "+49 151 22222222"));
        directory.put(person("f3", "Carla", "Mu\u0308ller", "Finance", "(0151) 3333-3333"));
        directory.put(person("f4", "Dieter", "Weiß", "Finance", "0049 151 44444444"));
        directory.put(person("f5", "Nora", "Nomobile", "Finance", null));
        directory.put(person("s1", "Sven", "Berg", "Sales", "0160 1111111"));
        directory.put(person("s2", "Sara", "Lind", "Sales", "0160 2222222"));
        directory.put(person("s3", "Timo", "Kask", "Sales", "0160 3333333"));
        directory.put(person("l1", "Lea", "Alone", "Legal", "0170 1111111"));
    }

    @Test
    void theFirstRunGivesEveryoneTheirDepartmentColleaguesAndNobodyElse() {
        RunProgress progress = run(false);

        assertThat(outcome.sourceComplete()).isTrue();
        for (String viewer : FINANCE) {
            assertThat(platform.contactsOf(viewer).keySet()).as(viewer).isEqualTo(others(FINANCE, viewer));
        }
        for (String viewer : SALES) {
            assertThat(platform.contactsOf(viewer).keySet()).as(viewer).isEqualTo(others(SALES, viewer));
        }
        assertThat(platform.contactsOf("l1")).isEmpty();
        assertThat(platform.allCards()).allSatisfy(card -> {
            assertThat(card.ruleId()).isEqualTo("same-department");
            assertThat(card.fields().keySet()).isEqualTo(DEFAULT_RELEASE);
        });
        assertThat(platform.contactsOf("f1").get("f3").fields())
                .containsEntry(PersonField.SURNAME, "Müller")
                .containsEntry(PersonField.MOBILE, "+4915133333333");
        assertThat(progress.added).hasValue(4 * 3 + 3 * 2);
        assertThat(progress.read).hasValue(9);
        assertThat(progress.inScope).hasValue(8);
        assertThat(progress.stage()).isEqualTo(RunProgress.Stage.DONE);
        assertThat(progress.percent()).isEqualTo(100);
        assertThat(store.savedStage(runId)).contains(RunProgress.Stage.DONE);
        assertThat(store.deliveredTo("f1")).isEqualTo(platform.contactsOf("f1"));
    }

    @Test
    void someoneWithoutAMobileIsExcludedByHasMobileAndNeitherSeenNorSeeing() {
        RunProgress progress = run(false);

        assertThat(progress.excluded).hasValue(1);
        assertThat(store.row("f5")).hasValueSatisfying(row -> {
            assertThat(row.inScope).isFalse();
            assertThat(row.scopeRule).isEqualTo("has-mobile");
        });
        assertThat(platform.allContactIds()).doesNotContain("f5");
        assertThat(platform.viewers()).doesNotContain("f5");
        assertThat(store.deliveredTo("f5")).isEmpty();
    }

    @Test
    void rerunWithoutChangesDeliversNothing() {
        run(false);
        platform.forgetCalls();

        RunProgress again = run(false);

        assertThat(again.added).hasValue(0);
        assertThat(again.updated).hasValue(0);
        assertThat(again.removed).hasValue(0);
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void aNewMobileIsUpdatedForExactlyTheColleaguesInThatDepartment() {
        run(false);
        platform.forgetCalls();
        directory.put(person("f2", "Ben", "Okafor", "Finance", "0171 9999999"));

        RunProgress progress = run(false);

        assertThat(progress.updated).hasValue(FINANCE.size() - 1);
        assertThat(progress.added).hasValue(0);
        assertThat(progress.removed).hasValue(0);
        assertThat(platform.calls()).extracting(Delivery::viewerId)
                .containsExactlyInAnyOrderElementsOf(others(FINANCE, "f2"));
        assertThat(platform.calls()).allSatisfy(call -> assertThat(call.changes()).singleElement()
                .isInstanceOfSatisfying(ContactChange.Update.class, update -> {
                    assertThat(update.contactId()).isEqualTo("f2");
                    assertThat(update.card().fields()).containsEntry(PersonField.MOBILE, "+491719999999");
                }));
        assertThat(store.deliveredTo("f1").get("f2").fields()).containsEntry(PersonField.MOBILE, "+491719999999");
    }

    @Test
    void someoneWhoLeavesIsRemovedFromEveryoneAndLosesTheirOwnContacts() {
        run(false);
        platform.forgetCalls();
        directory.remove("f2");

        RunProgress progress = run(false);

        assertThat(progress.gone).hasValue(1);
        for (String viewer : others(FINANCE, "f2")) {
            assertThat(platform.changesTo(viewer)).as(viewer).containsExactly(new ContactChange.Remove("f2"));
            assertThat(platform.contactsOf(viewer)).doesNotContainKey("f2");
        }
        assertThat(platform.changesTo("f2")).containsExactlyInAnyOrder(new ContactChange.Remove("f1"),
                new ContactChange.Remove("f3"), new ContactChange.Remove("f4"));
        assertThat(platform.contactsOf("f2")).isEmpty();
        assertThat(store.deliveredTo("f2")).isEmpty();
        assertThat(store.viewersWithDeliveries()).doesNotContain("f2");
        assertThat(progress.removed).hasValue(3 + 3);
        assertThat(platform.calls()).extracting(Delivery::viewerId).doesNotContainAnyElementsOf(SALES);
    }

    @Test
    void someoneWhoLosesTheirMobileLeavesScopeAndEveryContactList() {
        run(false);
        platform.forgetCalls();
        directory.put(person("s2", "Sara", "Lind", "Sales", null));

        RunProgress progress = run(false);

        assertThat(progress.gone).hasValue(0);
        assertThat(store.row("s2")).hasValueSatisfying(row -> assertThat(row.scopeRule).isEqualTo("has-mobile"));
        assertThat(platform.contactsOf("s1")).containsOnlyKeys("s3");
        assertThat(platform.contactsOf("s3")).containsOnlyKeys("s1");
        assertThat(platform.contactsOf("s2")).isEmpty();
        assertThat(progress.removed).hasValue(2 + 2);
    }

    @Test
    void movingToAnotherDepartmentSwapsTheContactLists() {
        run(false);
        platform.forgetCalls();
        directory.put(person("s1", "Sven", "Berg", "Finance", "0160 1111111"));

        run(false);

        assertThat(platform.contactsOf("s1").keySet()).isEqualTo(FINANCE);
        assertThat(platform.contactsOf("f1")).containsKey("s1");
        assertThat(platform.contactsOf("s2")).containsOnlyKeys("s3");
        assertThat(platform.changesTo("s2")).containsExactly(new ContactChange.Remove("s1"));
    }

    @Test
    void anIncompleteReadRemovesNobodyEvenThoughEntriesAreMissing() {
        run(false);
        Map<String, Map<String, ContactCard>> before = platform.allContactLists();
        platform.forgetCalls();
        directory.failAfter(4, "the search ended with TIME_LIMIT_EXCEEDED");

        RunProgress progress = run(false);

        assertThat(outcome.sourceComplete()).isFalse();
        assertThat(outcome.problem()).contains("TIME_LIMIT_EXCEEDED");
        assertThat(progress.read).hasValue(4);
        assertThat(progress.gone).hasValue(0);
        assertThat(progress.removed).hasValue(0);
        assertThat(platform.calls()).flatExtracting(Delivery::changes)
                .noneMatch(change -> change instanceof ContactChange.Remove);
        assertThat(platform.allContactLists()).isEqualTo(before);
        assertThat(store.deliveredTo("s3")).containsOnlyKeys("s1", "s2");
    }

    @Test
    void everyLineAnIncompleteRunLogsNamesTheRun() {
        run(false);
        directory.failAfter(4, "connection reset");
        Logger roster = Logger.getLogger("org.roster");
        List<LogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord line) {
                lines.add(line);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = roster.getLevel();
        roster.setLevel(Level.FINE);
        roster.addHandler(capture);
        long next = runId + 1;
        try {
            RunLines.during(next, () -> run(false));
        } finally {
            roster.removeHandler(capture);
            roster.setLevel(level);
        }

        assertThat(lines).extracting(LogRecord::getLevel).contains(Level.WARNING);
        assertThat(lines).extracting(LogRecord::getMessage).allSatisfy(message ->
                assertThat(message).startsWith("run " + next + ": "));
        assertThat(RunLines.prefix()).as("the thread is the run's only while it runs").isEmpty();
    }

    @Test
    void anIncompleteReadStillDeliversWhatItDidRead() {
        run(false);
        platform.forgetCalls();
        directory.put(person("f1", "Ana", "Ruiz", "Finance", "0171 8888888"));
        directory.remove("s3");
        directory.failAfter(4, "connection reset");

        RunProgress progress = run(false);

        assertThat(progress.updated).hasValue(FINANCE.size() - 1);
        assertThat(progress.removed).hasValue(0);
        assertThat(platform.contactsOf("s1")).containsKey("s3");
    }

    @Test
    void aDryRunCountsThePlanButDeliversNothingAndChangesNoDeliveredState() {
        RunProgress dry = run(true);

        assertThat(dry.added).hasValue(4 * 3 + 3 * 2);
        assertThat(platform.calls()).isEmpty();
        assertThat(store.viewersWithDeliveries()).isEmpty();

        RunProgress real = run(false);

        assertThat(real.added).hasValue(4 * 3 + 3 * 2);
        assertThat(platform.calls()).hasSize(4 + 3);
    }

    @Test
    void aDryRunAfterADepartureDeliversNothingAndTheNextRealRunRemoves() {
        run(false);
        platform.forgetCalls();
        directory.remove("f2");

        RunProgress dry = run(true);

        assertThat(dry.removed).hasValue(3 + 3);
        assertThat(platform.calls()).isEmpty();
        assertThat(store.deliveredTo("f1")).containsKey("f2");
        assertThat(store.deliveredTo("f2")).hasSize(3);

        RunProgress real = run(false);

        assertThat(real.removed).hasValue(3 + 3);
        assertThat(store.deliveredTo("f1")).doesNotContainKey("f2");
        assertThat(store.deliveredTo("f2")).isEmpty();
    }

    @Test
    void aRejectedEntryIsCountedAndItsReasonKept() {
        directory.put(person("s4", "Ivo", "Invalid", "Sales", "12"));

        RunProgress progress = run(false);

        assertThat(progress.rejected).hasValue(1);
        assertThat(progress.read).hasValue(10);
        assertThat(store.rejections()).singleElement().satisfies(stored -> {
            assertThat(stored.runId()).isEqualTo(runId);
            assertThat(stored.rejection().reference()).isEqualTo("uid=s4,ou=people,dc=example,dc=org");
            assertThat(stored.rejection().employeeId()).contains("s4");
            assertThat(stored.rejection().reason()).isEqualTo("mobile \"12\" is not a valid number for region DE");
        });
        assertThat(platform.allContactIds()).doesNotContain("s4");
        assertThat(platform.viewers()).doesNotContain("s4");
    }

    @Test
    void aRejectionIsInTheAuditTrailWithoutTheOffendingValue() {
        directory.put(person("s4", "Ivo", "Invalid", "Sales", "0151 999"));

        run(false);

        assertThat(audit.events()).filteredOn(e -> e.action().equals("entry.rejected")).singleElement()
                .satisfies(e -> {
                    assertThat(e.subject()).isEqualTo("employee:s4");
                    assertThat(e.detail()).contains("mobile is not a valid number for region DE")
                            .doesNotContain("999");
                });
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aTypoInTheDirectoryRemovesNobody() {
        run(false);
        platform.forgetCalls();
        directory.put(person("f2", "Ben", "Okafor", "Finance", "n/a"));

        RunProgress progress = run(false);

        assertThat(progress.rejected).hasValue(1);
        assertThat(progress.gone).hasValue(0);
        assertThat(platform.calls()).isEmpty();
        assertThat(platform.contactsOf("f1").get("f2").fields()).containsEntry(PersonField.MOBILE, "+4915122222222");
    }

    @Test
    void aSecondEntryWithAnIdentityAlreadyReadIsRejectedNamingTheFirstWhichStands() {
        directory.putAs("impostor", DirectoryEntry.builder("uid=ben.copy,ou=people,dc=example,dc=org").id("f2")
                .add(PersonField.SURNAME, "Copy").add(PersonField.DEPARTMENT, "Finance")
                .add(PersonField.MOBILE, "0151 99999999").build());

        RunProgress progress = run(false);

        assertThat(progress.rejected).hasValue(1);
        assertThat(store.rejections()).extracting(r -> r.rejection().reason()).containsExactly("has the identity f2, "
                + "which uid=f2,ou=people,dc=example,dc=org has too; identities must be unique");
        assertThat(platform.contactsOf("f1").get("f2").fields()).containsEntry(PersonField.SURNAME, "Okafor");
    }

    @Test
    void aRefusedDeliveryRecordsNothingAndIsRetriedOnTheNextRun() {
        platform.refuse("f3");

        RunProgress first = run(false);

        assertThat(first.added).as("planned").hasValue(3 * 3 + 3 * 2 + 3);
        assertThat(first.failed).hasValue(3);
        assertThat(first.delivered).as("f3's three are not among them").hasValue(3 * 3 + 3 * 2);
        assertThat(store.deliveredTo("f3")).isEmpty();
        assertThat(store.deliveredTo("f1")).containsKey("f3");

        platform.accept("f3");
        platform.forgetCalls();
        RunProgress second = run(false);

        assertThat(second.added).hasValue(3);
        assertThat(platform.calls()).extracting(Delivery::viewerId).containsExactly("f3");
        assertThat(platform.contactsOf("f3").keySet()).isEqualTo(others(FINANCE, "f3"));
    }

    @Test
    void aFieldOutsideTheAllowlistNeverReachesAnyCard() {
        run(false);
        directory.put(person("f2", "Ben", "Okafor", "Finance", "0171 9999999"));
        run(false);

        assertThat(platform.calls()).isNotEmpty();
        assertThat(platform.allCards()).isNotEmpty().allSatisfy(card -> {
            assertThat(card.fields()).doesNotContainKeys(PersonField.TITLE, PersonField.MAIL,
                    PersonField.DEPARTMENT, PersonField.LOCATION, PersonField.EMPLOYEE_TYPE);
            assertThat(card.fields().values()).noneMatch(v -> v.contains("CANARY"));
            assertThat(card.toString()).doesNotContain("CANARY");
        });
        assertThat(store.viewersWithDeliveries()).allSatisfy(viewer -> assertThat(store.deliveredTo(viewer).values())
                .allSatisfy(card -> assertThat(card.fields().values()).noneMatch(v -> v.contains("CANARY"))));
    }

    // --- fixtures -----------------------------------------------------------------------

    private RunProgress run(boolean dryRun) {
        RunProgress progress = new RunProgress(store.lastCompleteReadCount());
        outcome = pipeline.run(++runId, dryRun, progress);
        return progress;
    }

    private static Set<String> others(Set<String> department, String viewer) {
        Set<String> others = new HashSet<>(department);
        others.remove(viewer);
        return others;
    }

    private static DirectoryEntry person(String id, String given, String surname, String department, String mobile) {
        DirectoryEntry.Builder entry = DirectoryEntry.builder("uid=" + id + ",ou=people,dc=example,dc=org")
                .id(id)
                .add(PersonField.GIVEN_NAME, given)
                .add(PersonField.SURNAME, surname)
                .add(PersonField.DISPLAY_NAME, given + " " + surname)
                .add(PersonField.DEPARTMENT, department)
                .add(PersonField.LOCATION, "Berlin")
                .add(PersonField.EMPLOYEE_TYPE, "employee")
                .add(PersonField.TITLE, "CANARY-TITLE")
                .add(PersonField.MAIL, "canary." + id + "@example.org")
                .add(PersonField.WORK_PHONE, "030 12345678");
        if (mobile != null) {
            entry.add(PersonField.MOBILE, mobile);
        }
        return entry.build();
    }

    /** A directory held in a list that a test edits between runs, and can make fail part-way. */
    static final class ListDirectorySource implements DirectorySource {
        private final Map<String, DirectoryEntry> entries = new LinkedHashMap<>();
        private int failAfter = -1;
        private String problem = "";

        void put(DirectoryEntry entry) {
            entries.put(entry.ids().get(0), entry);
        }

        /** Adds an entry under a key of its own, so two entries may carry the same identity. */
        void putAs(String key, DirectoryEntry entry) {
            entries.put(key, entry);
        }

        void remove(String id) {
            entries.remove(id);
        }

        /** The next reads hand over this many entries, then stop with the problem. */
        void failAfter(int handedOver, String why) {
            failAfter = handedOver;
            problem = why;
        }

        /**
         * Reads hand a {@link DirectorySource.Receiver} each entry's content digest, as the LDAP
         * source does, and entries the receiver holds unmapped.
         */
        ListDirectorySource digestingContent() {
            digestsContent = true;
            return this;
        }

        private boolean digestsContent;
        /** Entries a receiver was handed mapped, or asked to have mapped. */
        final AtomicLong mapped = new AtomicLong();

        @Override
        public ReadSummary readAll(Consumer<DirectoryEntry> sink) {
            long handed = 0;
            for (DirectoryEntry entry : List.copyOf(entries.values())) {
                if (handed == failAfter) {
                    return ReadSummary.incomplete(handed, problem);
                }
                sink.accept(entry);
                handed++;
            }
            return ReadSummary.complete(handed);
        }

        @Override
        public ReadSummary readAll(Receiver receiver) {
            if (!digestsContent) {
                return readAll(entry -> {
                    mapped.incrementAndGet();
                    receiver.entry(entry, null);
                });
            }
            long handed = 0;
            for (DirectoryEntry entry : List.copyOf(entries.values())) {
                if (handed == failAfter) {
                    return ReadSummary.incomplete(handed, problem);
                }
                byte[] content = contentDigest(entry);
                String id = entry.ids().size() == 1 ? entry.ids().get(0).strip() : null;
                int handle = id == null ? Receiver.NOT_HELD : receiver.holds(id, content);
                if (handle >= 0) {
                    receiver.held(handle, content, () -> {
                        mapped.incrementAndGet();
                        return entry;
                    });
                } else {
                    mapped.incrementAndGet();
                    receiver.entry(entry, content);
                }
                handed++;
            }
            return ReadSummary.complete(handed);
        }

        /** The entry's content as a source would digest it: everything it holds. */
        private static byte[] contentDigest(DirectoryEntry entry) {
            try {
                return MessageDigest.getInstance("SHA-256")
                        .digest(entry.toString().getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void checkReachable() {
        }
    }

    /** One call of {@link ContactPlatform#deliver}. */
    record Delivery(String viewerId, List<ContactChange> changes) {
    }

    /** A platform that keeps every call and, like a phone, each viewer's resulting contact list. */
    static final class RecordingContactPlatform implements ContactPlatform {
        private final List<Delivery> calls = new ArrayList<>();
        private final Map<String, Map<String, ContactCard>> phones = new TreeMap<>();
        private final List<ContactCard> everyCardSent = new ArrayList<>();
        private final Set<String> refused = new HashSet<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void deliver(String viewerId, List<PlannedChange> planned) throws DeliveryException {
            if (refused.contains(viewerId)) {
                throw new DeliveryException("viewer " + viewerId + " is not reachable", null);
            }
            List<ContactChange> changes = planned.stream().map(PlannedChange::change).toList();
            calls.add(new Delivery(viewerId, List.copyOf(changes)));
            Map<String, ContactCard> phone = phones.computeIfAbsent(viewerId, v -> new TreeMap<>());
            for (ContactChange change : changes) {
                if (change instanceof ContactChange.Add add) {
                    assertThat(phone).as("%s already has %s", viewerId, add.contactId()).doesNotContainKey(add.contactId());
                    phone.put(add.contactId(), add.card());
                    everyCardSent.add(add.card());
                } else if (change instanceof ContactChange.Update update) {
                    assertThat(phone).as("%s has %s to update", viewerId, update.contactId()).containsKey(update.contactId());
                    phone.put(update.contactId(), update.card());
                    everyCardSent.add(update.card());
                } else {
                    assertThat(phone).as("%s has %s to remove", viewerId, change.contactId()).containsKey(change.contactId());
                    phone.remove(change.contactId());
                }
            }
        }

        void refuse(String viewerId) {
            refused.add(viewerId);
        }

        void accept(String viewerId) {
            refused.remove(viewerId);
        }

        void forgetCalls() {
            calls.clear();
        }

        List<Delivery> calls() {
            return List.copyOf(calls);
        }

        List<ContactChange> changesTo(String viewerId) {
            return calls.stream().filter(c -> c.viewerId().equals(viewerId)).flatMap(c -> c.changes().stream()).toList();
        }

        Map<String, ContactCard> contactsOf(String viewerId) {
            return Map.copyOf(phones.getOrDefault(viewerId, Map.of()));
        }

        Map<String, Map<String, ContactCard>> allContactLists() {
            Map<String, Map<String, ContactCard>> copy = new TreeMap<>();
            phones.forEach((viewer, phone) -> copy.put(viewer, Map.copyOf(phone)));
            return copy;
        }

        Set<String> viewers() {
            Set<String> viewers = new HashSet<>(phones.keySet());
            calls.forEach(c -> viewers.add(c.viewerId()));
            return viewers;
        }

        Set<String> allContactIds() {
            Set<String> ids = new HashSet<>();
            phones.values().forEach(phone -> ids.addAll(phone.keySet()));
            everyCardSent.forEach(card -> ids.add(card.contactId()));
            return ids;
        }

        List<ContactCard> allCards() {
            return List.copyOf(everyCardSent);
        }
    }
}
