package org.roster.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The kinds the connector brings, found as the application finds them: through their service file.
 * What each takes and which settings bind its secrets is the kind's own to say.
 */
class SourceKindsTest {

    private static final Map<String, Secret> PASSWORD = Map.of("password", Secret.of("pw".toCharArray()));

    private static SourceSettings ldap(String url, Map<String, Secret> secrets, String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("url", url, "base-dn",
                "ou=people,dc=example,dc=com"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return new SourceSettings("hr", settings, secrets);
    }

    private static SourceKind kind(String name) {
        return SourceKinds.named(name).orElseThrow();
    }

    @Test
    void ldapAndEntraAreFoundThroughTheirServiceFileInThatOrder() {
        assertThat(SourceKinds.installed()).extracting(SourceKind::name).containsExactly("ldap", "entra");
        assertThat(SourceKinds.named("csv")).isEmpty();
    }

    @Test
    void everyKindSaysWhichOfItsSettingsBindItsSecrets() {
        assertThat(kind("ldap").endpointSettings()).containsExactlyInAnyOrder("url", "bind-dn", "trust-store");
        assertThat(kind("entra").endpointSettings()).containsExactlyInAnyOrder("authority-host", "graph-url",
                "tenant-id", "client-id", "trust-store");
        assertThat(SourceKinds.endpointSettings()).containsExactlyInAnyOrder("url", "bind-dn", "authority-host",
                "graph-url", "tenant-id", "client-id", "trust-store");
        assertThat(kind("ldap").settings()).containsAll(kind("ldap").endpointSettings());
        assertThat(kind("entra").settings()).containsAll(kind("entra").endpointSettings());
    }

    @Test
    void anLdapSourcesServersAndTransportSecurityAreItsOwn() {
        SourceKind.Servers failover = kind("ldap").servers(ldap("ldaps://a.example.com:636 ldaps://b.example.com:1636",
                Map.of())).orElseThrow();
        assertThat(failover.urls()).hasSize(2).satisfiesExactly(a -> assertThat(a).contains("a.example.com:636"),
                b -> assertThat(b).contains("b.example.com:1636"));
        assertThat(failover.tls()).isEqualTo("ldaps");
        assertThat(kind("ldap").servers(ldap("ldap://a.example.com", Map.of(), "start-tls", "true")).orElseThrow()
                .tls()).isEqualTo("starttls");
        assertThat(kind("ldap").servers(ldap("ldap://a.example.com", Map.of())).orElseThrow().tls())
                .isEqualTo("none");
        assertThat(kind("entra").servers(new SourceSettings("staff", Map.of(), Map.of()))).as("a service, unread")
                .isEmpty();
    }

    @Test
    void onlyAnLdapBindPasswordWithoutTlsTravelsInClearText() {
        assertThat(kind("ldap").secretInClearTextTo(ldap("ldap://a.example.com", PASSWORD)))
                .hasValue("ldap://a.example.com");
        assertThat(kind("ldap").secretInClearTextTo(ldap("ldaps://a.example.com", PASSWORD))).isEmpty();
        assertThat(kind("ldap").secretInClearTextTo(ldap("ldap://a.example.com", PASSWORD, "start-tls", "true")))
                .isEmpty();
        assertThat(kind("ldap").secretInClearTextTo(ldap("ldap://a.example.com", Map.of()))).isEmpty();
    }

    @Test
    void aKindsErrorsNameTheSourceAndTheSetting() {
        assertThatThrownBy(() -> kind("ldap").configure(ldap("ldaps://a.example.com", Map.of(), "connect-timeout",
                "10s"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source hr: connect-timeout must be an ISO-8601 duration such as PT10S, not 10s");
        assertThatThrownBy(() -> kind("entra").configure(new SourceSettings("staff", Map.of("tenant-id", "t"),
                Map.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("source staff: ").hasMessageContaining("the setting client-id is required");
    }
}
