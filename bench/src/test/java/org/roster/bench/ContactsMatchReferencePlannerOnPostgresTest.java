package org.roster.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.roster.audit.AuditLog;
import org.roster.policy.Person;
import org.roster.store.JpaStateStore;
import org.roster.sync.ContactCard;
import org.roster.sync.ReferenceCase;
import org.roster.sync.StateStore;

/**
 * The connector's random cases ({@link ReferenceCase}) on the store that ships: Roster's JPA store
 * on a real PostgreSQL, each case on a database of its own. What the in-memory store shows for many
 * cases holds here for a handful (three of each way of reading), through the database's own
 * paging, ordering and set-based statements.
 */
class ContactsMatchReferencePlannerOnPostgresTest {

    private static final long FIRST_SEED = 20_261_207L;
    private static final int CASES = 9;

    private static BenchPostgres pg;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = BenchPostgres.start(Path.of("target", "reference-pg").toAbsolutePath());
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyViewersContactsAreWhatTheReferencePlannerGrantsOnTheJpaStore() {
        return LongStream.range(FIRST_SEED, FIRST_SEED + CASES).mapToObj(seed -> DynamicTest.dynamicTest(
                "seed " + seed + " (" + ReferenceCase.readingOf(seed) + ")", () -> check(seed)));
    }

    private static void check(long seed) throws Exception {
        String database = "reference_" + ++databases;
        try (OnPostgres target = new OnPostgres(pg.createDatabase(database), pg.url(database))) {
            ReferenceCase.check(seed, target);
        } finally {
            pg.dropDatabase(database);
        }
    }

    /** One case's database: the application's schema and store, and a connection to look at it. */
    private static final class OnPostgres implements ReferenceCase.Target, AutoCloseable {
        private final RosterDatabase db;
        private final Connection connection;

        OnPostgres(String storeUrl, String url) throws SQLException {
            db = new RosterDatabase(storeUrl, Clock.systemUTC());
            connection = DriverManager.getConnection(url, BenchPostgres.USER, BenchPostgres.PASSWORD);
        }

        @Override
        public StateStore store() {
            return db.store;
        }

        @Override
        public AuditLog audit() {
            return db.audit;
        }

        @Override
        public void choose(String employeeId, Person.SelfService choice) {
            try (PreparedStatement upsert = connection.prepareStatement("insert into self_service "
                    + "(employee_id, opted_out, opted_in, updated_at) values (?, ?, ?, now()) on conflict "
                    + "(employee_id) do update set opted_out = excluded.opted_out, opted_in = excluded.opted_in, "
                    + "updated_at = excluded.updated_at")) {
                upsert.setString(1, employeeId);
                upsert.setBoolean(2, choice.optedOut());
                upsert.setBoolean(3, choice.optedIn());
                upsert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the choice of " + employeeId, e);
            }
        }

        @Override
        public long startRun() {
            return db.startRun("reference");
        }

        @Override
        public void finishRun(long runId) {
            db.finishRun(runId, true);
        }

        @Override
        public Map<String, Map<String, ContactCard>> delivered() {
            Map<String, Map<String, ContactCard>> delivered = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select viewer_id, contact_id, fields, rule_id from delivered_contact");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    delivered.computeIfAbsent(rows.getString(1), v -> new TreeMap<>()).put(rows.getString(2),
                            new ContactCard(rows.getString(2), JpaStateStore.fromJson(rows.getString(3)),
                                    rows.getString(4)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the delivered contacts", e);
            }
            return delivered;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
            db.close();
        }
    }
}
