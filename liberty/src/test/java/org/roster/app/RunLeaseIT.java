package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Two Roster servers on one PostgreSQL carry one run between them. Server A starts it; while A
 * delivers, it is paused with SIGSTOP (between two batches, or inside one, holding the batch's
 * rows), server B takes the run over once A has been quiet for {@code roster.run.stale-after}, and
 * A goes on with SIGCONT; or A is stopped with SIGTERM and hands the run back. Each time every
 * planned change reaches the platform (a journal both servers share, which applies a key once)
 * exactly once and is recorded as delivered once, the run ends once, with B's counts, and A writes
 * nothing to the run once it no longer holds its lease. A trigger in the test's database records
 * which server's connection changed the run, and at which epoch.
 */
class RunLeaseIT {

    /** Where server A is when it is paused. */
    enum Pause { BETWEEN_BATCHES, INSIDE_A_BATCH }

    private static long count(JsonObject run, String name) {
        return run.getJsonObject("counts").getJsonNumber(name).longValue();
    }

    private static JsonObject awaitRun(RosterApi api, String what, Predicate<JsonObject> state) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        await(what).atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
            last.set(api.get("api/runs/1").object());
            return state.test(last.get());
        });
        return last.get();
    }

    @Test
    void aServerPausedInsideABatchWritesNothingToTheRunAnotherServerTookOver() throws Exception {
        pausedWhileDelivering(Pause.INSIDE_A_BATCH);
    }

    @Test
    void aServerPausedBetweenBatchesWritesNothingToTheRunAnotherServerTookOver() throws Exception {
        pausedWhileDelivering(Pause.BETWEEN_BATCHES);
    }

    private static void pausedWhileDelivering(Pause pause) throws Exception {
        try (Servers servers = new Servers("lease-" + pause.name().toLowerCase(Locale.ROOT).replace('_', '-'), "PT20S");
             Connection db = servers.database()) {
            RosterApi api = servers.b.api();
            awaitRun(api, "run 1 delivers", r -> "delivering".equals(r.getString("stage")) && count(r, "delivered") > 0);

            pauseA(servers, db, pause);
            await("server-b takes run 1 over").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "server-b".equals(api.get("api/runs/1").object().getString("server")));
            if (pause == Pause.BETWEEN_BATCHES) {
                // B ends the run before A wakes: A's next write would otherwise overwrite B's counts
                awaitRun(api, "server-b completes run 1", r -> "COMPLETED".equals(r.getString("status")));
            }
            servers.a.resume();

            JsonObject done = awaitRun(api, "run 1 ends", r -> !Set.of("QUEUED", "RUNNING").contains(r.getString("status")));
            await("server-a says it lost run 1").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> servers.a.log().contains("Run 1 is no longer carried by this server"));
            assertThat(servers.a.log()).doesNotContain("Run 1 failed")
                    .as("an expected event, not an incident").doesNotContain("Incident has been created: \"org.roster.sync.LeaseLost");

            servers.assertDeliveredOnceByB(done);
            assertThat(servers.runWrites(db)).as("changes to run 1 by server-a's connections")
                    .filteredOn(w -> w.startsWith("roster-a ")).allMatch(w -> w.contains(" epoch 0 "));
        }
    }

    @Test
    void aServerStoppedWithSigtermHandsItsRunBackAndAnotherGoesOnAtOnce() throws Exception {
        // ten minutes: a run taken over within the test's deadline was handed back, not found quiet
        try (Servers servers = new Servers("lease-sigterm", "PT10M"); Connection db = servers.database()) {
            RosterApi api = servers.b.api();
            awaitRun(api, "run 1 delivers", r -> "delivering".equals(r.getString("stage")) && count(r, "delivered") > 0);

            // what the server logs while its JVM exits may be lost with the JVM's logging: the
            // database, not the log, shows the run handed back (below)
            servers.a.terminate();

            JsonObject done = awaitRun(api, "server-b completes run 1", r -> "COMPLETED".equals(r.getString("status")));
            servers.assertDeliveredOnceByB(done);
            List<String> byA = servers.runWrites(db).stream().filter(w -> w.startsWith("roster-a ")).toList();
            assertThat(byA.subList(0, byA.size() - 1)).as("server-a's changes to run 1 before it stopped")
                    .allMatch(w -> w.contains(" epoch 0 "));
            assertThat(byA.get(byA.size() - 1)).as("server-a's last change: it handed the run back")
                    .isEqualTo("roster-a epoch 1 owner none RUNNING");
        }
    }

    /**
     * Pauses server A where asked: once it is stopped and none of its statements is still running,
     * it either holds rows of the outbox (inside a batch) or not (between batches). When it is not
     * where it should be, it goes on and is paused again.
     */
    private static void pauseA(Servers servers, Connection db, Pause where) {
        await("server-a paused " + where).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    servers.a.pause();
                    await("server-a's statements end").atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(20)).until(() -> activeStatementsOfA(db) == 0);
                    if ((heldRows(db) > 0) == (where == Pause.INSIDE_A_BATCH)) {
                        return true;
                    }
                    servers.a.resume();
                    return false;
                });
    }

    private static long activeStatementsOfA(Connection db) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("select count(*) from "
                + "pg_stat_activity where application_name = 'roster-a' and state = 'active'")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** How many pending changes of run 1 another transaction holds: the rows a batch took. */
    private static long heldRows(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("select "
                + "(select count(*) from outbox where run_id = 1 and state = 'PENDING') - (select count(*) from "
                + "(select id from outbox where run_id = 1 and state = 'PENDING' for update skip locked) free)")) {
            row.next();
            return row.getLong(1);
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    /** Server A, which starts run 1 at its start, and server B, on one database and one journal. */
    private static final class Servers implements AutoCloseable {

        final LibertyProcess a;
        final LibertyProcess b;
        private final String url;
        private final Path journal;

        Servers(String name, String staleAfter) throws Exception {
            String admin = System.getProperty("it.db.url");
            String database = name.replace('-', '_');
            try (Connection db = DriverManager.getConnection(admin, "roster", "roster"); Statement sql = db.createStatement()) {
                sql.execute("drop database if exists " + database);
                sql.execute("create database " + database);
            }
            url = admin.substring(0, admin.lastIndexOf('/')) + "/" + database;
            journal = Path.of("target", name + "-deliveries.jsonl").toAbsolutePath();
            Files.deleteIfExists(journal);
            Map<String, String> shared = Map.of(
                    "ROSTER_DEMO_SIZE", "400",
                    "ROSTER_SCHEDULE", "none",
                    "ROSTER_SCHEDULE_POLL", "PT0.2S",
                    "ROSTER_RUN_STALE_AFTER", staleAfter,
                    "ROSTER_DELIVERY_PLATFORM", "journal",
                    "ROSTER_DELIVERY_JOURNAL", journal.toString(),
                    // two test servers on a database of their own, signing in demo users
                    "ROSTER_AUTH_ALLOW_DEMO", "true");
            b = LibertyProcess.create(name + "-b", with(shared, "b", false));
            a = LibertyProcess.create(name + "-a", with(shared, "a", true));
            try {
                b.launch();
                a.launch();
                b.awaitAnswer();
                a.awaitAnswer();
                recordRunWrites();
            } catch (RuntimeException | SQLException e) {
                close();
                throw e;
            }
        }

        /**
         * Has the database record every change to a run: whose connection made it, and the epoch,
         * owner and status it left. It is in place while server-a's run still plans or delivers.
         */
        private void recordRunWrites() throws SQLException {
            try (Connection db = database(); Statement sql = db.createStatement()) {
                sql.execute("create table run_write (id bigserial primary key, line text not null)");
                sql.execute("create function record_run_write() returns trigger language plpgsql as $$ begin "
                        + "insert into run_write (line) values (current_setting('application_name') || ' epoch ' "
                        + "|| new.epoch || ' owner ' || coalesce(new.owner, 'none') || ' ' || new.status); "
                        + "return new; end $$");
                sql.execute("create trigger run_written after update on sync_run for each row "
                        + "execute function record_run_write()");
            }
        }

        private Map<String, String> with(Map<String, String> shared, String server, boolean startsTheRun) {
            Map<String, String> env = new HashMap<>(shared);
            env.put("ROSTER_SERVER_ID", "server-" + server);
            // each server's connections name it, so the database tells whose statement is whose
            env.put("ROSTER_DB_URL", url + "?ApplicationName=roster-" + server);
            env.put("ROSTER_SYNC_ON_START", Boolean.toString(startsTheRun));
            // server A delivers in small, paced batches, so that it is caught in the middle; server B
            // delivers what it takes over in the usual batches, unpaced, so the run ends soon after
            env.put("ROSTER_DELIVERY_BATCH_SIZE", startsTheRun ? "20" : "200");
            env.put("ROSTER_DELIVERY_PAUSE_MILLIS", startsTheRun ? "50" : "0");
            env.put("ROSTER_DEMO_LDAP_PORT", Integer.toString(LibertyProcess.freePort()));
            env.put("ROSTER_DB_EMBEDDED_PORT", Integer.toString(LibertyProcess.freePort()));
            return env;
        }

        Connection database() throws SQLException {
            return DriverManager.getConnection(url, "roster", "roster");
        }

        /** Every change to run 1 in the order made: whose connection, and what it left. */
        List<String> runWrites(Connection db) throws SQLException {
            List<String> lines = new ArrayList<>();
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
                    "select line from run_write order by id")) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return lines;
        }

        /**
         * The run ended once, as server-b completed it with every planned change delivered; the
         * journal holds each change once, and so does the database's record of deliveries.
         */
        void assertDeliveredOnceByB(JsonObject done) throws Exception {
            assertThat(done.getString("status")).as("%s", done).isEqualTo("COMPLETED");
            assertThat(done.getString("server")).isEqualTo("server-b");
            long planned = count(done, "added");
            assertThat(planned).as("a first sync of 400 people plans thousands of contacts").isGreaterThan(1000);
            assertThat(count(done, "delivered")).isEqualTo(planned);
            assertThat(count(done, "failed")).isZero();

            List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
            Set<String> keys = new HashSet<>();
            Set<String> contacts = new HashSet<>();
            for (String line : lines) {
                JsonObject change = Json.createReader(new StringReader(line)).readObject();
                assertThat(keys.add(change.getString("key"))).as("applied once: %s", line).isTrue();
                assertThat(contacts.add(change.getString("viewer") + "->" + change.getString("contact")))
                        .as("one add per contact: %s", line).isTrue();
            }
            assertThat(lines).hasSize((int) planned);

            try (Connection db = database(); Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(
                    "select count(*), count(distinct (viewer_id, contact_id)), (select count(*) from delivered_contact) "
                            + "from delivery where run_id = 1")) {
                row.next();
                assertThat(List.of(row.getLong(1), row.getLong(2), row.getLong(3)))
                        .as("deliveries recorded, contacts among them, contacts delivered")
                        .containsExactly(planned, planned, planned);
            }

            List<String> finished = b.api().as("auditor").get("api/audit?run=1").array()
                    .getValuesAs(JsonObject.class).stream().map(r -> r.getString("action"))
                    .filter("run.finished"::equals).toList();
            assertThat(finished).hasSize(1);
        }

        @Override
        public void close() {
            try {
                a.close();
            } finally {
                b.close();
            }
        }
    }
}
