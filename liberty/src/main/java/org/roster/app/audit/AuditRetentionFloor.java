package org.roster.app.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.audit.AuditEvent;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.Policy;
import org.roster.policy.PolicyParser;
import org.roster.records.AuditRecords;
import org.roster.records.PolicyVersion;

/**
 * The least time any policy may keep audit records ({@code roster.audit.min-retention}, default
 * P365D). A new policy text that asks less is refused where it says so; a version published before
 * the floor existed (still active, or restored by a rollback) is applied with the floor instead,
 * and the audit trail says so once per version and floor.
 *
 * <pre>{@code
 * Policy draft = floor.parse("policy.yaml", text);        // refused below the floor
 * Policy applied = floor.applied(version, storedPolicy);  // clamped to the floor, audited
 * }</pre>
 */
@ApplicationScoped
public class AuditRetentionFloor {

    static final String CLAMPED = "policy.retention-clamped";

    @Inject
    AuditRecords records;

    @Inject
    TransactionalWork tx;

    @Inject
    RosterSettings settings;

    @Inject
    AuditTrail trail;

    private final Clock clock = Clock.systemUTC();

    /** Parses a policy text that is about to be accepted (a draft, the one configured at first start). */
    public Policy parse(String source, String text) throws InvalidPolicyException {
        return PolicyParser.parse(source, text, settings.minAuditRetention());
    }

    /** The policy a published version's text gives, keeping audit records at least the floor. */
    public Policy applied(PolicyVersion version, Policy policy) {
        Duration floor = settings.minAuditRetention();
        Duration asked = policy.retention().auditRecords();
        if (asked.compareTo(floor) >= 0) {
            return policy;
        }
        String subject = "policy:" + version.id();
        String detail = "version " + version.id() + " (" + version.name() + ") asks to keep audit records "
                + asked + "; they are kept " + floor + ", the minimum audit retention (roster.audit.min-retention)";
        if (!alreadyAudited(subject, detail)) {
            trail.log().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, CLAMPED, subject, detail)));
        }
        return policy.withRetention(policy.retention().withAuditRecordsAtLeast(floor));
    }

    private boolean alreadyAudited(String subject, String detail) {
        return tx.inTransaction(() -> records.contains(CLAMPED, subject, detail));
    }
}
