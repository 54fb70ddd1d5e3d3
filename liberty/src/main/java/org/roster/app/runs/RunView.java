package org.roster.app.runs;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.roster.records.RunRecord;

/**
 * A run as the API shows it.
 *
 * @param startedBy who started it: a user, or {@code system} for scheduled and start-up runs (null
 *                  for runs from before Roster kept it)
 * @param counts read, rejected, in scope, excluded and gone from the directory; contacts added,
 *               updated and removed across all viewers; changes delivered, and changes the platform
 *               refused (planned again at the next run)
 */
public record RunView(long id, String status, String trigger, String startedBy, boolean dryRun, String stage,
                      int progress, String policy, String platform, Instant startedAt, Instant finishedAt,
                      Boolean sourceComplete, String error, Long removalLimit, String decidedBy, String server,
                      Instant scheduledFor, String readMode, Counts counts, Map<String, Long> telegram) {

    /** The counts of a run. */
    public record Counts(long read, long rejected, long inScope, long excluded, long gone, long added, long updated,
                         long removed, long delivered, long failed) {
    }

    static RunView of(RunRecord run) {
        RunRecord.Counts c = run.counts();
        return new RunView(run.id(), run.status().name(), run.trigger(), run.startedBy(), run.dryRun(),
                run.stage().toLowerCase(Locale.ROOT), run.progress(), run.policyName(), run.platform(),
                run.startedAt(), run.finishedAt(), run.sourceComplete(), run.error(),
                run.removalLimit(), run.decidedBy(), run.owner(), run.scheduledFor(), run.readMode(),
                new Counts(c.read(), c.rejected(), c.inScope(), c.excluded(), c.gone(),
                        c.added(), c.updated(), c.removed(), c.delivered(), c.failed()),
                null);
    }

    /**
     * The run with where its changes stand in employees' Telegram accounts: how many contacts were
     * imported, are not on Telegram, wait for a retry, failed, were left as the employee's own, or
     * went to employees with no linked account.
     */
    RunView withTelegram(Map<String, Long> states) {
        return new RunView(id, status, trigger, startedBy, dryRun, stage, progress, policy, platform, startedAt,
                finishedAt, sourceComplete, error, removalLimit, decidedBy, server, scheduledFor, readMode, counts, states);
    }
}
