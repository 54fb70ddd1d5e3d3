package org.roster.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretKeysTest {

    @Test
    void configuredKeysAreReadInOrderSoTheFirstSeals() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, byte[]> keys = SecretKeys.parse(" 2026-12:" + key + ", 2026-06:" + key);

        assertThat(keys.keySet()).containsExactly("2026-12", "2026-06");
        assertThat(keys.get("2026-06")).hasSize(32);
        assertThat(SecretKeys.parse("")).isEmpty();
    }

    @Test
    void aKeyWithoutAnIdOrNotInBase64OrNamedTwiceIsRefusedByItsId() {
        assertThatThrownBy(() -> SecretKeys.parse("QUFB")).hasMessageContaining("id:base64");
        assertThatThrownBy(() -> SecretKeys.parse("2:not base64!")).hasMessageContaining("the key 2 is not base64");
        assertThatThrownBy(() -> SecretKeys.parse("2:QUFB,2:QkJC")).hasMessageContaining("2 appears twice");
    }
}
