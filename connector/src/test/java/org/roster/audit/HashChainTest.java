package org.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class HashChainTest {

    private static AuditEvent event(String detail) {
        return new AuditEvent(Instant.parse("2026-11-25T12:00:00Z"), "compliance", "policy.approved", "policy:1", detail);
    }

    @Test
    void theSameRecordAfterTheSamePredecessorAlwaysHashesTheSame() {
        assertThat(HashChain.link(HashChain.GENESIS, 1, event("x"))).isEqualTo(HashChain.link(HashChain.GENESIS, 1, event("x")))
                .hasSize(64);
    }

    @Test
    void anyChangeToContentIdOrPredecessorChangesTheHash() {
        String hash = HashChain.link(HashChain.GENESIS, 1, event("x"));

        assertThat(HashChain.link(HashChain.GENESIS, 1, event("y"))).isNotEqualTo(hash);
        assertThat(HashChain.link(HashChain.GENESIS, 2, event("x"))).isNotEqualTo(hash);
        assertThat(HashChain.link(hash, 1, event("x"))).isNotEqualTo(hash);
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOtherToForgeTheSameHash() {
        AuditEvent a = new AuditEvent(Instant.EPOCH, "ab", "c", "s", "d");
        AuditEvent b = new AuditEvent(Instant.EPOCH, "a", "bc", "s", "d");

        assertThat(HashChain.link(HashChain.GENESIS, 1, a)).isNotEqualTo(HashChain.link(HashChain.GENESIS, 1, b));
    }

    @Test
    void anEditedRecordIsTheFirstBrokenLink() {
        InMemoryAuditLog log = new InMemoryAuditLog();
        log.append(List.of(event("one"), event("two"), event("three")));
        assertThat(log.verify().intact()).isTrue();

        log.tamper(2, event("TWO"));

        AuditLog.Verification verification = log.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(2);
    }
}
