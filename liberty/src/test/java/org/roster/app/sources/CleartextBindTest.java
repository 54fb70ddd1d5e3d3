package org.roster.app.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.roster.source.Secret;

class CleartextBindTest {

    private static final Map<String, Secret> PASSWORD = Map.of("password", Secret.of("pw".toCharArray()));

    private static SourceDefinition ldap(String url, Map<String, Secret> secrets, String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("url", url, "bind-dn", "cn=roster,dc=example,dc=com",
                "base-dn", "ou=people,dc=example,dc=com"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return new SourceDefinition("hr", "ldap", "HR", 10, true, settings, secrets, false);
    }

    @Test
    void aPasswordOverPlainLdapIsRefusedNamingTheServerAndTheWayOut() {
        assertThatThrownBy(() -> ldap("ldap://hr.example.com:389", PASSWORD).validated())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source hr: a password would travel in clear text to ldap://hr.example.com:389: use "
                        + "ldaps:// or start-tls, or set allow-insecure to true to accept that");
    }

    @Test
    void ldapsStartTlsOrNoPasswordAreFine() {
        assertThat(CleartextBind.exposed(ldap("ldaps://hr.example.com", PASSWORD).validated())).isFalse();
        assertThat(CleartextBind.exposed(ldap("ldap://hr.example.com", PASSWORD, "start-tls", "true").validated()))
                .isFalse();
        SourceDefinition anonymous = ldap("ldap://127.0.0.1:10389", Map.of()).validated();
        assertThat(CleartextBind.exposed(anonymous)).as("an anonymous read, like the demo directory's").isFalse();
        assertThat(CleartextBind.exposed(ldap("ldap://hr.example.com", Map.of("trust-store-password",
                Secret.of("x".toCharArray()))))).as("a trust store's password never leaves the server").isFalse();
    }

    @Test
    void allowInsecureAcceptsThePasswordInClearTextAndTheSourceStaysMarkedExposed() {
        SourceDefinition accepted = ldap("ldap://hr.example.com", PASSWORD, "allow-insecure", "true").validated();

        assertThat(CleartextBind.exposed(accepted)).isTrue();
        assertThat(CleartextBind.allowed(accepted)).isTrue();
    }

    @Test
    void allowInsecureIsTrueOrFalse() {
        assertThatThrownBy(() -> ldap("ldaps://hr.example.com", PASSWORD, "allow-insecure", "yes").validated())
                .hasMessageContaining("allow-insecure must be true or false, not yes");
    }

    private static List<LogRecord> loggedAtStart(SourceDefinition configured) {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(CleartextBind.class.getName());
        logger.addHandler(capture);
        try {
            CleartextBind.warnAtStart(configured);
        } finally {
            logger.removeHandler(capture);
        }
        return records;
    }

    @Test
    void theConfiguredSourceWithAPasswordInClearTextIsAWarningAtStartNotARefusal() {
        List<LogRecord> warned = loggedAtStart(ldap("ldap://hr.example.com", PASSWORD));
        assertThat(warned).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("clear text to ldap://hr.example.com",
                    "roster.source.ldap.allow-insecure=true").doesNotContain("pw");
        });

        assertThat(loggedAtStart(ldap("ldap://127.0.0.1:10389", Map.of()))).as("the demo directory's anonymous read")
                .isEmpty();
        assertThat(loggedAtStart(ldap("ldap://hr.example.com", PASSWORD, "allow-insecure", "true")))
                .extracting(LogRecord::getLevel).containsExactly(Level.INFO);
    }
}
