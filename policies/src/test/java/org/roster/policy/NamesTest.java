package org.roster.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aDnAsTheDirectoryReturnsItAndOneTypedWithSpacesCompareEqual() {
        assertThat(Names.dn("CN=Finance,OU=Groups,DC=example,DC=org"))
                .isEqualTo("cn=finance,ou=groups,dc=example,dc=org");
        assertThat(Names.dn("  CN = Finance ,\tOU=Groups, DC=example,DC=org "))
                .isEqualTo("cn=finance,ou=groups,dc=example,dc=org");
        assertThat(Names.dn("cn=Ana + uid=a1, ou=People")).isEqualTo("cn=ana+uid=a1,ou=people");
    }

    @Test
    void spacesInsideAValueStay() {
        assertThat(Names.dn("CN=Ana Ruiz Fernández,OU=People")).isEqualTo("cn=ana ruiz fernández,ou=people");
        assertThat(Names.dn("CN=Ana Ruiz , OU=People")).isEqualTo("cn=ana ruiz,ou=people");
    }

    @Test
    void isUnderComparesComparableForms() {
        assertThat(Names.isUnder("uid=a1, OU=People,dc=example,dc=org", "ou=people, dc=example, dc=org")).isTrue();
        assertThat(Names.isUnder("uid=a1,ou=people2,dc=example,dc=org", "ou=people,dc=example,dc=org")).isFalse();
    }
}
