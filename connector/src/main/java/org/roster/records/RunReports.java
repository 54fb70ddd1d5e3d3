package org.roster.records;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read model: what the runs did, as the Runs page and the API show it.
 *
 * <pre>{@code
 * List<RunRecord> newest = reports.latest(50);
 * List<RunReports.Rejected> why = reports.rejections(12, 0, 100);
 * }</pre>
 */
public interface RunReports {

    /** An entry a run rejected, and why. */
    record Rejected(String entry, String employeeId, String reason) {
    }

    /** An employee a policy leaves out of scope (or lets only receive), and the rule that decided it. */
    record Excluded(String employeeId, boolean receives, String rule, String reason) {
    }

    /** The latest runs, newest first. */
    List<RunRecord> latest(int limit);

    /** The entries a run rejected, in the order it rejected them, a page of them. */
    List<Rejected> rejections(long runId, int offset, int limit);

    /**
     * The employees out of scope as the run left the directory, by id, a page of them: those still
     * active whose decision this run or an earlier one made, all of them or those of one rule.
     */
    List<Excluded> excluded(long runId, Optional<String> rule, int offset, int limit);

    /** How many contacts the Telegram ledger recorded in each state (lower case) between these instants. */
    Map<String, Long> telegramStates(Instant from, Instant until);
}
