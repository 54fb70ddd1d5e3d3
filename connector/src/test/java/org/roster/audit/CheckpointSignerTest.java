package org.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CheckpointSignerTest {

    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
    private final CheckpointSigner signer = CheckpointSigner.withKey("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aCheckpointVerifiesUnderTheKeyThatSignedIt() {
        String signature = signer.sign(41, "a".repeat(64), AT);

        assertThat(signer.verify(41, "a".repeat(64), AT, signature)).isTrue();
    }

    @Test
    void anyChangeOrAnotherKeyBreaksTheSignature() {
        String signature = signer.sign(41, "a".repeat(64), AT);
        CheckpointSigner other = CheckpointSigner.withKey("fedcba9876543210fedcba9876543210".getBytes());

        assertThat(signer.verify(42, "a".repeat(64), AT, signature)).isFalse();
        assertThat(signer.verify(41, "b".repeat(64), AT, signature)).isFalse();
        assertThat(signer.verify(41, "a".repeat(64), AT.plusMillis(1), signature)).isFalse();
        assertThat(other.verify(41, "a".repeat(64), AT, signature)).isFalse();
    }

    @Test
    void aShortKeyIsRefusedAndTheKeyNeverShows() {
        assertThatThrownBy(() -> CheckpointSigner.withKey(new byte[16])).hasMessageContaining("at least 32 bytes");
        assertThat(signer.toString()).doesNotContain("0123456789");
    }
}
