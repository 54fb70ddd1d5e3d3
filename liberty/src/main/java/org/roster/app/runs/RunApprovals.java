package org.roster.app.runs;

import java.time.Clock;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.http.Problem;
import org.roster.app.security.FourEyes;
import org.roster.records.RunRecord;
import org.roster.records.RunStatus;
import org.roster.records.Runs;

/**
 * A directory admin's decision about a run that stopped because it would remove more contacts
 * than the safety limit allows. Four eyes: whoever started the run can neither approve nor reject
 * it; a run the system started (a schedule, the start-up sync) any admin may decide. The decision
 * and its audit record commit together.
 *
 * <pre>{@code
 * approvals.decide(12, true, "admin2"); // run 12 delivers the plan it halted with
 * }</pre>
 */
@ApplicationScoped
public class RunApprovals {

    @Inject
    Runs records;

    @Inject
    TransactionalWork tx;

    @Inject
    AuditTrail trail;

    @Inject
    RunService runs;

    @Inject
    RosterSettings settings;

    private final Clock clock = Clock.systemUTC();

    /**
     * Approved, the run delivers the plan it halted with (it is running again, so no other run may
     * be); rejected, it ends and its plan is dropped.
     *
     * @throws RunService.RunInProgressException when approving while another run is in progress
     */
    public void decide(long runId, boolean approve, String admin) throws RunService.RunInProgressException {
        String verb = approve ? "approve" : "reject";
        Problem refusal;
        try {
            // a refusal is returned, not thrown, so the transaction ends quietly having changed nothing
            refusal = tx.inTransaction(() -> {
                // two admins deciding at once: the second finds the run decided
                RunRecord found = records.findToDecide(runId).orElse(null);
                if (found == null) {
                    return Problem.notFound("There is no run " + runId + ".");
                }
                if (found.status() != RunStatus.AWAITING_APPROVAL) {
                    return Problem.conflict("Run " + runId + " is " + found.status().name().toLowerCase(Locale.ROOT)
                            + "; only a run awaiting approval can be approved or rejected.");
                }
                if (FourEyes.samePerson(found.startedBy(), admin)) {
                    return Problem.conflict("You started run " + runId + "; another directory admin must " + verb
                            + " its removals (four eyes).");
                }
                records.decide(runId, approve, admin, approve ? null : "Rejected by " + admin
                        + "; nothing was delivered.", settings.serverId(), clock.instant());
                trail.record(admin, approve ? "run.approved" : "run.rejected", "run:" + runId, verb + "d "
                        + found.counts().removed() + " removals of run " + runId + (found.startedBy() == null ? ""
                        : ", started by " + found.startedBy()));
                return null;
            });
        } catch (AuditTrail.NotRecorded e) {
            throw e;
        } catch (RuntimeException e) {
            if (approve && runs.activeRun().isPresent()) {
                throw new RunService.RunInProgressException();
            }
            throw e;
        }
        if (refusal != null) {
            throw refusal;
        }
        // only what committed is carried out: the approved plan is delivered, the rejected one dropped
        if (approve) {
            runs.deliverApproved(runId);
        } else {
            runs.dropPlan(runId);
        }
    }
}
