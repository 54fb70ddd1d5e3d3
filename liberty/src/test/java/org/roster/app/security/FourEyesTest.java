package org.roster.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FourEyesTest {

    @Test
    void namesDifferingOnlyInCaseAreOnePerson() {
        assertThat(FourEyes.samePerson("admin", "ADMIN")).isTrue();
        assertThat(FourEyes.samePerson("Compliance", "compliance")).isTrue();
    }

    @Test
    void compatibleCharactersAreOnePerson() {
        assertThat(FourEyes.samePerson("admin", "\uFF41\uFF44\uFF4D\uFF49\uFF4E")).as("full-width").isTrue();
        assertThat(FourEyes.samePerson("ﬁona", "FIONA")).as("the fi ligature").isTrue();
        assertThat(FourEyes.samePerson("Strauß", "STRAUSS")).as("sharp s folds to ss").isTrue();
        assertThat(FourEyes.samePerson("Ren\u00E9", "RENE\u0301")).as("composed and decomposed").isTrue();
    }

    @Test
    void differentNamesAreDifferentPeople() {
        assertThat(FourEyes.samePerson("admin", "admin2")).isFalse();
        assertThat(FourEyes.samePerson("compliance", "compliance2")).isFalse();
    }

    @Test
    void anUnknownNameIsNobodysSoNeverTheSame() {
        assertThat(FourEyes.samePerson(null, "admin")).isFalse();
        assertThat(FourEyes.samePerson("admin", null)).isFalse();
        assertThat(FourEyes.samePerson(null, null)).isFalse();
    }
}
