package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;

/**
 * A directory read again without change writes no employee and plans no viewer; every kind of
 * change still reaches the viewers it concerns.
 */
class ChangeDetectionTest {

    final SyncPipelineTest.ListDirectorySource directory = directory();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncPipelineTest.RecordingContactPlatform platform = new SyncPipelineTest.RecordingContactPlatform();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private SyncPipeline pipeline = pipeline("default");
    private long runId;

    /** The directory read: here one whose entries arrive mapped, without content digests. */
    SyncPipelineTest.ListDirectorySource directory() {
        return new SyncPipelineTest.ListDirectorySource();
    }

    @BeforeEach
    void aSmallCompanyAlreadySynced() {
        directory.put(person("f1", "Ana", "Finance", "0151 11111111"));
        directory.put(person("f2", "Ben", "Finance", "0151 22222222"));
        directory.put(person("f3", "Carla", "Finance", "0151 33333333"));
        directory.put(person("s1", "Sven", "Sales", "0160 1111111"));
        directory.put(person("s2", "Sara", "Sales", "0160 2222222"));
        directory.put(person("s3", "Timo", "Sales", "0160 3333333"));
        run();
        platform.forgetCalls();
    }

    @Test
    void anUnchangedRereadWritesNoEmployeeReadsNoDeliveredStateAndDeliversNothing() {
        long written = store.employeesWritten.get();
        long deliveredReads = store.deliveredReads.get();

        RunProgress again = run();

        assertThat(store.employeesWritten.get()).isEqualTo(written);
        assertThat(store.deliveredReads.get()).isEqualTo(deliveredReads);
        assertThat(again.planned()).isZero();
        assertThat(again.gone).hasValue(0);
        assertThat(platform.calls()).isEmpty();
        assertThat(again.percent()).isEqualTo(100);
        assertThat(again.inScope).hasValue(6);
        // everyone was still seen: nobody is taken for gone by the next complete read either
        assertThat(run().gone).hasValue(0);
        assertThat(platform.contactsOf("s1")).containsKeys("s2", "s3");
    }

    @Test
    void anOptOutMadeSinceTheLastRunTakesEffectThoughTheEntryReadsTheSame() {
        store.choose("s3", new Person.SelfService(true, false));

        RunProgress after = run();

        assertThat(after.excluded).hasValue(1);
        assertThat(platform.contactsOf("s1")).containsKey("s2").doesNotContainKey("s3");
        assertThat(platform.contactsOf("s3")).isEmpty();
    }

    @Test
    void aSecondEntryWithTheIdentityOfOneReadUnchangedIsRejectedNamingIt() {
        directory.putAs("s3-again", DirectoryEntry.builder("uid=s3,ou=contractors,dc=example,dc=org").id("s3")
                .add(PersonField.GIVEN_NAME, "Other").add(PersonField.SURNAME, "Person")
                .add(PersonField.DEPARTMENT, "Sales").add(PersonField.MOBILE, "0160 9999999").build());

        RunProgress after = run();

        assertOnlyRejected(after, "uid=s3,ou=contractors,dc=example,dc=org", "uid=s3,ou=people,dc=example,dc=org");
        assertThat(platform.contactsOf("s1").get("s3").fields()).containsEntry(PersonField.MOBILE, "+491603333333");
    }

    @Test
    void aNewEntryWithTheIdentityOfANewOneStoredBatchesEarlierIsRejectedNamingIt() {
        // more new people than one batch holds: the first is stored long before its double is read
        for (int i = 0; i < 1200; i++) {
            // each alone in a department of their own: a small plan
            directory.put(person(String.format("n%04d", i), "New", "Team " + i, String.format("0151 4%07d", i)));
        }
        directory.putAs("n0000-again", DirectoryEntry.builder("uid=n0000,ou=contractors,dc=example,dc=org")
                .id("n0000").add(PersonField.GIVEN_NAME, "Other").add(PersonField.SURNAME, "Person")
                .add(PersonField.DEPARTMENT, "Sales").add(PersonField.MOBILE, "0160 9999999").build());

        RunProgress after = run();

        assertOnlyRejected(after, "uid=n0000,ou=contractors,dc=example,dc=org",
                "uid=n0000,ou=people,dc=example,dc=org");
        assertThat(after.inScope).hasValue(6 + 1200);
        assertThat(store.byReference("uid=n0000,ou=people,dc=example,dc=org")).get()
                .satisfies(n -> assertThat(n.value(PersonField.MOBILE)).contains("+4915140000000"));
        assertThat(store.byReference("uid=n0000,ou=contractors,dc=example,dc=org")).isEmpty();
    }

