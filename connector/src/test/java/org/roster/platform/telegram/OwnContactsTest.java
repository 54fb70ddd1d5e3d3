package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** The employee's own contacts, as numbers or as keyed digests of them. */
class OwnContactsTest {

    @Test
    void aNumberIsRecognisedInAnyFormat() {
        OwnContacts own = new OwnContacts(Set.of(7L), Set.of("4915112345678"));

        assertThat(own.hasNumber("+49 151 1234-5678")).isTrue();
        assertThat(own.hasNumber("+4915112345679")).isFalse();
        assertThat(own.toString()).doesNotContain("4915112345678");
    }

    @Test
    void keyedNumbersAreRecognisedWithoutBeingKept() {
        UnaryOperator<String> key = digits -> "k:" + new StringBuilder(digits).reverse();
        OwnContacts own = new OwnContacts(Set.of(7L), Set.of(key.apply("4915112345678"))).keyedBy(key);

        assertThat(own.keyed()).isTrue();
        assertThat(own.phoneNumbers()).noneMatch(n -> n.contains("4915112345678"));
        assertThat(own.hasNumber("+49 151 12345678")).isTrue();
        assertThat(own.hasNumber("+4915112345679")).isFalse();
    }
}
