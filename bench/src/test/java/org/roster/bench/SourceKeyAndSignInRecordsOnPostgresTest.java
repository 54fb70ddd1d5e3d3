package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roster.records.SealedDigestKeys;
import org.roster.records.SealedValues;
import org.roster.records.SignInIdentities;
import org.roster.records.StoredSource;
import org.roster.records.StoredSources;
import org.roster.store.JpaSealedDigestKeys;
import org.roster.store.JpaSealedValues;
import org.roster.store.JpaSignInIdentities;
import org.roster.store.JpaStoredSources;
import org.roster.store.Transactions;

/**
 * The records behind the sources page, the key rotation and sign-in on a real PostgreSQL: sources
 * come back as they were kept, a rotation finds and replaces exactly the values sealed under other
 * keys, the first digest key kept stays, and a signed-in person is found by id or by an address
 * only they have.
 */
class SourceKeyAndSignInRecordsOnPostgresTest {

    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase("records");

    private String url;
    private RosterDatabase db;
    private Transactions tx;

    @BeforeEach
    void anEmptyDatabase() throws Exception {
        db = DATABASE.db();
        url = DATABASE.url();
        tx = db.transactions();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, BenchPostgres.USER, BenchPostgres.PASSWORD);
             Statement statement = c.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }

    private static StoredSource hr(Map<String, String> settings, Optional<String> sealed) {
        return new StoredSource("hr", "ldap", "HR directory", 10, true, settings, sealed);
    }

    @Test
    void aSourceComesBackAsItWasKeptAndAChangeReplacesItWhole() {
        StoredSources sources = new JpaStoredSources(db.entityManager());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StoredSource kept = hr(Map.of("url", "ldaps://hr.example.com", "base-dn", "ou=people,dc=example,dc=com"),
                Optional.of("v2:2026-12:sealed"));

        tx.inTransaction(() -> sources.add(kept, "admin", now));

        assertThat(tx.inTransaction(() -> sources.find("hr"))).hasValue(kept);
        assertThat(tx.inTransaction(sources::all)).containsExactly(kept);

        StoredSource changed = new StoredSource("hr", "ldap", "HR", 20, false, Map.of("url", "ldaps://hr2.example.com",
                "base-dn", "ou=people,dc=example,dc=com"), Optional.empty());
        tx.inTransaction(() -> sources.replace(changed, "other-admin", now.plusSeconds(1)));

        assertThat(tx.inTransaction(() -> sources.find("hr"))).as("secrets no longer set are gone").hasValue(changed);
        tx.inTransaction(() -> sources.remove("hr"));
        assertThat(tx.inTransaction(sources::all)).isEmpty();
        assertThat(tx.inTransaction(() -> sources.find("hr"))).isEmpty();
    }

    @Test
    void aRotationFindsOnlyValuesUnderOtherKeysAndReplacesOnlyWhatItRead() throws SQLException {
        SealedValues sealed = new JpaSealedValues(db.entityManager());
        StoredSources sources = new JpaStoredSources(db.entityManager());
        tx.inTransaction(() -> {
            sources.add(new StoredSource("b-old", "ldap", "B", 1, true, Map.of(), Optional.of("v2:legacy:b")),
                    "admin", Instant.now());
            sources.add(new StoredSource("a-old", "ldap", "A", 1, true, Map.of(), Optional.of("v1-sealed-a")),
                    "admin", Instant.now());
            sources.add(new StoredSource("current", "ldap", "C", 1, true, Map.of(), Optional.of("v2:2026-12:c")),
                    "admin", Instant.now());
            sources.add(new StoredSource("no-secrets", "ldap", "D", 1, true, Map.of(), Optional.empty()),
                    "admin", Instant.now());
        });
        sql("insert into secret_digest_key (purpose, sealed, created_at) values ('app-password-lookup', "
                + "'v2:legacy:k', current_timestamp)");

        assertThat(tx.inTransaction(() -> sealed.notSealedUnder(SealedValues.Holder.SOURCE_SECRETS, "2026-12")))
                .containsExactly("a-old", "b-old");
        assertThat(tx.inTransaction(() -> sealed.notSealedUnder(SealedValues.Holder.DIGEST_KEYS, "2026-12")))
                .containsExactly("app-password-lookup");
        assertThat(tx.inTransaction(() -> sealed.notSealedUnder(SealedValues.Holder.TELEGRAM_SESSIONS, "2026-12")))
                .isEmpty();

        assertThat(tx.inTransaction(() -> sealed.lock(SealedValues.Holder.SOURCE_SECRETS, "b-old")))
                .hasValue("v2:legacy:b");
        assertThat(tx.inTransaction(() -> sealed.lock(SealedValues.Holder.SOURCE_SECRETS, "no-secrets"))).isEmpty();
        assertThat(tx.inTransaction(() -> sealed.lock(SealedValues.Holder.SOURCE_SECRETS, "missing"))).isEmpty();

        assertThat(tx.inTransaction(() -> sealed.replace(SealedValues.Holder.SOURCE_SECRETS, "b-old",
                "v2:legacy:changed-meanwhile", "v2:2026-12:b"))).as("a value changed since it was read").isFalse();
        assertThat(tx.inTransaction(() -> sealed.replace(SealedValues.Holder.SOURCE_SECRETS, "b-old", "v2:legacy:b",
                "v2:2026-12:b"))).isTrue();
        assertThat(tx.inTransaction(() -> sealed.replace(SealedValues.Holder.DIGEST_KEYS, "app-password-lookup",
                "v2:legacy:k", "v2:2026-12:k"))).isTrue();

        assertThat(tx.inTransaction(() -> sealed.notSealedUnder(SealedValues.Holder.SOURCE_SECRETS, "2026-12")))
                .containsExactly("a-old");
        assertThat(tx.inTransaction(() -> sources.find("b-old")).orElseThrow().sealedSecrets())
                .hasValue("v2:2026-12:b");
        assertThat(tx.inTransaction(() -> sealed.notSealedUnder(SealedValues.Holder.DIGEST_KEYS, "2026-12")))
                .isEmpty();
    }

    @Test
    void theFirstDigestKeyKeptForAPurposeStays() {
        SealedDigestKeys keys = new JpaSealedDigestKeys(db.entityManager());

        assertThat(tx.inTransaction(() -> keys.sealed("app-password-lookup"))).isEmpty();
        tx.inTransaction(() -> keys.keepFirst("app-password-lookup", "v2:legacy:first"));
        tx.inTransaction(() -> keys.keepFirst("app-password-lookup", "v2:legacy:second"));
        tx.inTransaction(() -> keys.keepFirst("telephone-number-digest", "v2:legacy:numbers"));

        assertThat(tx.inTransaction(() -> keys.sealed("app-password-lookup"))).hasValue("v2:legacy:first");
        assertThat(tx.inTransaction(() -> keys.sealed("telephone-number-digest"))).hasValue("v2:legacy:numbers");
    }

    @Test
    void aPersonIsFoundByIdOrByAnAddressInAnyCase() throws SQLException {
        SignInIdentities identities = new JpaSignInIdentities(db.entityManager());
        String employee = "insert into employee (id, reference, mail, status, in_scope, scope_rule, last_seen_run, "
                + "updated_at) values ('%s', 'uid=%s', '%s', 'ACTIVE', true, 'all', 1, current_timestamp)";
        sql(employee.formatted("p12", "p12", "Ana.Ruiz@example.org"),
                employee.formatted("p13", "p13", "team@example.org"),
                employee.formatted("p14", "p14", "TEAM@example.org"),
                employee.formatted("p15", "p15", "team@example.org"));

        assertThat(identities.employeeWithId("p12")).hasValue("p12");
        assertThat(identities.employeeWithId("nobody")).isEmpty();
        assertThat(identities.employeesWithMail("ana.ruiz@example.org", 2)).containsExactly("p12");
        assertThat(identities.employeesWithMail("team@example.org", 2)).as("at most as many as asked").hasSize(2);
        assertThat(identities.employeesWithMail("nobody@example.org", 2)).isEmpty();
    }
}
