package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roster.audit.AnchorFinding;
import org.roster.audit.AnchorSigner;
import org.roster.audit.AuditAnchor;
import org.roster.audit.AuditAnchors;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.HashChain;
import org.roster.audit.RecordSeal;
import org.roster.store.JpaAuditKeyRotation;
import org.roster.store.JpaAuditSealing;

/**
 * The audit trail's seals on a real PostgreSQL: a trail written before records carried seals is
 * sealed once and then verifies, seals stripped from a trail sealed before are never restored,
 * verification from a pruning checkpoint checks the seals after it, and the anchored end tells a
 * cut trail. The intruder's edits go straight to the database, as they would.
 */
class JpaAuditLogOnPostgresTest {

    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase("audit");

    private static final byte[] KEY = new byte[32];

    private String url;
    private RosterDatabase db;

    @BeforeEach
    void anEmptyDatabase() throws Exception {
        db = DATABASE.db();
        url = DATABASE.url();
    }

    private void write(int records, Instant at) {
        db.audit.append(LongStream.rangeClosed(1, records).mapToObj(i -> new AuditEvent(at, "admin", "source.tested",
                "source:directory", "connection test " + i + " works")).toList());
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, BenchPostgres.USER, BenchPostgres.PASSWORD);
             Statement statement = c.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }

    /** The trail as a version before seals left it. */
    private void writtenBeforeSeals() throws SQLException {
        sql("update audit_record set mac = null", "update audit_head set last_mac = null");
    }

    @Test
    void aTrailWrittenBeforeSealsIsSealedOnceAndThenVerifies() throws SQLException {
        write(5, Instant.now());
        writtenBeforeSeals();
        assertThat(db.audit.verify().problem()).isEqualTo("record 1 carries no seal from Roster's key: it was "
                + "written behind Roster's back, or its seal was removed");

        JpaAuditSealing.Outcome outcome = db.auditSealing().sealWrittenBefore(RecordSeal.withAuditKey(KEY), false);

        assertThat(outcome).isEqualTo(new JpaAuditSealing.Outcome(5, 0, ""));
        assertThat(db.audit.verify())
                .isEqualTo(new AuditLog.Verification(true, 5, -1, "", List.of("legacy"), List.of()));
        assertThat(db.auditSealing().sealWrittenBefore(RecordSeal.withAuditKey(KEY), false))
                .isEqualTo(new JpaAuditSealing.Outcome(0, 0, ""));
    }

    @Test
    void aHashChainBrokenBeforeSealingIsReportedAndStaysBroken() throws SQLException {
        write(3, Instant.now());
        writtenBeforeSeals();
        sql("update audit_record set detail = 'connection test 2 failed' where id = 2");

        JpaAuditSealing.Outcome outcome = db.auditSealing().sealWrittenBefore(RecordSeal.withAuditKey(KEY), false);

        assertThat(outcome.chainProblem())
                .isEqualTo("record 2 was changed after it was written: its hash does not match");
        assertThat(db.audit.verify().problem()).isEqualTo(outcome.chainProblem());
    }

    @Test
    void sealsStrippedFromATrailSealedBeforeAreNeverRestored() throws SQLException {
        write(3, Instant.now());
        sql("update audit_record set mac = null where id = 2", "update audit_head set last_mac = null");

        assertThat(db.auditSealing().sealWrittenBefore(RecordSeal.withAuditKey(KEY), false))
                .isEqualTo(new JpaAuditSealing.Outcome(0, 1, ""));
        writtenBeforeSeals();
        assertThat(db.auditSealing().sealWrittenBefore(RecordSeal.withAuditKey(KEY), true))
                .as("an anchor outside the database shows the trail was sealed before")
                .isEqualTo(new JpaAuditSealing.Outcome(0, 3, ""));
        assertThat(db.audit.verify().problem()).startsWith("record 1 carries no seal");
    }

    @Test
    void verificationFromAPruningCheckpointChecksTheSealsAfterIt() throws SQLException {
        // the owner's minimum audit retention, written at every start of a server, is years by default
        sql("update audit_retention_floor set min_retention = interval '1 second'");
        write(3, Instant.now().minusSeconds(3600));
        write(2, Instant.now());
        assertThat(db.audit.prune(Instant.now().minusSeconds(60))).isEqualTo(3);
        assertThat(db.audit.verify())
                .isEqualTo(new AuditLog.Verification(true, 2, -1, "", List.of("legacy"), List.of()));

        sql("update audit_record set detail = 'rewritten' where id = 4");

        assertThat(db.audit.verify().problem()).isEqualTo("record 4 was changed after it was written: its seal "
                + "does not match Roster's key legacy");
    }

    @Test
    void theAnchoredEndTellsATrailCutAndItsHeadMovedBack() throws SQLException {
        AnchorSigner signer = AnchorSigner.withAuditKey(KEY);
        InMemoryAnchors anchors = new InMemoryAnchors();
        write(5, Instant.now());
        Optional<AuditAnchor> anchor = db.auditAnchoring().anchor("bench", signer, anchors, Instant.now());
        assertThat(anchor).map(AuditAnchor::lastId).contains(5L);
        assertThat(db.auditAnchoring().compare(anchor).holds()).isTrue();

        sql("delete from audit_record where id > 3", "update audit_head set (last_id, last_hash, last_mac) = "
                + "(select id, hash, mac from audit_record where id = 3)");

        assertThat(db.audit.verify().intact()).as("the chain alone can't tell").isTrue();
        AnchorFinding finding = db.auditAnchoring().compare(anchor);
        assertThat(finding).isEqualTo(new AnchorFinding.Truncated(anchor.get(), 3));
    }

    private static final byte[] NEW_KEY = "a new audit key of thirty-two by".getBytes(StandardCharsets.US_ASCII);

    private static final Map<String, byte[]> BOTH = orderedKeys("2026-12", NEW_KEY, "legacy", KEY);
    private static final Map<String, byte[]> ONLY_NEW = Map.of("2026-12", NEW_KEY);

    private static Map<String, byte[]> orderedKeys(String first, byte[] firstKey, String second, byte[] secondKey) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(first, firstKey);
        keys.put(second, secondKey);
        return keys;
    }

    /** Old records, some pruned under a checkpoint, then the key rotated and records sealed with the new one. */
    private JpaAuditKeyRotation.Outcome rotatedAfterPruning() throws SQLException {
        sql("update audit_retention_floor set min_retention = interval '1 second'");
        write(3, Instant.now().minusSeconds(3600));
        write(2, Instant.now());
        db.audit.prune(Instant.now().minusSeconds(60));
        AuditLog rotating = db.auditWith("2026-12", BOTH);
        JpaAuditKeyRotation.Outcome outcome = db.auditKeyRotation().rotate(rotating,
                RecordSeal.withAuditKeys("2026-12", BOTH), CheckpointSigner.withKeys("2026-12", BOTH), Instant.now());
        rotating.append(List.of(new AuditEvent(Instant.now(), "admin", "source.tested", "source:directory",
                "connection test after the rotation")));
        return outcome;
    }

    @Test
    void aRotatedTrailVerifiesWithOnlyTheNewKey() throws SQLException {
        assertThat(rotatedAfterPruning()).isEqualTo(new JpaAuditKeyRotation.Rotated("legacy", "2026-12", 5, true));
        assertThat(db.auditWith("2026-12", BOTH).verify())
                .isEqualTo(new AuditLog.Verification(true, 4, -1, "", List.of("2026-12", "legacy"), List.of()));

        assertThat(db.auditWith("2026-12", ONLY_NEW).verify())
                .isEqualTo(new AuditLog.Verification(true, 4, -1, "", List.of("2026-12"), List.of("legacy")));
        assertThat(db.auditKeyRotation().rotate(db.auditWith("2026-12", ONLY_NEW),
                RecordSeal.withAuditKeys("2026-12", ONLY_NEW), CheckpointSigner.withKeys("2026-12", ONLY_NEW),
                Instant.now())).as("rotated once").isEqualTo(new JpaAuditKeyRotation.Current());
    }

    @Test
    void aRecordBeforeTheRotationRewrittenWithARecomputedChainIsCaughtByTheNewKey() throws SQLException {
        rotatedAfterPruning();

        sql("update audit_record set detail = 'rewritten' where id = 4");
        recomputeHashChain();

        assertThat(db.auditWith("2026-12", ONLY_NEW).verify().problem()).isEqualTo("record 6 was changed after it "
                + "was written: its seal does not match Roster's key 2026-12");
    }

    @Test
    void recordsSealedWithAKeyNotHeldAreNamedWhenNoRotationVouchesForThem() {
        write(3, Instant.now());
        db.auditWith("2026-12", ONLY_NEW).append(List.of(new AuditEvent(Instant.now(), "admin", "source.tested",
                "source:directory", "sealed with the new key, but no rotation was recorded")));

        AuditLog.Verification verification = db.auditWith("2026-12", ONLY_NEW).verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).isEqualTo("record 1 is sealed with key legacy, which this server does not "
                + "hold, and no record of a rotation sealed with a key it holds vouches for it");
    }

    @Test
    void aTrailThatDoesNotVerifyIsNotVouchedForByTheNewKey() throws SQLException {
        write(3, Instant.now());
        sql("update audit_record set detail = 'rewritten' where id = 2");

        JpaAuditKeyRotation.Outcome outcome = db.auditKeyRotation().rotate(db.auditWith("2026-12", BOTH),
                RecordSeal.withAuditKeys("2026-12", BOTH), CheckpointSigner.withKeys("2026-12", BOTH), Instant.now());

        assertThat(outcome).isEqualTo(new JpaAuditKeyRotation.Refused("legacy", "2026-12", "record 2 was changed "
                + "after it was written: its seal does not match Roster's key legacy"));
    }

    /** What an intruder who can write to the database but holds no key does after an edit. */
    private void recomputeHashChain() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, BenchPostgres.USER, BenchPostgres.PASSWORD);
             Statement read = c.createStatement();
             ResultSet rows = read.executeQuery("select id, at, actor, action, subject, detail, prev_hash "
                     + "from audit_record order by id");
             PreparedStatement update = c.prepareStatement(
                     "update audit_record set prev_hash = ?, hash = ? where id = ?")) {
            String previous = null;
            while (rows.next()) {
                String prev = previous == null ? rows.getString("prev_hash") : previous;
                AuditEvent event = new AuditEvent(rows.getTimestamp("at").toInstant(), rows.getString("actor"),
                        rows.getString("action"), rows.getString("subject"), rows.getString("detail"));
                previous = HashChain.link(prev, rows.getLong("id"), event);
                update.setString(1, prev);
                update.setString(2, previous);
                update.setLong(3, rows.getLong("id"));
                update.executeUpdate();
            }
            try (PreparedStatement head = c.prepareStatement("update audit_head set last_hash = ?")) {
                head.setString(1, previous);
                head.executeUpdate();
            }
        }
    }

    /** Anchors kept in memory: the file store has tests of its own. */
    private static final class InMemoryAnchors implements AuditAnchors {
        private final List<Line> lines = new ArrayList<>();

        @Override
        public void append(AuditAnchor anchor) {
            lines.add(new Read("memory", anchor));
        }

        @Override
        public Stream<Line> lines() {
            return lines.stream();
        }
    }
}
