package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.ScopeDecision;
import org.roster.sync.QualityReport;
import org.roster.sync.RunProgress;
import org.roster.sync.SyncPipeline;

/**
 * A run's data-quality report and the decisions about shared numbers on the store that ships: the
 * counts are made by the database in one statement, and the sharers found by grouping the
 * directory there, so this is where they must be right.
 */
class DataQualityOnPostgresTest {

    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase("quality");

    private RosterDatabase db;
    private final List<DirectoryEntry> directory = new ArrayList<>();

    @BeforeEach
    void aCompanyWithUntidyData() throws Exception {
        db = DATABASE.db();
        directory.add(person("f1", "Finance", "0151 11111111"));       // no country code: region guessed
        directory.add(person("f2", "Finance", "+49 151 22222222"));
        directory.add(person("f3", "Finance", "0049 151 22222222"));   // f2's number
        directory.add(person("f4", "Finance", null));                  // no mobile
        directory.add(person("s1", "Sales", "+49 160 1111111"));
        directory.add(person("s2", "Sales", "12"));                    // not a number: rejected
        directory.add(person("s3", "Sales", "+49 160 3333333"));
    }

    @Test
    void theDatabaseCountsSharedInvalidMissingAndGuessedNumbersAndRejectionsByDepartment() {
        long run = run();

        QualityReport report = db.store.quality(run).orElseThrow();

        assertThat(report.counts()).containsExactly(
                new QualityReport.Count("", "directory", 0, 0, 1, 0, 0, 1),
                new QualityReport.Count("Finance", "directory", 4, 2, 0, 1, 1, 0),
                new QualityReport.Count("Sales", "directory", 2, 0, 0, 0, 0, 0));
        assertThat(report.sharedNumbers()).containsExactly(new QualityReport.SharedNumber(2, List.of("f2", "f3")));
    }

    @Test
    void sharersAreDeliveredToNobodyNamingTheRuleUntilTheDirectoryGivesTheNumberToOne() {
        long first = run();
        assertThat(decision("f2")).isEqualTo(Policy.SHARED_NUMBERS_RULE + ": shares its mobile number with f3; "
                + "receives colleagues but is delivered to nobody until the directory gives it to one person");
        assertThat(db.store.isDeliverable("f2")).isFalse();
        assertThat(db.store.isDeliverable("f1")).isTrue();

        directory.set(2, person("f3", "Finance", "+49 151 33333333"));
        long second = run();

        assertThat(db.store.isDeliverable("f2")).isTrue();
        assertThat(decision("f2")).isEqualTo("all-scope-rules-passed: null");
        assertThat(db.store.quality(second).orElseThrow().sharedNumbers()).isEmpty();
        assertThat(db.store.quality(first).orElseThrow().sharedNumbers()).as("the first run's report stays")
                .hasSize(1);
    }

    @Test
    void aRunThatReadsEveryEntryAsBeforeCountsWhatTheStoredDirectoryHolds() {
        long first = run();
        long second = run();

        assertThat(db.store.quality(second).orElseThrow().counts())
                .isEqualTo(db.store.quality(first).orElseThrow().counts());
    }

    private String decision(String id) {
        return db.store.stored(List.of(id)).stream().findFirst().map(s -> s.scope().ruleId() + ": "
                + (s.scope() instanceof ScopeDecision.ViewerOnly only ? only.reason() : "null"))
                .orElseThrow();
    }

    private long run() {
        long run = db.startRun("default");
        DirectorySource source = new DirectorySource() {
            @Override
            public ReadSummary readAll(Consumer<DirectoryEntry> sink) {
                directory.forEach(sink);
                return ReadSummary.complete(directory.size());
            }

            @Override
            public void checkReachable() {
            }
        };
        SyncPipeline pipeline = new SyncPipeline(source, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(Policies.bundled("default")), db.store, new RecordedContactPlatform(), db.audit,
                Clock.systemUTC());
        pipeline.run(run, false, new RunProgress(db.store.lastCompleteReadCount()));
        db.finishRun(run, true);
        return run;
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
