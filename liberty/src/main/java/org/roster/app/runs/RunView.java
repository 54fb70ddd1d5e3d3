package org.roster.app.runs;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.roster.store.RunEntity;

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

    static RunView of(RunEntity run) {
        return new RunView(run.getId(), run.getStatus().name(), run.getTrigger(), run.getStartedBy(), run.isDryRun(),
                run.getStage().toLowerCase(Locale.ROOT), run.getProgress(), run.getPolicyName(), run.getPlatform(),
                run.getStartedAt(), run.getFinishedAt(), run.getSourceComplete(), run.getError(),
                run.getRemovalLimit(), run.getDecidedBy(), run.getOwner(), run.getScheduledFor(), run.getReadMode(),
                new Counts(run.getRead(), run.getRejected(), run.getInScope(), run.getExcluded(), run.getGone(),
                        run.getAdded(), run.getUpdated(), run.getRemoved(), run.getDelivered(), run.getFailed()),
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
