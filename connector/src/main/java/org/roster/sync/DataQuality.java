package org.roster.sync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.roster.directory.Employee;
import org.roster.policy.ScopeDecision;

/**
 * A port, one of the {@link StateStore}'s roles: the employees who share a mobile number, the
 * decisions made about them once the whole directory is read, and each run's data-quality report.
 * The numbers themselves never leave the store: sharers are handed out as groups of ids.
 *
 * <pre>{@code
 * List<List<String>> shared = quality.sharedMobiles();        // [[p1, p7]]
 * quality.recordQuality(runId, "directory", shared);
 * quality.quality(runId).orElseThrow().total().sharedNumber(); // 2
 * }</pre>
 */
public interface DataQuality extends UnitOfWork {

    /** The active employees who have one mobile number with others, a group per number, ids in order. */
    List<List<String>> sharedMobiles();

    /** The ids of the active employees whose stored decision names this rule. */
    List<String> decidedBy(String ruleId);

    /**
     * An active employee as stored, with the decision stored about them.
     *
     * @param regionGuessed whether a number of theirs was read without its country code
     */
    record Stored(Employee employee, ScopeDecision scope, boolean regionGuessed) {
    }

    /** Those of these employees who are active, as stored. */
    List<Stored> stored(Collection<String> employeeIds);

    /**
     * Stores decisions made after the read about employees it had stored: their scope, rule and
     * reason change, what was read about them stays (and so does their read fingerprint).
     */
    void redecide(List<DirectorySnapshot.Decided> decided);

    /**
     * Counts the run's data-quality report, from the directory as the run left it and the entries it
     * rejected, and keeps it with the run (replacing one kept before).
     *
     * @param source the source the employees were read from, or the sources' ids when merged;
     *               a rejection of a merged run names its own
     * @param shared the groups {@link #sharedMobiles} returned
     */
    void recordQuality(long runId, String source, List<List<String>> shared);

    /** The report kept with a run, if it has one. */
    Optional<QualityReport> quality(long runId);
}
