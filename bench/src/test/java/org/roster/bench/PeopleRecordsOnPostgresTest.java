package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roster.policy.PersonField;
import org.roster.records.AppPasswordRecords;
import org.roster.records.DeliveredContacts;
import org.roster.records.EmployeeRecords;
import org.roster.records.SelfServiceChoices;
import org.roster.records.TelegramAccounts;

/**
 * The people pages' read models and the ports they change through, on a real PostgreSQL: what the
 * employee search finds, the order colleagues who receive a contact are listed in, self-service
 * choices, app passwords from before digests, and which Telegram accounts a run unlinks. Rows go
 * straight into the tables, as runs and older versions left them.
 */
class PeopleRecordsOnPostgresTest {

    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase("people");

    private static final Instant EARLIER = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T09:30:00Z");

    private String url;
    private RosterDatabase db;

    @BeforeEach
    void anEmptyDatabase() throws Exception {
        db = DATABASE.db();
        url = DATABASE.url();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, BenchPostgres.USER, BenchPostgres.PASSWORD);
             Statement statement = c.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }

    /** An employee as a run stores them; null names are left out. */
    private static String employee(String id, String displayName, String givenName, String surname, String mail,
                                   String status, boolean inScope) {
        return "insert into employee (id, reference, display_name, given_name, surname, mail, status, in_scope, "
                + "contact_allowed, scope_rule, last_seen_run, updated_at) values ('" + id + "', 'uid=" + id
                + ",ou=people', " + quoted(displayName) + ", " + quoted(givenName) + ", " + quoted(surname) + ", "
                + quoted(mail) + ", '" + status + "', " + inScope + ", " + inScope + ", 'everyone', 1, now())";
    }

    private static String delivered(String viewer, String contact, String fieldsJson, String rule) {
        return "insert into delivered_contact (viewer_id, contact_id, fields, fingerprint, rule_id, delivered_run, "
                + "delivered_at) values ('" + viewer + "', '" + contact + "', '" + fieldsJson + "', 'f', '" + rule
                + "', 1, '" + EARLIER + "')";
    }

    private static String account(String employeeId, String status) {
        return "insert into telegram_account (employee_id, session_key, status, updated_at) values ('" + employeeId
                + "', 'sealed', '" + status + "', now())";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private List<String> found(String text, int limit) {
        return db.inTransaction(() -> db.employeeRecords().search(text, limit)).stream()
                .map(EmployeeRecords.Match::id).toList();
    }

    @Test
    void theSearchTakesWildcardsLiterallyAndIgnoresCase() throws SQLException {
        sql(employee("p1", "Ada Lovelace", null, null, "ada@example.org", "ACTIVE", true),
                employee("p2", "100% Grace", null, null, null, "ACTIVE", true),
                employee("p3", null, "Alan", "Turing", "alan_t@example.org", "GONE", false));

        assertThat(found("%", 50)).containsExactly("p2");
        assertThat(found("n_t", 50)).containsExactly("p3");
        assertThat(found("ADA", 50)).containsExactly("p1");
        assertThat(found("turing", 50)).containsExactly("p3");
        assertThat(found("", 2)).containsExactly("p1", "p2");
        EmployeeRecords.Match alan = db.inTransaction(() -> db.employeeRecords().search("alan", 1)).get(0);
        assertThat(alan).isEqualTo(new EmployeeRecords.Match("p3", null, "Alan", "Turing", null,
                EmployeeRecords.Status.GONE, false));
    }

    @Test
    void colleaguesWhoReceiveAContactAreSortedOnlyByTheNamesAskedFor() throws SQLException {
        sql(employee("v1", "Zed", null, null, null, "ACTIVE", true),
                employee("v2", "Amy", null, null, null, "ACTIVE", true),
                employee("v3", "Max", null, null, null, "ACTIVE", true),
                employee("c", "Cee", null, null, null, "ACTIVE", true),
                delivered("v1", "c", "{}", "team"), delivered("v2", "c", "{}", "team"),
                delivered("v3", "c", "{}", "managers"), delivered("c", "v1", "{}", "team"));
        DeliveredContacts delivered = db.deliveredContacts();

        List<DeliveredContacts.Receiver> byId = db.inTransaction(() -> delivered.receivers("c", List.of(), 10));
        List<DeliveredContacts.Receiver> byName = db.inTransaction(() -> delivered.receivers("c",
                List.of(PersonField.DISPLAY_NAME), 2));

        assertThat(byId).extracting(r -> r.viewer().id()).containsExactly("v1", "v2", "v3");
        assertThat(byId).extracting(DeliveredContacts.Receiver::rule).containsExactly("team", "team", "managers");
        assertThat(byName).extracting(r -> r.viewer().id()).containsExactly("v2", "v3");
        assertThat(db.inTransaction(() -> delivered.receiverCount("c"))).isEqualTo(3);
    }

    @Test
    void aViewersContactsCarryTheFieldsDeliveredAndWhereTheyStandInTelegram() throws SQLException {
        sql(delivered("v", "b", "{\"displayName\":\"Bee\"}", "team"),
                delivered("v", "a", "{\"displayName\":\"Ay\",\"mobile\":\"+4915100000001\"}", "team"),
                delivered("w", "a", "{}", "team"),
                "insert into telegram_contact (viewer_id, contact_id, state, intent, user_id, reason, at) values "
                        + "('v', 'a', 'FAILED', 'ADD', 0, 'flood wait', now())");
        DeliveredContacts delivered = db.deliveredContacts();

        List<DeliveredContacts.Delivered> mine = db.inTransaction(() -> delivered.to("v"));

        assertThat(mine).containsExactly(
                new DeliveredContacts.Delivered("a", Map.of(PersonField.DISPLAY_NAME, "Ay", PersonField.MOBILE,
                        "+4915100000001"), "team", 1, EARLIER),
                new DeliveredContacts.Delivered("b", Map.of(PersonField.DISPLAY_NAME, "Bee"), "team", 1, EARLIER));
        assertThat(db.inTransaction(() -> delivered.one("v", "b"))).contains(mine.get(1));
        assertThat(db.inTransaction(() -> delivered.one("v", "w"))).isEmpty();
        assertThat(db.inTransaction(() -> delivered.telegramStates("v")))
                .isEqualTo(Map.of("a", new DeliveredContacts.TelegramState("FAILED", "flood wait")));
        assertThat(db.inTransaction(() -> delivered.telegramState("v", "b"))).isEmpty();
    }

    @Test
    void aFirstChoiceLeavesWhatWasNotChosenOffAndALaterOneKeepsIt() {
        SelfServiceChoices choices = db.selfServiceChoices();

        SelfServiceChoices.Choice first = db.inTransaction(() -> choices.choose("p1", true, null, EARLIER));
        SelfServiceChoices.Choice second = db.inTransaction(() -> choices.choose("p1", null, true, LATER));

        assertThat(first).isEqualTo(new SelfServiceChoices.Choice(true, false, EARLIER));
        assertThat(second).isEqualTo(new SelfServiceChoices.Choice(true, true, LATER));
        assertThat(db.inTransaction(() -> choices.choice("p1"))).contains(second);
        assertThat(db.inTransaction(() -> choices.choice("p2"))).isEmpty();
    }

    @Test
    void aPasswordFromBeforeDigestsIsACandidateUntilItGetsItsDigest() throws SQLException {
        sql("insert into app_password (employee_id, label, hash, created_at) values "
                + "('p1', 'old phone', 'pbkdf2-sha256$1$salt$hash', '" + EARLIER + "')");
        AppPasswordRecords passwords = db.appPasswordRecords();
        long legacy = db.inTransaction(() -> passwords.of("p1")).get(0).id();

        AppPasswordRecords.Stored made = db.inTransaction(() -> passwords.add("p1", "new phone", "d1", LATER));

        assertThat(db.inTransaction(() -> passwords.candidates("p1", "d1"))).extracting(AppPasswordRecords.Stored::id)
                .containsExactlyInAnyOrder(legacy, made.id());
        assertThat(db.inTransaction(() -> passwords.candidates("p2", "d1"))).isEmpty();

        db.inTransaction(() -> {
            passwords.used(legacy, LATER, "d2");
            return null;
        });

        assertThat(db.inTransaction(() -> passwords.candidates("p1", "d1"))).extracting(AppPasswordRecords.Stored::id)
                .containsExactly(made.id());
        assertThat(db.inTransaction(() -> passwords.candidates("p1", "d2"))).containsExactly(
                new AppPasswordRecords.Stored(legacy, "p1", "old phone", "d2", null, EARLIER, LATER));
        assertThat(db.inTransaction(() -> passwords.delete("p2", made.id()))).isFalse();
        assertThat(db.inTransaction(() -> passwords.delete("p1", made.id()))).isTrue();
        assertThat(db.inTransaction(() -> passwords.count("p1"))).isEqualTo(1);
    }

    @Test
    void aRunUnlinksLeaversThoseWhoOptedOutAndAccountsLeftUnlinking() throws SQLException {
        sql(employee("a", "A", null, null, null, "ACTIVE", true),
                employee("g", "G", null, null, null, "GONE", false),
                employee("o", "O", null, null, null, "ACTIVE", false),
                employee("s", "S", null, null, null, "ACTIVE", false),
                employee("u", "U", null, null, null, "ACTIVE", true),
                "insert into self_service (employee_id, opted_out, opted_in, updated_at) values ('o', true, false, now())",
                account("a", "READY"), account("g", "READY"), account("m", "READY"), account("o", "READY"),
                account("s", "READY"), account("u", "UNLINKING"));

        List<TelegramAccounts.Departed> departed = db.inTransaction(() -> db.telegramAccounts().departed("UNLINKING"));

        assertThat(departed).containsExactly(new TelegramAccounts.Departed("g", false, true),
                new TelegramAccounts.Departed("m", false, true), new TelegramAccounts.Departed("o", false, false),
                new TelegramAccounts.Departed("u", true, false));
    }

    @Test
    void anAccountLinkedAgainGetsEverythingAgainAndAForgottenOneLeavesNothingBehind() throws SQLException {
        sql(delivered("v", "a", "{}", "team"), delivered("w", "a", "{}", "team"),
                "insert into telegram_contact (viewer_id, contact_id, state, intent, user_id, reason, at) values "
                        + "('v', 'a', 'IMPORTED', 'ADD', 7, '', now()), ('w', 'a', 'IMPORTED', 'ADD', 8, '', now())");
        TelegramAccounts accounts = db.telegramAccounts();
        db.inTransaction(() -> {
            accounts.add("v", "sealed", EARLIER);
            return null;
        });

        String before = db.inTransaction(() -> accounts.status("v", "READY", LATER));
        db.inTransaction(() -> {
            accounts.forgetDeliveries("v");
            return null;
        });

        assertThat(before).isEqualTo("STARTING");
        assertThat(db.inTransaction(() -> accounts.account("v")))
                .contains(new TelegramAccounts.Account("v", "sealed", "READY", LATER));
        assertThat(db.inTransaction(() -> db.deliveredContacts().to("v"))).isEmpty();
        assertThat(db.inTransaction(() -> db.deliveredContacts().to("w"))).hasSize(1);

        db.inTransaction(() -> {
            accounts.forget("v");
            return null;
        });

        assertThat(db.inTransaction(() -> accounts.account("v"))).isEqualTo(Optional.empty());
        assertThat(db.inTransaction(() -> db.deliveredContacts().telegramStates("v"))).isEmpty();
        assertThat(db.inTransaction(() -> db.deliveredContacts().telegramStates("w"))).containsOnlyKeys("a");
    }
}
