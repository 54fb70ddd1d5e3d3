package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roster.records.NewRun;
import org.roster.records.RunRecord;
import org.roster.records.RunStatus;
import org.roster.records.ScheduleRecord;
import org.roster.schedule.Schedule;
import org.roster.store.JpaRunLog;
import org.roster.store.JpaRuns;
import org.roster.store.JpaSchedules;
import org.roster.sync.Lease;
import org.roster.sync.RunProgress;

/**
 * The runs' and schedules' ports on a real PostgreSQL: what the application starts, decides and
 * fires runs with, in the statements it has always used (an advisory lock, {@code FOR UPDATE SKIP
 * LOCKED}, native time parameters).
 */
class JpaRunsOnPostgresTest {

    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase("runs");

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private RosterDatabase db;
    private JpaRuns runs;
    private JpaSchedules schedules;

    @BeforeEach
    void anEmptyDatabase() throws Exception {
        db = DATABASE.db();
        runs = db.runs();
        schedules = db.schedules();
    }

    private long start(String startedBy, Instant scheduledFor) {
        return db.inTransaction(() -> {
            runs.awaitTurnToStart();
            return runs.create(new NewRun("manual", false, "default", "recorded", startedBy, "server-a", NOW,
                    scheduledFor));
        });
    }

    /** Halts the run for approval, as a run whose plan removes too many does. */
    private void halt(long runId) {
        JpaRunLog log = db.runStores().runLog();
        log.carrying(new Lease(runId, 0)).awaitApproval(runId, 10, "too many removals");
    }

    private RunRecord find(long runId) {
        return db.inTransaction(() -> runs.find(runId)).orElseThrow();
    }

