package org.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

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

        assertThat(sealed).startsWith("v2:legacy:").doesNotContain("bind").doesNotContain("pa55");
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

    @Test
    void aValueSealedUnderAnOlderKeyOpensBesideANewOneAndNewValuesCarryTheNewKeysId() {
        String old = box.seal("s3cret".getBytes(StandardCharsets.UTF_8), "telegram_account:p1");
        SecretBox both = SecretBox.withKeys("2", Map.of("2", key(9), SecretBox.LEGACY, key(7)));

        assertThat(new String(both.open(old, "telegram_account:p1"), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(both.sealedUnderCurrentKey(old)).isFalse();
        String resealed = both.seal(both.open(old, "telegram_account:p1"), "telegram_account:p1");
        assertThat(resealed).startsWith("v2:2:");
        assertThat(SecretBox.keyIdOf(resealed)).isEqualTo("2");
        assertThat(both.sealedUnderCurrentKey(resealed)).isTrue();

        SecretBox onlyNew = SecretBox.withKeys("2", Map.of("2", key(9)));
        assertThat(new String(onlyNew.open(resealed, "telegram_account:p1"), StandardCharsets.UTF_8))
                .isEqualTo("s3cret");
        assertThatThrownBy(() -> onlyNew.open(old, "telegram_account:p1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the key legacy, which is not configured");
    }

    @Test
    void aValueSealedBeforeKeyIdsOpensWithTheLegacyKey() throws Exception {
        // the format written before key ids: "v1:" and the nonce and ciphertext, no key id
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(7), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD("directory_source:hr".getBytes(StandardCharsets.UTF_8));
        byte[] body = cipher.doFinal("old".getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[12 + body.length];
        System.arraycopy(body, 0, all, 12, body.length);
        String v1 = "v1:" + Base64.getEncoder().encodeToString(all);

        assertThat(SecretBox.keyIdOf(v1)).isEqualTo(SecretBox.LEGACY);
        SecretBox rotating = SecretBox.withKeys("next", Map.of("next", key(9), SecretBox.LEGACY, key(7)));
        assertThat(new String(rotating.open(v1, "directory_source:hr"), StandardCharsets.UTF_8)).isEqualTo("old");
    }

    @Test
    void aKeyRingWhoseSealingKeyIsMissingOrWhoseIdsAreNotNamesIsRefused() {
        assertThatThrownBy(() -> SecretBox.withKeys("3", Map.of("2", key(9))))
                .hasMessageContaining("sealing key 3 is not among the keys");
        assertThatThrownBy(() -> SecretBox.withKeys("a:b", Map.of("a:b", key(9))))
                .hasMessageContaining("not \"a:b\"");
    }
}
