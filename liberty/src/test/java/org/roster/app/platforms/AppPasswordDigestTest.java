package org.roster.app.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AppPasswordDigestTest {

    private static byte[] key(char fill) {
        return String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aPasswordHasOneDigestUnderOneKeyAndAnotherUnderAnother() {
        AppPasswordDigest digest = new AppPasswordDigest(key('a'));

        String lookup = digest.of("abcd-efgh-ijkm-npqr-stuv-wxyz");

        assertThat(lookup).hasSize(64).matches("[0-9a-f]+").isEqualTo(digest.of("abcd-efgh-ijkm-npqr-stuv-wxyz"));
        assertThat(digest.of("abcd-efgh-ijkm-npqr-stuv-wxy2")).isNotEqualTo(lookup);
        assertThat(new AppPasswordDigest(key('b')).of("abcd-efgh-ijkm-npqr-stuv-wxyz")).isNotEqualTo(lookup);
        assertThat(AppPasswordDigest.same(lookup, digest.of("abcd-efgh-ijkm-npqr-stuv-wxyz"))).isTrue();
        assertThat(AppPasswordDigest.same(lookup, null)).isFalse();
    }

    @Test
    void aPasswordHashedTheOldWayStillMatchesAndNothingElseDoes() {
        String stored = LegacyAppPasswordHash.hash("abcd-efgh".toCharArray(), new byte[16], 1_000);

        assertThat(LegacyAppPasswordHash.matches("abcd-efgh".toCharArray(), stored)).isTrue();
        assertThat(LegacyAppPasswordHash.matches("abcd-efgX".toCharArray(), stored)).isFalse();
        assertThat(LegacyAppPasswordHash.matches("abcd-efgh".toCharArray(), null)).isFalse();
        assertThat(LegacyAppPasswordHash.matches("abcd-efgh".toCharArray(), "pbkdf2-sha256$x$y$z")).isFalse();
    }
}