    @Test
    void aStartedRunIsOpenRunningAndCarriedByTheServerThatStartedIt() {
        assertThat(db.inTransaction(() -> runs.anyOpen())).isFalse();

        long id = start("admin", null);

        assertThat(db.inTransaction(() -> runs.anyOpen())).isTrue();
        assertThat(db.inTransaction(() -> runs.open())).contains(id);
        RunRecord run = db.inTransaction(() -> runs.allOpen()).get(0);
        assertThat(run.id()).isEqualTo(id);
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.owner()).isEqualTo("server-a");
        assertThat(run.startedBy()).isEqualTo("admin");
        assertThat(run.epoch()).isZero();
    }

    @Test
    void aNewRunSupersedesTheRunsAwaitingApprovalAndNoOther() {
        long halted = start("admin", null);
        halt(halted);

        List<Long> superseded = db.inTransaction(() -> runs.supersedeAwaiting("replanned", NOW));

        assertThat(superseded).containsExactly(halted);
        RunRecord run = find(halted);
        assertThat(run.status()).isEqualTo(RunStatus.REJECTED);
        assertThat(run.error()).isEqualTo("replanned");
        assertThat(run.decidedBy()).isEqualTo("system");
        assertThat(db.inTransaction(() -> runs.supersedeAwaiting("again", NOW))).isEmpty();
    }

    @Test
    void anApprovedRunRunsAgainCarriedByTheApprovingServer() {
        long halted = start("admin", null);
        halt(halted);

        db.inTransaction(() -> {
            assertThat(runs.findToDecide(halted).orElseThrow().status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
            runs.decide(halted, true, "admin2", null, "server-b", NOW);
            return null;
        });

        RunRecord run = find(halted);
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.owner()).isEqualTo("server-b");
        assertThat(run.decidedBy()).isEqualTo("admin2");
        assertThat(run.finishedAt()).isNull();
    }

    @Test
    void theRunAScheduleStartedIsFoundByItsFireTime() {
        Instant fireTime = NOW.minusSeconds(60);
        long id = start("system", fireTime);

        assertThat(db.inTransaction(() -> runs.scheduledFor(fireTime))).contains(id);
        assertThat(db.inTransaction(() -> runs.scheduledFor(fireTime.plusSeconds(1)))).isEmpty();
    }

    @Test
    void aCompletedRunsWatermarkIsReadOnlyUntilAFullReadIsDue() {
        long first = start("admin", null);
        RunProgress progress = new RunProgress(0);
        progress.watermarks(Map.of("corp", "20260101000000Z"));
        progress.stage(RunProgress.Stage.DONE);
        JpaRunLog log = db.runStores().runLog();
        log.saveProgress(first, progress);
        log.finish(first, RunStatus.COMPLETED, true, null);
        long next = start("admin", null);

        Instant startedAt = find(first).startedAt();
        assertThat(db.inTransaction(() -> runs.lastSafeWatermarks(next, Duration.ofDays(7), startedAt.plusSeconds(60))))
                .containsExactly(Map.entry("corp", "20260101000000Z"));
        assertThat(db.inTransaction(() -> runs.lastSafeWatermarks(next, Duration.ofDays(7), startedAt.plus(
                Duration.ofDays(8))))).isEmpty();
        assertThat(db.inTransaction(() -> runs.lastSafeWatermarks(first, Duration.ofDays(7), startedAt)))
                .isEmpty();
        assertThat(db.inTransaction(() -> runs.lastCompleted()).map(RunRecord::id)).contains(first);
    }

    @Test
    void theLatestRunsAreListedNewestFirst() {
        long first = start("admin", null);
        db.runStores().runLog().finish(first, RunStatus.COMPLETED, true, null);
        long second = start("admin", null);

        assertThat(db.runReports().latest(10)).extracting(RunRecord::id).containsExactly(second, first);
        assertThat(db.runReports().latest(1)).extracting(RunRecord::id).containsExactly(second);
    }

    @Test
    void aScheduleIsDueAtItsNextFireTimeAndFiringMovesItOn() {
        ScheduleRecord set = db.inTransaction(() -> schedules.set("corp", Schedule.interval("PT1H"), ZoneOffset.UTC,
                "admin", NOW));
        assertThat(set.nextFireAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(db.inTransaction(() -> schedules.due(NOW.plusSeconds(3599)))).isEmpty();
        Instant due = NOW.plus(Duration.ofHours(1));
        assertThat(db.inTransaction(() -> schedules.due(due))).containsExactly("corp");

        long run = start("system", due);
        ScheduleRecord fired = db.inTransaction(() -> {
            Instant fireTime = schedules.claimDue("corp", due).orElseThrow();
            return schedules.fired("corp", fireTime, run, due);
        });

        assertThat(fired.lastFiredAt()).isEqualTo(due);
        assertThat(fired.lastRunId()).isEqualTo(run);
        assertThat(fired.nextFireAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(db.inTransaction(() -> schedules.claimDue("corp", due))).isEmpty();
    }

    @Test
    void aSwitchedOffScheduleIsKeptButNeverDue() {
        db.inTransaction(() -> schedules.set("corp", Schedule.interval("PT1H"), ZoneOffset.UTC, "admin", NOW));

        Optional<ScheduleRecord> off = db.inTransaction(() -> schedules.disable("corp", "admin2", NOW));

        assertThat(off).hasValueSatisfying(s -> {
            assertThat(s.enabled()).isFalse();
            assertThat(s.updatedBy()).isEqualTo("admin2");
        });
        assertThat(db.inTransaction(() -> schedules.due(NOW.plus(Duration.ofDays(1))))).isEmpty();
        assertThat(db.inTransaction(() -> schedules.all())).extracting(ScheduleRecord::source).containsExactly("corp");
        assertThat(db.inTransaction(() -> schedules.disable("hr", "admin2", NOW))).isEmpty();
    }

    @Test
    void seedingLeavesASourcesOwnScheduleAlone() {
        db.inTransaction(() -> schedules.set("corp", Schedule.interval("PT6H"), ZoneOffset.UTC, "admin", NOW));

        boolean seeded = db.inTransaction(() -> schedules.seed("corp", Schedule.interval("PT1H"), ZoneOffset.UTC,
                "system", NOW));

        assertThat(seeded).isFalse();
        assertThat(db.inTransaction(() -> schedules.find("corp"))).map(ScheduleRecord::expression).contains("PT6H");
        assertThat(db.inTransaction(() -> schedules.seed("hr", Schedule.interval("PT1H"), ZoneOffset.UTC, "system",
                NOW))).isTrue();
    }
}
