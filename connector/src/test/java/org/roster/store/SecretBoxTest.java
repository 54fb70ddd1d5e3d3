package org.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SecretBox box = new SecretBox(key(7));

    @Test
    void aSealedSecretOpensForItsOwnerAndShowsNothingOfItself() {
        String sealed = box.seal("bind-pa55word".getBytes(StandardCharsets.UTF_8), "directory_source:hr");

        assertThat(sealed).startsWith("v1:").doesNotContain("bind").doesNotContain("pa55");
        assertThat(new String(box.open(sealed, "directory_source:hr"), StandardCharsets.UTF_8)).isEqualTo("bind-pa55word");
        assertThat(box.seal("bind-pa55word".getBytes(StandardCharsets.UTF_8), "directory_source:hr"))
                .as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aSecretCopiedToAnotherOwnerOrOpenedWithAnotherKeyOrAlteredDoesNotOpen() {
        String sealed = box.seal("s3cret".getBytes(StandardCharsets.UTF_8), "directory_source:hr");

        assertThatThrownBy(() -> box.open(sealed, "directory_source:it")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another owner");
        assertThatThrownBy(() -> new SecretBox(key(8)).open(sealed, "directory_source:hr"))
                .hasMessageContaining("roster.secrets.key");
        char[] altered = sealed.toCharArray();
        altered[10] = altered[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(new String(altered), "directory_source:hr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox(new byte[16])).hasMessageContaining("32 bytes");
    }
}
