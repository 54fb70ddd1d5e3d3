package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.PolicyEvaluator;

/**
 * A self-service choice takes effect at the next run, also when that run reads only what changed,
 * from one source or from several merged.
 */
class LateChoicesTest {

    private final VersionedDirectorySource directory = new VersionedDirectorySource();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final InMemorySourceRecords records = new InMemorySourceRecords();
    private final SyncPipeline pipeline = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
            new PolicyEvaluator(Policies.bundled("default")), store, new RecordedContactPlatform(),
            new InMemoryAuditLog(), Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    private static Map<String, DirectoryEntry> threeInFinance() {
        Map<String, DirectoryEntry> people = new LinkedHashMap<>();
        for (String id : new String[] {"a", "b", "c"}) {
            people.put(id, DirectoryEntry.builder("uid=" + id + ",ou=people,dc=example,dc=org").id(id)
                    .add(PersonField.SURNAME, "Surname " + id).add(PersonField.DEPARTMENT, "Finance")
                    .add(PersonField.MAIL, id + "@example.org")
                    .add(PersonField.MOBILE, "0151 1111111" + (id.charAt(0) - 'a')).build());
        }
        return people;
    }

    @Test
    void anOptOutTakesEffectAtAReadOfChangesThatDoesNotReadTheEntry() {
        directory.become(threeInFinance());
        RunProgress full = new RunProgress(0);
        pipeline.run(1, false, full, RemovalGuard.NONE, SyncPipeline.ReadMode.FULL);
        assertThat(store.deliveredTo("a")).containsOnlyKeys("b", "c");

        store.choose("b", new Person.SelfService(true, false));
        RunProgress changes = new RunProgress(0);
        pipeline.run(2, false, changes, RemovalGuard.NONE, SyncPipeline.ReadMode.changesSince(full.watermarks().get("directory")));

        assertThat(changes.read).as("no entry changed").hasValue(0);
        assertThat(store.deliveredTo("a")).containsOnlyKeys("c");
        assertThat(store.deliveredTo("c")).containsOnlyKeys("a");
        assertThat(store.deliveredTo("b")).isEmpty();
        assertThat(store.row("b")).hasValueSatisfying(row -> assertThat(row.scopeRule).isEqualTo("opt-out"));
    }

    @Test
    void anOptOutTakesEffectWhenMergedSourcesAreReadForTheirChanges() {
        directory.become(threeInFinance());
        mergedRun(1, SyncPipeline.ReadMode.FULL);
        assertThat(store.deliveredTo("a@example.org")).containsOnlyKeys("b@example.org", "c@example.org");

        store.choose("b@example.org", new Person.SelfService(true, false));
        RunProgress changes = mergedRun(2, SyncPipeline.ReadMode.changesSince(directory.watermark()));

        assertThat(changes.read).as("no entry changed").hasValue(0);
        assertThat(store.deliveredTo("a@example.org")).containsOnlyKeys("c@example.org");
        assertThat(store.deliveredTo("b@example.org")).isEmpty();
    }

    private RunProgress mergedRun(long runId, SyncPipeline.ReadMode mode) {
        SyncPipeline merging = SyncPipeline.merging(List.of(new SyncPipeline.Source("hr", 10, directory,
                        new EntryNormaliser(PhoneNumbers.forRegion("DE")), mode)), MergeKey.parse("mail"),
                records, new PolicyEvaluator(Policies.bundled("default")), store,
                new RecordedContactPlatform(), new InMemoryAuditLog(), Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"),
                        ZoneOffset.UTC));
        RunProgress progress = new RunProgress(0);
        merging.run(runId, false, progress, RemovalGuard.NONE, mode);
        return progress;
    }
}
