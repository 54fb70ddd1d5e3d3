package org.roster.app.runs;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.config.RosterSettings;
import org.roster.app.platforms.TelegramService;
import org.roster.sync.RunLines;

/**
 * What a run does in employees' Telegram accounts besides delivering its plan: it retries what
 * Telegram asked to retry later, and after a complete read it unlinks the accounts of those who
 * left. Either failing is logged and leaves the run as it ended.
 *
 * <pre>{@code
 * telegramFollowUps.retryPending(runId);
 * telegramFollowUps.withdrawFromDeparted(runId);
 * }</pre>
 */
@ApplicationScoped
public class TelegramFollowUps {

    private static final Logger LOG = Logger.getLogger(TelegramFollowUps.class.getName());

    @Inject
    RosterSettings settings;

    @Inject
    TelegramService telegram;

    /**
     * Contacts Telegram asked to retry later go again at every run, also for employees with no
     * new change in it.
     */
    void retryPending(long runId) {
        if (!settings.telegramDelivery()) {
            return;
        }
        try {
            int tried = telegram.platform().retryPending();
            if (tried > 0) {
                LOG.info(() -> RunLines.of(runId) + "retried what Telegram had asked to retry later for " + tried
                        + " employees");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> RunLines.of(runId) + "could not retry the contacts waiting for Telegram: "
                    + e.getMessage());
        }
    }

    /**
     * After a complete run has delivered its removals: the Telegram accounts of employees who left
     * or opted out lose whatever Roster imported into them, and are signed out. A run whose read
     * stopped early removes nothing, this included.
     */
    void withdrawFromDeparted(long runId) {
        if (!settings.telegramDelivery()) {
            return;
        }
        try {
            telegram.withdrawFromDeparted(runId);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Run " + runId + " could not look for Telegram accounts to unlink: " + e.getMessage());
        }
    }
}
