package org.roster.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.roster.source.Secret;

class SecretsBoundToEndpointTest {

    private static final Map<String, String> HR = Map.of("url", "ldaps://hr.example.com", "bind-dn",
            "cn=roster,dc=example,dc=com", "base-dn", "ou=people,dc=example,dc=com");
    private static final SourceDefinition OLD = new SourceDefinition("hr", "ldap", "HR", 10, true, HR,
            Map.of("password", secret("bind-pw"), "trust-store-password", secret("store-pw")), false);

    private static Secret secret(String value) {
        return Secret.of(value.toCharArray());
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put(key, value);
        return changed;
    }

    @Test
    void aChangeThatKeepsTheEndpointKeepsTheSecrets() {
        SecretsBoundToEndpoint.Carried carried = SecretsBoundToEndpoint.carry(OLD, "ldap",
                with(HR, "filter", "(objectClass=person)"), Map.of());

        assertThat(carried.secrets()).isEqualTo(OLD.secrets());
        assertThat(carried.cleared()).isEmpty();
        assertThat(carried.sentence()).isEmpty();
    }

    @Test
    void anotherServerWithoutTheSecretClearsEveryStoredSecretAndSaysSo() {
        SecretsBoundToEndpoint.Carried carried = SecretsBoundToEndpoint.carry(OLD, "ldap",
                with(HR, "url", "ldaps://elsewhere.example.net"), Map.of());

        assertThat(carried.secrets()).isEmpty();
        assertThat(carried.moved()).containsExactly("url");
        assertThat(carried.cleared()).containsExactly("password", "trust-store-password");
        assertThat(carried.sentence()).contains("password and trust-store-password were cleared", "url changed")
                .doesNotContain("bind-pw", "store-pw");
    }

    @Test
    void aSecretSuppliedWithTheNewEndpointIsNotCountedAsCleared() {
        SecretsBoundToEndpoint.Carried carried = SecretsBoundToEndpoint.carry(OLD, "ldap",
                with(HR, "url", "ldaps://elsewhere.example.net"), Map.of("password", secret("new-pw")));

        assertThat(carried.cleared()).containsExactly("trust-store-password");
        SourceDefinition next = new SourceDefinition("hr", "ldap", "HR", 10, true,
                with(HR, "url", "ldaps://elsewhere.example.net"), carried.secrets(), false)
                .withSecrets(Map.of("password", secret("new-pw")));
        assertThat(next.secrets()).containsOnlyKeys("password");
        assertThat(next.secret("password")).isEqualTo(secret("new-pw"));
    }

    @Test
    void everyEndpointSettingMovesTheSecretsButSpacesAroundAValueDoNot() {
        for (String key : SecretsBoundToEndpoint.ENDPOINT) {
            assertThat(SecretsBoundToEndpoint.carry(OLD, "ldap", with(HR, key, "something else"), Map.of()).cleared())
                    .as(key).containsExactly("password", "trust-store-password");
        }
        assertThat(SecretsBoundToEndpoint.carry(OLD, "ldap", with(HR, "url", " ldaps://hr.example.com "), Map.of())
                .cleared()).isEmpty();
        Map<String, String> withoutBindDn = new HashMap<>(HR);
        withoutBindDn.remove("bind-dn");
        assertThat(SecretsBoundToEndpoint.carry(OLD, "ldap", withoutBindDn, Map.of()).moved())
                .as("an anonymous bind is another account").containsExactly("bind-dn");
    }

    @Test
    void anotherKindClearsTheSecrets() {
        SecretsBoundToEndpoint.Carried carried = SecretsBoundToEndpoint.carry(OLD, "entra",
                Map.of("tenant-id", "contoso.onmicrosoft.com", "client-id", "app"), Map.of());

        assertThat(carried.moved()).contains("kind");
        assertThat(carried.secrets()).isEmpty();
    }
}
