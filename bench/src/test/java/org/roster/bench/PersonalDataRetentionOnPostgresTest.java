package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.roster.policy.PolicyEvaluator;
import org.roster.sync.RunProgress;
import org.roster.sync.SyncPipeline;
import org.roster.testing.MovableClock;

/**
 * What the database keeps of a person, asked of the real schema on a real PostgreSQL: the outbox
 * is a queue that holds released fields only until they are delivered, and once the policy's
 * personal-data retention has passed after someone left, their number and name are in no table.
 */
class PersonalDataRetentionOnPostgresTest {

    private static final String LEAVERS_NUMBER = "15198765432";
    private static final String LEAVERS_SURNAME = "Quistorp";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase("retention", clock);

    private final Directory directory = new Directory();
    private String url;
    private RosterDatabase db;
    private SyncPipeline pipeline;

    @BeforeEach
    void threeColleaguesInFinance() throws Exception {
        db = database.db();
        url = database.url();
        // the default policy: the same department's colleagues, personal data kept 30 days after leaving
        pipeline = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(Policies.bundled("default")), db.store, new RecordedContactPlatform(), db.audit,
                clock);
        directory.put("p1", "Ana", "Ruiz", "0151 11111111");
        directory.put("p2", "Ben", "Okafor", "0151 22222222");
        directory.put("p3", "Carla", LEAVERS_SURNAME, "0151 98765432");
    }

    @Test
    void theOutboxKeepsNoReleasedFieldsOnceARunHasEnded() throws Exception {
        run();

        assertThat(db.store.deliveredFingerprints("p1")).containsOnlyKeys("p2", "p3");
        assertThat(db.count("outbox")).as("the run's changes, delivered and dropped from the queue").isZero();
        assertThat(tablesHolding(LEAVERS_NUMBER)).as("a colleague's number is held where the policy needs it")
                .containsOnlyKeys("employee", "delivered_contact");
    }

    @Test
    void aPurgedLeaversNumberAndNameAreInNoTableOfTheDatabase() throws Exception {
        run();
        directory.remove("p3");
        run();
        assertThat(db.store.deliveredFingerprints("p1")).as("the leaver was taken from every viewer")
                .containsOnlyKeys("p2");
        assertThat(tablesHolding(LEAVERS_NUMBER)).as("within the retention period a leaver's record is kept")
                .containsOnlyKeys("employee");

        clock.advance(Duration.ofDays(31));
        run();

        assertThat(tablesHolding(LEAVERS_NUMBER)).as("tables holding the leaver's number").isEmpty();
        assertThat(tablesHolding(LEAVERS_SURNAME)).as("tables holding the leaver's name").isEmpty();
        assertThat(tablesHolding("Okafor")).as("a colleague who stayed is still held")
                .containsOnlyKeys("employee", "delivered_contact");
    }

    private void run() {
        long runId = db.startRun("default");
        SyncPipeline.Outcome outcome = pipeline.run(runId, false, new RunProgress(0));
        db.finishRun(runId, outcome.sourceComplete());
    }

    /**
     * Every table of the schema with the number of its rows in which any column, read as text,
     * contains {@code text}: the whole database is asked, not the tables a test expects to matter.
     */
    private Map<String, Long> tablesHolding(String text) throws Exception {
        Map<String, Long> found = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, BenchPostgres.USER, BenchPostgres.PASSWORD)) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select table_name from "
                    + "information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).as("the schema's tables").contains("employee", "outbox", "delivered_contact",
                    "delivery", "audit_record", "source_record");
            for (String table : tables) {
                // a row read as text holds every column's value
                try (PreparedStatement query = connection.prepareStatement("select count(*) from \"" + table
                        + "\" t where t::text like ?")) {
                    query.setString(1, "%" + text + "%");
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.put(table, rows.getLong(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** A directory of a few entries in the demo's shape, read in full. */
    private static final class Directory implements DirectorySource {
        private final Map<String, DirectoryEntry> entries = new LinkedHashMap<>();

        void put(String id, String givenName, String surname, String mobile) {
            entries.put(id, DirectoryEntry.builder("uid=" + id + ",ou=people,dc=example,dc=org").id(id)
                    .add(PersonField.GIVEN_NAME, givenName).add(PersonField.SURNAME, surname)
                    .add(PersonField.DEPARTMENT, "Finance").add(PersonField.MOBILE, mobile).build());
        }

        void remove(String id) {
            entries.remove(id);
        }

        @Override
        public ReadSummary readAll(Consumer<DirectoryEntry> sink) {
            entries.values().forEach(sink);
            return ReadSummary.complete(entries.size());
        }

        @Override
        public void checkReachable() {
        }
    }
}
