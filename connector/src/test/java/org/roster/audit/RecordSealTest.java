package org.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordSealTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final RecordSeal seal = RecordSeal.withAuditKey(KEY);

    /** A record as the trail stores it. */
    private record Stored(long id, AuditEvent event, String prevHash, String hash, String mac) {
    }

    private static AuditEvent event(String detail) {
        return new AuditEvent(Instant.parse("2026-11-25T12:00:00Z"), "admin", "run.started", "run:1", detail);
    }

    private List<Stored> chain(List<String> details, RecordSeal by) {
        List<Stored> chain = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (String detail : details) {
            long id = chain.size() + 1L;
            AuditEvent event = event(detail);
            String hash = HashChain.link(prev, id, event);
            chain.add(new Stored(id, event, prev, hash, by.of(prev, id, event)));
            prev = hash;
        }
        return chain;
    }

    private List<Long> brokenSeals(List<Stored> chain) {
        return chain.stream().filter(r -> !seal.holds(r.prevHash(), r.id(), r.event(), r.mac())).map(Stored::id)
                .toList();
    }

    @Test
    void everySealOfAChainRosterWroteHolds() {
        assertThat(brokenSeals(chain(List.of("a", "b", "c", "d"), seal))).isEmpty();
    }

    @Test
    void aRecordRewrittenWithRecomputedHashesNoLongerHoldsItsSealNorDoTheRecordsAfterIt() {
        List<Stored> genuine = chain(List.of("a", "b", "c", "d"), seal);
        // the intruder rewrites record 2 and re-chains the hashes after it, keeping the seals they can't compute
        List<Stored> rewritten = new ArrayList<>(genuine.subList(0, 1));
        String prev = genuine.get(0).hash();
        for (Stored record : genuine.subList(1, 4)) {
            AuditEvent event = record.id() == 2 ? event("b, but nicer") : record.event();
            String hash = HashChain.link(prev, record.id(), event);
            rewritten.add(new Stored(record.id(), event, prev, hash, record.mac()));
            prev = hash;
        }

        assertThat(brokenSeals(rewritten)).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aChainSealedUnderAnotherKeyDoesNotHold() {
        RecordSeal other = RecordSeal.withAuditKey("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

        assertThat(brokenSeals(chain(List.of("a", "b"), other))).containsExactly(1L, 2L);
    }

    @Test
    void aSealIsNeitherTheCheckpointSignatureNorAnAnchorSignatureUnderTheSameKey() {
        Instant at = Instant.parse("2026-11-25T12:00:00Z");
        String mac = seal.of(HashChain.GENESIS, 1, event("a"));

        assertThat(mac).hasSize(64)
                .isNotEqualTo(CheckpointSigner.withKey(KEY).sign(1, HashChain.GENESIS, at))
                .isNotEqualTo(AnchorSigner.withAuditKey(KEY).sign("s", 1, HashChain.GENESIS, at).signature());
    }

    @Test
    void aShortKeyIsRefusedAndTheKeyNeverShows() {
        assertThatThrownBy(() -> RecordSeal.withAuditKey(new byte[16])).hasMessageContaining("at least 32 bytes");
        assertThat(seal.toString()).doesNotContain("0123456789");
    }

    @Test
    void aSealNamesItsKeyAndIsCheckedWithThatKeyAlone() {
        byte[] next = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        RecordSeal both = RecordSeal.withAuditKeys("2026-12", new LinkedHashMap<>(Map.of(
                "2026-12", next, "legacy", KEY)));
        String mac = both.of(HashChain.GENESIS, 1, event("a"));

        assertThat(RecordSeal.keyOf(mac)).isEqualTo("2026-12");
        assertThat(mac).startsWith("2026-12:").hasSize("2026-12:".length() + 64);
        assertThat(both.holds(HashChain.GENESIS, 1, event("a"), mac)).isTrue();
        assertThat(both.holds(HashChain.GENESIS, 1, event("a"), seal.of(HashChain.GENESIS, 1, event("a"))))
                .as("a legacy seal, without an id, is checked with the legacy key").isTrue();
        assertThat(seal.holds(HashChain.GENESIS, 1, event("a"), mac)).as("the key 2026-12 is not held").isFalse();
        assertThat(both.holds(HashChain.GENESIS, 1, event("a"), "legacy:" + mac.substring("2026-12:".length())))
                .as("relabelled").isFalse();
    }
}
