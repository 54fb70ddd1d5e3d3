package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roster.records.PolicyVersion;
import org.roster.records.PolicyVersions;

/**
 * Policy versions on a real PostgreSQL: a draft goes through approval to publication, publishing
 * another supersedes it, and the history reads newest first.
 */
class JpaPolicyVersionsOnPostgresTest {

    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase("policy");

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final String TEXT = "name: corp\n";

    private RosterDatabase db;
    private PolicyVersions versions;

    @BeforeEach
    void anEmptyDatabase() throws Exception {
        db = DATABASE.db();
        versions = db.policyVersions();
    }

    private PolicyVersion published(String author, String approver) {
        return db.inTransaction(() -> {
            PolicyVersion draft = versions.draft("corp", TEXT, author, AT, null);
            versions.approve(draft.id(), approver, AT.plusSeconds(60));
            versions.supersedePublished();
            return versions.publish(draft.id(), approver, AT.plusSeconds(120));
        });
    }

    @Test
    void aDraftApprovedAndPublishedIsTheActiveVersionWithWhoTookEachStep() {
        PolicyVersion draft = db.inTransaction(() -> versions.draft("corp", TEXT, "alice", AT, "first"));
        assertThat(versions.find(draft.id())).contains(draft);
        assertThat(draft.status()).isEqualTo(PolicyVersion.Status.DRAFT);
        assertThat(versions.active()).isEmpty();

        db.inTransaction(() -> versions.approve(draft.id(), "bob", AT.plusSeconds(60)));
        PolicyVersion published = db.inTransaction(() -> versions.publish(draft.id(), "bob", AT.plusSeconds(120)));

        assertThat(versions.active()).contains(published);
        assertThat(versions.find(draft.id())).contains(new PolicyVersion(draft.id(), "corp", TEXT,
                PolicyVersion.Status.PUBLISHED, "alice", AT, "bob", AT.plusSeconds(60), "bob", AT.plusSeconds(120),
                "first"));
    }

    @Test
    void publishingAnotherVersionSupersedesTheOneBefore() {
        PolicyVersion first = published("alice", "bob");
        PolicyVersion second = published("carol", "bob");

        assertThat(versions.active()).contains(second);
        assertThat(versions.find(first.id())).map(PolicyVersion::status).contains(PolicyVersion.Status.SUPERSEDED);
    }

    @Test
    void aDraftRolledBackWithItsTransactionLeavesNoVersion() {
        assertThatThrownBy(() -> db.inTransaction(() -> {
            versions.draft("corp", TEXT, "alice", AT, null);
            throw new IllegalStateException("the audit record was refused");
        })).hasMessage("the audit record was refused");

        assertThat(versions.newestFirst(10)).isEmpty();
    }

    @Test
    void theHistoryReadsNewestFirstUpToTheLimit() {
        PolicyVersion first = published("alice", "bob");
        PolicyVersion second = db.inTransaction(() -> versions.draft("corp", TEXT, "carol", AT, null));
        PolicyVersion third = db.inTransaction(() -> versions.draft("corp", TEXT, "dave", AT, "restores version "
                + first.id()));

        assertThat(versions.newestFirst(10)).extracting(PolicyVersion::id)
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(versions.newestFirst(2)).extracting(PolicyVersion::author).containsExactly("dave", "carol");
        assertThat(versions.find(third.id() + 1000)).isEmpty();
    }
}
