package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.RecordSeal;
import org.roster.records.AuditLogs;
import org.roster.records.AuditQuery;
import org.roster.records.AuditRecord;
import org.roster.records.AuditRecords;
import org.roster.records.PolicyVersion;

/**
 * The audit trail's records and logs on a real PostgreSQL: queries select by every filter, newest
 * first; an export hands over every record oldest first across pages; and a record written with
 * the caller's change commits with it, or, refused, takes the change with it.
 */
class JpaAuditRecordsOnPostgresTest {

    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase("audit_records");

    private static final byte[] KEY = new byte[32];
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    private String url;
    private RosterDatabase db;
    private AuditRecords records;

    @BeforeEach
    void anEmptyDatabase() throws Exception {
        db = DATABASE.db();
        url = DATABASE.url();
        records = db.auditRecords();
    }

    private static AuditEvent event(int minute, String actor, String action, String subject) {
        return new AuditEvent(AT.plusSeconds(60L * minute), actor, action, subject, action + " by " + actor);
    }

    /** Five records: alice and bob acting on two runs and a policy, a minute apart. */
    private void fiveRecords() {
        db.audit.append(List.of(
                event(0, "alice", "run.started", "run:1"),
                event(1, "bob", "policy.drafted", "policy:7"),
                event(2, "alice", "run.started", "run:2"),
                event(3, "bob", "policy.approved", "policy:7"),
                event(4, "alice", "run.stopped", "run:2")));
    }

    private static AuditQuery query(String actor, String action, String subject, Instant from, Instant to,
                                    Long before) {
        return new AuditQuery(actor, action, subject, from, to, before);
    }

    private List<Long> ids(AuditQuery query) {
        return records.newestFirst(query, 100).stream().map(AuditRecord::id).toList();
    }

    @Test
    void queriesSelectByEveryFilterNewestFirst() {
        fiveRecords();

        assertThat(ids(query(null, null, null, null, null, null))).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(ids(query("alice", null, null, null, null, null))).containsExactly(5L, 3L, 1L);
        assertThat(ids(query(null, "run.started", null, null, null, null))).containsExactly(3L, 1L);
        assertThat(ids(AuditQuery.about("run:2"))).containsExactly(5L, 3L);
        assertThat(ids(query(null, null, null, AT.plusSeconds(60), AT.plusSeconds(180), null)))
                .as("from is inclusive, to exclusive").containsExactly(3L, 2L);
        assertThat(ids(query("bob", null, "policy:7", null, null, 4L))).as("before pages back").containsExactly(2L);
        assertThat(records.newestFirst(query(null, null, null, null, null, null), 2)).extracting(AuditRecord::id)
                .containsExactly(5L, 4L);
    }

    @Test
    void aRecordReadsAsItWasWrittenAndChained() {
        fiveRecords();

        List<AuditRecord> newest = records.newestFirst(AuditQuery.about("policy:7"), 2);

        assertThat(newest.get(0).event()).isEqualTo(event(3, "bob", "policy.approved", "policy:7"));
        assertThat(newest.get(0).prevHash()).isEqualTo(records.newestFirst(AuditQuery.about("run:2"), 100).get(1)
                .hash());
    }

    @Test
    void anExportHandsOverEverySelectedRecordOldestFirstAcrossPages() {
        fiveRecords();
        List<Long> exported = new ArrayList<>();

        records.forEachOldestFirst(query(null, null, null, null, null, null), 2, r -> exported.add(r.id()));

        assertThat(exported).containsExactly(1L, 2L, 3L, 4L, 5L);
        exported.clear();
        records.forEachOldestFirst(query("alice", null, null, null, null, null), 2, r -> exported.add(r.id()));
        assertThat(exported).containsExactly(1L, 3L, 5L);
    }

    @Test
    void containsTellsWhetherARecordOfThatActionSubjectAndDetailExists() {
        fiveRecords();

        assertThat(records.contains("policy.drafted", "policy:7", "policy.drafted by bob")).isTrue();
        assertThat(records.contains("policy.drafted", "policy:7", "policy.drafted by alice")).isFalse();
        assertThat(records.contains("policy.approved", "policy:8", "policy.approved by bob")).isFalse();
    }

    private AuditLog withCallersChange() {
        return db.auditLogs().withCallersChange(CheckpointSigner.withKey(KEY), RecordSeal.withAuditKey(KEY));
    }

    @Test
    void aRecordWrittenWithTheCallersChangeCommitsWithIt() {
        PolicyVersion draft = db.inTransaction(() -> {
            PolicyVersion created = db.policyVersions().draft("corp", "name: corp\n", "alice", AT, null);
            withCallersChange().append(List.of(event(0, "alice", "policy.drafted", "policy:" + created.id())));
            return created;
        });

        assertThat(db.policyVersions().find(draft.id())).contains(draft);
        assertThat(ids(AuditQuery.about("policy:" + draft.id()))).containsExactly(1L);
        assertThat(db.auditLogs().committingAlone(CheckpointSigner.withKey(KEY), RecordSeal.withAuditKey(KEY))
                .verify().intact()).isTrue();
    }

    @Test
    void aRecordTheDatabaseRefusesIsToldApartAndTakesTheCallersChangeWithIt() throws SQLException {
        sql("create function refuse_audit() returns trigger language plpgsql as "
                + "$$ begin raise exception 'no audit records today'; end $$",
                "create trigger refuse_audit before insert on audit_record for each row execute function refuse_audit()");

        assertThatThrownBy(() -> db.inTransaction(() -> {
            PolicyVersion created = db.policyVersions().draft("corp", "name: corp\n", "alice", AT, null);
            withCallersChange().append(List.of(event(0, "alice", "policy.drafted", "policy:" + created.id())));
            return created;
        })).isInstanceOf(AuditLogs.Refused.class).hasCauseInstanceOf(PersistenceException.class)
                .hasStackTraceContaining("no audit records today");

        assertThat(db.policyVersions().newestFirst(10)).isEmpty();
    }

    @Test
    void theCallersOwnFailureIsThrownAsItIsAndNotAsARefusedRecord() {
        PolicyVersion draft = db.inTransaction(() -> db.policyVersions().draft("corp", "name: corp\n", "alice", AT,
                null));
        String tooLong = "x".repeat(300);

        assertThatThrownBy(() -> db.inTransaction(() -> {
            db.policyVersions().approve(draft.id(), tooLong, AT);
            withCallersChange().append(List.of(event(0, tooLong, "policy.approved", "policy:" + draft.id())));
            return null;
        })).isInstanceOf(PersistenceException.class).isNotInstanceOf(AuditLogs.Refused.class);

        assertThat(db.policyVersions().find(draft.id())).map(PolicyVersion::status)
                .contains(PolicyVersion.Status.DRAFT);
        assertThat(records.newestFirst(AuditQuery.about("policy:" + draft.id()), 10)).isEmpty();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, BenchPostgres.USER, BenchPostgres.PASSWORD);
             Statement statement = c.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }
}
