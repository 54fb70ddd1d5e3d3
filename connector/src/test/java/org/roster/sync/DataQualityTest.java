package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.PolicyParser;

/**
 * A run's data-quality report and the policy's decisions about shared mobile numbers, on the
 * in-memory store: what an IT admin reads to know which department's data to fix.
 */
class DataQualityTest {

    private final SyncPipelineTest.ListDirectorySource directory = new SyncPipelineTest.ListDirectorySource();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncPipelineTest.RecordingContactPlatform platform = new SyncPipelineTest.RecordingContactPlatform();
    private long runId;

    @BeforeEach
    void aCompanyWithUntidyData() {
        directory.put(person("f1", "Finance", "0151 11111111"));       // no country code: region guessed
        directory.put(person("f2", "Finance", "+49 151 22222222"));
        directory.put(person("f3", "Finance", "0049 151 22222222"));   // f2's number
        directory.put(person("f4", "Finance", null));                  // no mobile
        directory.put(person("s1", "Sales", "+49 160 1111111"));
        directory.put(person("s2", "Sales", "12"));                    // not a number: rejected
        directory.put(person("s3", "Sales", "+49 160 3333333"));
    }

    @Test
    void aRunCountsSharedInvalidMissingAndGuessedNumbersAndRejectionsByDepartment() {
        run(Policies.bundled("default"));

        QualityReport report = store.quality(runId).orElseThrow();

        assertThat(report.counts()).containsExactly(
                // s2 was never accepted, so its department is not known
                new QualityReport.Count("", "directory", 0, 0, 1, 0, 0, 1),
                new QualityReport.Count("Finance", "directory", 4, 2, 0, 1, 1, 0),
                new QualityReport.Count("Sales", "directory", 2, 0, 0, 0, 0, 0));
        assertThat(report.total()).isEqualTo(new QualityReport.Count("", "", 6, 2, 1, 1, 1, 1));
    }

    @Test
    void theReportNamesTheSharersOfANumberByIdAndNeverTheNumber() {
        run(Policies.bundled("default"));

        QualityReport report = store.quality(runId).orElseThrow();

        assertThat(report.sharedNumbers()).containsExactly(new QualityReport.SharedNumber(2, List.of("f2", "f3")));
        assertThat(report.toString()).doesNotContain("22222222").doesNotContain("+49");
    }

    @Test
    void byDefaultNeitherSharerIsDeliveredButBothStillReceiveAndTheirDecisionNamesTheRule() {
        run(Policies.bundled("default"));

        assertThat(platform.contactsOf("f1")).as("f2 and f3 share a number").isEmpty();
        assertThat(platform.contactsOf("f2").keySet()).containsExactly("f1");
        assertThat(platform.contactsOf("f3").keySet()).containsExactly("f1");
        assertThat(store.row("f2")).hasValueSatisfying(row -> {
            assertThat(row.scopeRule).isEqualTo(Policy.SHARED_NUMBERS_RULE);
            assertThat(row.scopeReason).startsWith("shares its mobile number with f3;");
        });
    }

    @Test
    void onceTheDirectoryGivesTheNumberToOnePersonBothAreDeliveredAgain() {
        run(Policies.bundled("default"));
        directory.put(person("f3", "Finance", "+49 151 33333333"));

        run(Policies.bundled("default"));

        assertThat(platform.contactsOf("f1").keySet()).containsExactlyInAnyOrder("f2", "f3");
        assertThat(store.row("f2")).hasValueSatisfying(row ->
                assertThat(row.scopeRule).isEqualTo("all-scope-rules-passed"));
        assertThat(store.quality(runId).orElseThrow().sharedNumbers()).isEmpty();
        assertThat(store.quality(runId).orElseThrow().total().sharedNumber()).isZero();
    }

