package org.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static AuditEvent withDetail(String detail) {
        return new AuditEvent(Instant.EPOCH, "admin", "source.created", "source:partner", detail);
    }

    @Test
    void aDetailThatFitsIsKeptAsItIs() {
        String fits = "x".repeat(AuditEvent.MAX_DETAIL);

        assertThat(withDetail(fits).detail()).isEqualTo(fits);
    }

    @Test
    void anOverLongDetailIsShortenedToTheColumnWithAMarkerNamingItsLength() {
        String detail = withDetail("added ldap source " + "f".repeat(5_303)).detail();

        assertThat(detail).hasSize(AuditEvent.MAX_DETAIL).startsWith("added ldap source fff")
                .endsWith("… [shortened: 5,321 characters]");
    }

    @Test
    void overLongActorsAndSubjectsAreShortenedToTheirColumnsToo() {
        AuditEvent event = new AuditEvent(Instant.EPOCH, "a".repeat(300), "run.started", "s".repeat(600), "");

        assertThat(event.actor()).hasSize(AuditEvent.MAX_ACTOR).endsWith("[shortened: 300 characters]");
        assertThat(event.subject()).hasSize(AuditEvent.MAX_SUBJECT).endsWith("[shortened: 600 characters]");
    }

    @Test
    void charactersOutsideTheBasicPlaneAreCountedAsTheDatabaseCountsThemAndNeverCutInHalf() {
        String emoji = "\uD83D\uDCDE"; // one character, two Java chars
        String fits = emoji.repeat(AuditEvent.MAX_DETAIL);
        String detail = withDetail(emoji.repeat(AuditEvent.MAX_DETAIL + 1)).detail();

        assertThat(withDetail(fits).detail()).isEqualTo(fits);
        assertThat(detail.codePointCount(0, detail.length())).isEqualTo(AuditEvent.MAX_DETAIL);
        assertThat(detail).endsWith(emoji + "… [shortened: 2,001 characters]");
    }

    @Test
    void aShortenedEventReadBackFromTheTrailHashesAsItDidWhenWritten() {
        AuditEvent written = withDetail("d".repeat(3_000));
        AuditEvent readBack = new AuditEvent(written.at(), written.actor(), written.action(), written.subject(),
                written.detail());

        assertThat(HashChain.link(HashChain.GENESIS, 1, readBack)).isEqualTo(HashChain.link(HashChain.GENESIS, 1, written));
    }
}
