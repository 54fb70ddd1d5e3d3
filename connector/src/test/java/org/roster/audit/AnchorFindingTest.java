package org.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AnchorFindingTest {

    private static final AnchorSigner SIGNER = AnchorSigner.withAuditKey(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String MAC = "a".repeat(64);
    private final AuditAnchor anchor = SIGNER.sign("roster-1", 120, MAC, Instant.parse("2026-12-07T20:15:03.120Z"));

    @Test
    void aTrailReachingTheAnchoredRecordWithItsSealHolds() {
        assertThat(AnchorFinding.of(Optional.of(anchor), 125, 0, Optional.of(MAC)))
                .isEqualTo(new AnchorFinding.Holds(anchor));
    }

    @Test
    void aTrailEndingBeforeTheAnchoredRecordIsNamedAsCut() {
        AnchorFinding finding = AnchorFinding.of(Optional.of(anchor), 117, 0, Optional.empty());

        assertThat(finding.holds()).isFalse();
        assertThat(finding.firstBrokenId()).isEqualTo(118);
        assertThat(finding.problem()).startsWith("Records after 117 are missing: the trail ends at record 117, but "
                + "Roster anchored record 120 outside the database at 2026-12-07T20:15:03.120Z (server roster-1).");
    }

    @Test
    void anEmptiedTrailIsNamedAsCutWhole() {
        assertThat(AnchorFinding.of(Optional.of(anchor), 0, 0, Optional.empty()).problem())
                .startsWith("Every record is missing");
    }

    @Test
    void anAnchoredRecordWithAnotherSealOrNoneIsNamedAsReplaced() {
        AnchorFinding other = AnchorFinding.of(Optional.of(anchor), 130, 0, Optional.of("b".repeat(64)));
        AnchorFinding none = AnchorFinding.of(Optional.of(anchor), 130, 0, Optional.empty());

        assertThat(other).isEqualTo(none).isEqualTo(new AnchorFinding.Replaced(anchor));
        assertThat(other.problem()).startsWith("The trail was replaced: record 120 is not the record Roster "
                + "anchored outside the database");
        assertThat(other.firstBrokenId()).isEqualTo(120);
    }

    @Test
    void anAnchoredRecordPrunedSinceUnderACheckpointHolds() {
        assertThat(AnchorFinding.of(Optional.of(anchor), 0, 120, Optional.empty()).holds()).isTrue();
        assertThat(AnchorFinding.of(Optional.of(anchor), 0, 119, Optional.empty()).holds()).isFalse();
    }

    @Test
    void withoutAnAnchorThereIsNothingToCompare() {
        assertThat(AnchorFinding.of(Optional.empty(), 0, 0, Optional.empty())).isEqualTo(new AnchorFinding.NotAnchored());
    }
}