    @Test
    void aRunThatReadsEveryEntryAsBeforeReportsWhatTheLastOneDid() {
        run(Policies.bundled("default"));
        QualityReport first = store.quality(runId).orElseThrow();
        long written = store.employeesWritten.get();

        run(Policies.bundled("default"));

        assertThat(store.employeesWritten.get()).as("nothing was decided again").isEqualTo(written);
        assertThat(store.quality(runId).orElseThrow().counts()).isEqualTo(first.counts());
        assertThat(store.quality(runId).orElseThrow().sharedNumbers()).isEqualTo(first.sharedNumbers());
    }

    @Test
    void firstByIdDeliversTheSharerFirstByIdOnly() throws InvalidPolicyException {
        run(withSharedNumbers("firstById"));

        assertThat(platform.contactsOf("s1").keySet()).contains("f2").doesNotContain("f3");
        assertThat(store.row("f2")).hasValueSatisfying(row -> assertThat(row.scopeRule)
                .isEqualTo(Policy.SHARED_NUMBERS_RULE));
        assertThat(store.row("f3")).hasValueSatisfying(row -> assertThat(row.scopeReason)
                .contains("of whom f2 is first by id and keeps it"));
    }

    @Test
    void deliverDeliversEverySharerAndTheReportStillFlagsThem() throws InvalidPolicyException {
        run(withSharedNumbers("deliver"));

        assertThat(platform.contactsOf("s1").keySet()).contains("f2", "f3");
        assertThat(store.row("f3")).hasValueSatisfying(row -> assertThat(row.scopeRule)
                .isEqualTo(Policy.SHARED_NUMBERS_RULE));
        assertThat(store.quality(runId).orElseThrow().total().sharedNumber()).isEqualTo(2);
    }

    @Test
    void changingTheTreatmentTakesEffectAtTheNextRunWithoutAnyEntryChanging() throws InvalidPolicyException {
        run(withSharedNumbers("deliver"));
        assertThat(platform.contactsOf("s1").keySet()).contains("f2", "f3");

        run(withSharedNumbers("withhold"));

        assertThat(platform.contactsOf("s1").keySet()).doesNotContain("f2", "f3").contains("f1");
    }

    @Test
    void aSimulationDecidesAboutSharedNumbersAsARunWould() throws InvalidPolicyException {
        run(Policies.bundled("default"));

        Simulation.Result withheld = Simulation.of(store, withSharedNumbers("withhold")).run(10);
        Simulation.Result delivered = Simulation.of(store, withSharedNumbers("deliver")).run(10);

        assertThat(withheld.byRule()).containsEntry(Policy.SHARED_NUMBERS_RULE, 2L);
        assertThat(delivered.byRule()).containsEntry(Policy.SHARED_NUMBERS_RULE, 2L);
        assertThat(delivered.delivered()).isEqualTo(withheld.delivered() + 2);
    }

    private void run(Policy policy) {
        SyncPipeline pipeline = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(policy), store, platform, new InMemoryAuditLog(),
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));
        pipeline.run(++runId, false, new RunProgress(store.lastCompleteReadCount()));
    }

    private static Policy withSharedNumbers(String treatment) throws InvalidPolicyException {
        return PolicyParser.parse("shared.yaml", """
                policy: shared
                scope:
                  - id: has-mobile
                    require: mobile
                fields: [givenName, mobile]
                visibility:
                  - id: everyone
                    everyone: true
                sharedNumbers: %s
                """.formatted(treatment));
    }

    private static DirectoryEntry person(String id, String department, String mobile) {
        DirectoryEntry.Builder entry = DirectoryEntry.builder("uid=" + id + ",ou=people,dc=example,dc=org")
                .id(id)
                .add(PersonField.GIVEN_NAME, "Given-" + id)
                .add(PersonField.SURNAME, "Surname-" + id)
                .add(PersonField.DEPARTMENT, department);
        if (mobile != null) {
            entry.add(PersonField.MOBILE, mobile);
        }
        return entry.build();
    }
}