    @Test
    void anEntryReadUnchangedAfterAChangedOneWithItsIdentityIsRejectedAndTheChangedOneStands() {
        directory.remove("s3");
        directory.putAs("s3-moved", DirectoryEntry.builder("uid=s3,ou=moved,dc=example,dc=org").id("s3")
                .add(PersonField.GIVEN_NAME, "Timo").add(PersonField.SURNAME, "Surname-s3")
                .add(PersonField.DEPARTMENT, "Sales").add(PersonField.EMPLOYEE_TYPE, "employee")
                .add(PersonField.MOBILE, "0160 3333399").build());
        directory.putAs("s3", person("s3", "Timo", "Sales", "0160 3333333"));

        RunProgress after = run();

        assertOnlyRejected(after, "uid=s3,ou=people,dc=example,dc=org", "uid=s3,ou=moved,dc=example,dc=org");
        assertThat(platform.contactsOf("s1").get("s3").fields()).containsEntry(PersonField.MOBILE, "+491603333399");
    }

    @Test
    void anEntryRejectedAndReadAgainUnchangedIsRejectedAgainAsBeforeWithOneLineInTheTrail() {
        directory.put(person("f9", "Ivo", "Finance", "12"));
        RunProgress first = run();
        assertThat(first.rejected).hasValue(1);
        long firstRun = runId;

        RunProgress again = run();
        RunProgress andAgain = run();

        assertThat(again.rejected).hasValue(1);
        assertThat(andAgain.rejected).hasValue(1);
        assertThat(store.rejectedAgain).as("recorded from what was remembered, not normalised again").hasValue(2);
        // each run lists the rejection with its reason, as the first one did
        assertThat(store.rejections()).filteredOn(r -> r.rejection().employeeId().equals(Optional.of("f9")))
                .extracting(InMemoryTables.StoredRejection::runId).containsExactly(firstRun, firstRun + 1,
                        firstRun + 2);
        assertThat(store.rejections()).filteredOn(r -> r.runId() == runId).singleElement()
                .satisfies(r -> assertThat(r.rejection().reason()).isEqualTo(
                        "mobile \"12\" is not a valid number for region DE"));
        assertThat(audit.events()).filteredOn(e -> e.action().equals("entry.rejected")).hasSize(1);
        assertThat(audit.events()).filteredOn(e -> e.action().equals("entries.rejected-again"))
                .hasSize(2).allSatisfy(e -> assertThat(e.detail()).contains("1 entries").doesNotContain("12\""));
        assertThat(platform.allContactIds()).doesNotContain("f9");
    }

    @Test
    void whatARejectedEntryWasRejectedAsIsForgottenWhenACompleteReadNoLongerMeetsIt() {
        directory.put(person("f9", "Ivo", "Finance", "12"));
        run();
        run();
        assertThat(store.rejectedReadIds()).contains("f9");

        directory.failAfter(3, "the server went away");
        run();
        assertThat(store.rejectedReadIds()).as("an incomplete read proves nothing").contains("f9");

        directory.failAfter(-1, "");
        directory.remove("f9");
        run();
        assertThat(store.rejectedReadIds()).doesNotContain("f9");
    }

    @Test
    void aTypoKeepsTheLastGoodNumberRunAfterRunAndItsFixIsAccepted() {
        directory.put(person("f2", "Ben", "Finance", "n/a"));
        run();
        RunProgress again = run();

        assertThat(again.rejected).hasValue(1);
        assertThat(again.gone).hasValue(0);
        assertThat(platform.contactsOf("f1").get("f2").fields()).containsEntry(PersonField.MOBILE, "+4915122222222");
        // nobody unseen by the read: the rejected entry's employee still counts as read
        assertThat(run().gone).hasValue(0);

        directory.put(person("f2", "Ben", "Finance", "0151 22222233"));
        RunProgress fixed = run();

        assertThat(fixed.rejected).hasValue(0);
        assertThat(platform.contactsOf("f1").get("f2").fields()).containsEntry(PersonField.MOBILE, "+4915122222233");
    }

    @Test
    void entriesReadByADifferentlyConfiguredNormaliserAreNormalisedAgain() {
        pipeline = pipeline(new EntryNormaliser(PhoneNumbers.forRegion("DE"),
                EntryNormaliser.regionsByLocation("Wien=AT")));
        directory.put(DirectoryEntry.builder("uid=f4,ou=people,dc=example,dc=org").id("f4")
                .add(PersonField.GIVEN_NAME, "Dora").add(PersonField.SURNAME, "Surname-f4")
                .add(PersonField.DEPARTMENT, "Finance").add(PersonField.LOCATION, "Wien")
                .add(PersonField.MOBILE, "0664 1234567").build());
        run();
        assertThat(platform.contactsOf("f1").get("f4").fields()).containsEntry(PersonField.MOBILE, "+436641234567");

        // Vienna's numbers are now read as German ones: the unchanged entry is normalised again
        pipeline = pipeline(new EntryNormaliser(PhoneNumbers.forRegion("DE")));
        RunProgress after = run();

        assertThat(Optional.ofNullable(platform.contactsOf("f1").get("f4")).map(c -> c.fields()
                .get(PersonField.MOBILE))).isNotEqualTo(Optional.of("+436641234567"));
        assertThat(after.read).hasValue(7);
    }

