package org.roster.app.policies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.audit.AuditRetentionFloor;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.audit.AuditEvent;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyParser;
import org.roster.records.PolicyVersion;
import org.roster.records.PolicyVersions;

/**
 * The policy runs use: the published version with the highest id. At the very first start the
 * policy named by {@code roster.policy} (bundled, or a file) becomes version one, published by
 * the system; after that, policies change only through drafts, approval and publication.
 */
@ApplicationScoped
public class ActivePolicy {

    @Inject
    PolicyVersions versions;

    @Inject
    TransactionalWork tx;

    @Inject
    RosterSettings settings;

    @Inject
    AuditTrail trail;

    @Inject
    AuditRetentionFloor retentionFloor;

    private final Clock clock = Clock.systemUTC();

    /** Publishes the configured policy if nothing has been published yet. */
    public void bootstrap() {
        if (active().isPresent()) {
            return;
        }
        String name = settings.policy().strip();
        String text = configuredText(name);
        try {
            retentionFloor.parse(name, text);
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException("roster.policy \"" + name + "\" is not a valid policy: " + e.getMessage(), e);
        }
        tx.inTransaction(() -> {
            PolicyVersion drafted = versions.draft(nameOf(text, name), text, AuditEvent.SYSTEM, clock.instant(),
                    "the policy configured at first start (roster.policy=" + name + ")");
            versions.approve(drafted.id(), AuditEvent.SYSTEM, clock.instant());
            PolicyVersion first = versions.publish(drafted.id(), AuditEvent.SYSTEM, clock.instant());
            trail.record(AuditEvent.SYSTEM, "policy.published", "policy:" + first.id(), "published "
                    + first.name() + " (version " + first.id() + ") as configured at first start");
        });
    }

    /** The last version parsed, and its policy: a published version's text never changes. */
    private volatile Map.Entry<Long, Policy> parsed;

    /**
     * The active policy, parsed (once per published version), keeping audit records at least the
     * minimum audit retention even if it was published asking less.
     */
    public Policy load() throws InvalidPolicyException {
        PolicyVersion version = active().orElseThrow(() -> new IllegalStateException("no policy is published"));
        Map.Entry<Long, Policy> last = parsed;
        if (last != null && last.getKey() == version.id()) {
            return last.getValue();
        }
        Policy policy = retentionFloor.applied(version, PolicyParser.parse(version.name() + ".yaml",
                version.text()));
        parsed = Map.entry(version.id(), policy);
        return policy;
    }

    /** The published version runs use, if any. */
    public Optional<PolicyVersion> active() {
        return tx.inTransaction(versions::active);
    }

    private static String configuredText(String name) {
        if (Policies.BUNDLED.contains(name)) {
            return Policies.text(name);
        }
        try {
            return Files.readString(Path.of(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("roster.policy \"" + name + "\" is neither a bundled policy "
                    + Policies.BUNDLED + " nor a readable policy file", e);
        }
    }

    private static String nameOf(String text, String fallback) {
        try {
            return PolicyParser.parse(fallback, text).name();
        } catch (InvalidPolicyException e) {
            return fallback;
        }
    }
}