    @Test
    void aChangedNumberIsStoredAndReachesExactlyTheColleaguesWhoHoldIt() {
        run();
        long written = store.employeesWritten.get();
        directory.put(person("f2", "Ben", "Finance", "0151 22222299"));

        RunProgress changed = run();

        assertThat(store.employeesWritten.get() - written).isEqualTo(1);
        assertThat(changed.updated).hasValue(2);
        assertThat(platform.contactsOf("f1").get("f2").fields()).containsEntry(PersonField.MOBILE, "+4915122222299");
        assertThat(platform.contactsOf("f3").get("f2").fields()).containsEntry(PersonField.MOBILE, "+4915122222299");
        assertThat(platform.calls()).extracting(SyncPipelineTest.Delivery::viewerId).containsOnly("f1", "f3");
    }

    @Test
    void someoneGoneFromACompleteReadIsWithdrawnEvenWhenNobodyElseChanged() {
        run();
        directory.remove("s3");

        RunProgress after = run();

        assertThat(after.gone).hasValue(1);
        assertThat(platform.contactsOf("s1")).doesNotContainKey("s3");
        assertThat(platform.contactsOf("s2")).doesNotContainKey("s3");
    }

    @Test
    void anIncompleteReadOfAnUnchangedDirectoryRemovesNobody() {
        directory.failAfter(2, "the server went away");

        RunProgress partial = run();

        assertThat(partial.sourceComplete()).isFalse();
        assertThat(partial.gone).hasValue(0);
        assertThat(partial.removed).hasValue(0);
        assertThat(platform.contactsOf("s1")).containsKeys("s2", "s3");
    }

    @Test
    void aDeliveryRefusedOnceIsPlannedAgainByTheNextRunThoughTheDirectoryDidNotChange() {
        directory.put(person("f4", "Dora", "Finance", "0151 44444444"));
        platform.refuse("f1");
        run();
        assertThat(platform.contactsOf("f1")).doesNotContainKey("f4");

        platform.accept("f1");
        run();

        assertThat(platform.contactsOf("f1")).containsKey("f4");
    }

    @Test
    void aDryRunsChangeIsStillPlannedByTheNextRealRun() {
        directory.put(person("f2", "Ben", "Finance", "0151 22222299"));
        RunProgress dry = new RunProgress(0);
        pipeline.run(++runId, true, dry);
        assertThat(platform.calls()).isEmpty();

        run();

        assertThat(platform.contactsOf("f1").get("f2").fields()).containsEntry(PersonField.MOBILE, "+4915122222299");
    }

    @Test
    void aPolicyReleasingAnotherFieldReachesEveryViewerOverAnUnchangedDirectory() {
        Policy standard = Policies.bundled("default");
        Set<PersonField> fields = EnumSet.copyOf(standard.fields());
        fields.add(PersonField.DEPARTMENT);
        pipeline = pipeline(new Policy("with-department", "", standard.scope(), fields, standard.visibility()));

        RunProgress replanned = run();

        assertThat(replanned.updated).hasValue(3 * 2 + 3 * 2);
        assertThat(platform.contactsOf("s1").get("s2").fields()).containsEntry(PersonField.DEPARTMENT, "Sales");
    }

    /** The run rejected this entry alone, as a duplicate naming the entry that stands. */
    private void assertOnlyRejected(RunProgress run, String rejected, String standing) {
        assertThat(run.rejected).hasValue(1);
        assertThat(store.rejections()).filteredOn(r -> r.runId() == runId).singleElement()
                .satisfies(r -> {
                    assertThat(r.rejection().reference()).isEqualTo(rejected);
                    assertThat(r.rejection().reason()).contains("which " + standing + " has too");
                });
    }

    private SyncPipeline pipeline(String policy) {
        return pipeline(Policies.bundled(policy));
    }

    private SyncPipeline pipeline(Policy policy) {
        return new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(policy), store, platform, audit, clock);
    }

    private SyncPipeline pipeline(EntryNormaliser normaliser) {
        return new SyncPipeline(directory, normaliser, new PolicyEvaluator(Policies.bundled("default")), store,
                platform, audit, clock);
    }

    RunProgress run() {
        RunProgress progress = new RunProgress(store.lastCompleteReadCount());
        pipeline.run(++runId, false, progress);
        return progress;
    }

    static DirectoryEntry person(String id, String given, String department, String mobile) {
        return DirectoryEntry.builder("uid=" + id + ",ou=people,dc=example,dc=org").id(id)
                .add(PersonField.GIVEN_NAME, given).add(PersonField.SURNAME, "Surname-" + id)
                .add(PersonField.DEPARTMENT, department).add(PersonField.EMPLOYEE_TYPE, "employee")
                .add(PersonField.MOBILE, mobile).build();
    }
}
