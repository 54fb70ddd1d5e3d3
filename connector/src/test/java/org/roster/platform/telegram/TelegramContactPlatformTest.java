package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roster.platform.telegram.TelegramFixture.add;
import static org.roster.platform.telegram.TelegramFixture.remove;
import static org.roster.platform.telegram.TelegramFixture.update;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.platform.telegram.TelegramEmulator.Contact;
import org.roster.platform.telegram.TelegramLedger.State;
import org.roster.policy.PersonField;
import org.roster.sync.ContactCard;
import org.roster.sync.ContactChange;
import org.roster.sync.PlannedChange;

/** Delivering colleagues into an employee's Telegram contacts, against the emulator. */
class TelegramContactPlatformTest {

    private static final String EMPLOYEE = "+4915100000001";
    private static final String ANA = "+4915100000002";
    private static final String BEN = "+4915100000003";
    private static final String CHI = "+4915100000004";
    private static final String DAN = "+4915100000005";
    private static final String NOT_ON_TELEGRAM = "+4915100000009";

    @TempDir
    Path sessions;

    private TelegramFixture world;
    private long ana;
    private long ben;
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @BeforeEach
    void colleaguesAreOnTelegramAndTheEmployeeHasLinked() throws Exception {
        Logger logger = Logger.getLogger("org.roster.platform.telegram");
        levelBefore = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);

        world = new TelegramFixture(sessions);
        world.telegram.register(EMPLOYEE, "Eva", "Lind");
        ana = world.telegram.register(ANA, "Ana", "R.");
        ben = world.telegram.register(BEN, "Ben", "O.");
        world.telegram.register(CHI, "Chi", "N.");
        world.telegram.register(DAN, "Dan", "M.");
    }

    @AfterEach
    void stopCapturingLogs() {
        Logger logger = Logger.getLogger("org.roster.platform.telegram");
        logger.removeHandler(capture);
        logger.setLevel(levelBefore);
    }

    @Test
    void colleaguesAreImportedInBatchesAndNumbersNotOnTelegramAreRecordedAsSuch() throws Exception {
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform(
                new TelegramContactPlatform.Settings(2, Duration.ofSeconds(1), Duration.ofSeconds(60)));

        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN),
                add("r1/3", "p9", "Ida", "Berg", NOT_ON_TELEGRAM)));

        assertThat(world.telegram.contactsOf(EMPLOYEE)).containsExactlyInAnyOrder(
                new Contact(ana, ANA, "Ana", "Ruiz"), new Contact(ben, BEN, "Ben", "Okafor"));
        assertThat(world.ledger.entry("p1", "p2").orElseThrow().userId()).isEqualTo(ana);
        assertThat(world.ledger.stateOf("p1", "p2")).isEqualTo(State.IMPORTED);
        assertThat(world.ledger.stateOf("p1", "p9")).isEqualTo(State.NOT_ON_TELEGRAM);
        assertThat(world.requestsOf("importContacts")).hasSize(2);
    }

    @Test
    void aContactTheEmployeeHadBeforeIsNeverRenamedNorRemoved() throws Exception {
        world.telegram.addContactInApp(EMPLOYEE, BEN, "Benny", "(climbing)");
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform();

        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN)));
        platform.deliver("p1", List.of(remove("r2/1", "p3")));

        assertThat(world.telegram.contactsOf(EMPLOYEE)).containsExactlyInAnyOrder(
                new Contact(ana, ANA, "Ana", "Ruiz"), new Contact(ben, BEN, "Benny", "(climbing)"));
        assertThat(world.requestsOf("importContacts")).noneMatch(r -> r.json().contains(BEN));
        assertThat(world.requestsOf("removeContacts")).isEmpty();
        assertThat(world.ledger.recorded()).filteredOn(r -> r.key().equals("r1/2"))
                .singleElement().satisfies(r -> assertThat(r.entry().state()).isEqualTo(State.KEPT_OWN));
    }

    @Test
    void aRemovalRemovesTheUserRosterImportedAndNothingElse() throws Exception {
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform();
        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN)));

        platform.deliver("p1", List.of(remove("r2/1", "p2"), remove("r2/2", "p7")));

        assertThat(world.telegram.contactsOf(EMPLOYEE)).containsExactly(new Contact(ben, BEN, "Ben", "Okafor"));
        assertThat(world.requestsOf("removeContacts")).singleElement()
                .satisfies(r -> assertThat(r.json()).contains("\"user_ids\":[" + ana + "]"));
        assertThat(world.ledger.stateOf("p1", "p2")).isEqualTo(State.REMOVED);
        assertThat(world.ledger.stateOf("p1", "p7")).isEqualTo(State.REMOVED);
    }

    @Test
    void aBatchDeliveredAgainAfterACrashCreatesNoDuplicateAndIsRecordedOnce() throws Exception {
        world.link("p1", EMPLOYEE);
        List<PlannedChange> batch = List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA),
                add("r1/2", "p3", "Ben", "Okafor", BEN));
        // the crash comes after Telegram imported but before its answer was recorded
        world.ledger.crashOnOutcome = true;
        assertThatThrownBy(() -> world.platform().deliver("p1", batch)).isInstanceOf(IllegalStateException.class);
        world.ledger.crashOnOutcome = false;

        TelegramContactPlatform restarted = new TelegramContactPlatform(world.accounts(), world.ledger, world.clock,
                world.clock::advance, TelegramContactPlatform.Settings.defaults());
        restarted.deliver("p1", batch);
        int requests = world.telegram.requests().size();
        restarted.deliver("p1", batch);

        assertThat(world.telegram.contactsOf(EMPLOYEE)).containsExactlyInAnyOrder(
                new Contact(ana, ANA, "Ana", "Ruiz"), new Contact(ben, BEN, "Ben", "Okafor"));
        assertThat(world.telegram.requests()).hasSize(requests);
        assertThat(world.ledger.recorded()).extracting(InMemoryTelegramLedger.Recorded::key)
                .containsExactly("r1/1", "r1/2");
        assertThat(world.ledger.entry("p1", "p2").orElseThrow().userId()).isEqualTo(ana);
        assertThat(world.ledger.stateOf("p1", "p2")).isEqualTo(State.IMPORTED);
        assertThat(world.ledger.ownContacts("p1").orElseThrow().userIds())
                .as("the contacts Roster created before the crash are not taken for the employee's own")
                .doesNotContain(ana, ben);
    }

    @Test
    void aContactTheEmployeeAddedAfterLinkingIsNeverRenamedNorRemoved() throws Exception {
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform();
        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA)));
        world.telegram.addContactInApp(EMPLOYEE, BEN, "Benny", "(climbing)");

        platform.deliver("p1", List.of(add("r2/1", "p3", "Ben", "Okafor", BEN)));
        platform.deliver("p1", List.of(remove("r3/1", "p3")));
        TelegramContactPlatform.Withdrawal withdrawal = platform.withdraw("p1", world.linked.get("p1").client(), world.clock.instant());

        assertThat(world.telegram.contactsOf(EMPLOYEE)).containsExactly(new Contact(ben, BEN, "Benny", "(climbing)"));
        assertThat(world.requestsOf("importContacts")).noneMatch(r -> r.json().contains(BEN));
        assertThat(world.requestsOf("removeContacts")).noneMatch(r -> r.json().contains(Long.toString(ben)));
        assertThat(withdrawal).isEqualTo(new TelegramContactPlatform.Withdrawal(1, 1, 0, 0));
    }

    @Test
    void withdrawingRemovesEveryContactRosterImportedAndNoneOfTheEmployees() throws Exception {
        world.telegram.addContactInApp(EMPLOYEE, CHI, "Chi", "(neighbour)");
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform();
        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN),
                add("r1/3", "p9", "Ida", "Berg", NOT_ON_TELEGRAM), add("r1/4", "p4", "Chi", "Ng", CHI)));
        long ida = world.telegram.register(NOT_ON_TELEGRAM, "Ida", "B.");
        assertThat(world.telegram.contactsOf(EMPLOYEE)).hasSize(4);

        TelegramContactPlatform.Withdrawal withdrawal = platform.withdraw("p1", world.linked.get("p1").client(), world.clock.instant());

        assertThat(world.telegram.contactsOf(EMPLOYEE)).extracting(Contact::firstName).containsExactly("Chi");
        assertThat(withdrawal).isEqualTo(new TelegramContactPlatform.Withdrawal(3, 1, 0, 0));
        assertThat(withdrawal.complete()).isTrue();
        assertThat(world.requestsOf("removeContacts")).noneMatch(r -> r.json().contains(
                Long.toString(world.telegram.contactsOf(EMPLOYEE).get(0).userId())));
        assertThat(world.ledger.rostersUserIds("p1")).doesNotContain(ana, ben, ida).isEmpty();
    }

    @Test
    void aWithdrawalTelegramMakesWaitGoesOnWhereItStopped() throws Exception {
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform();
        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN)));
        world.telegram.throttle(EMPLOYEE, "removeContacts", 3600);

        TelegramContactPlatform.Withdrawal first = platform.withdraw("p1", world.linked.get("p1").client(), world.clock.instant());
        assertThat(first.complete()).isFalse();
        assertThat(first.waiting()).isEqualTo(2);
        assertThat(world.telegram.contactsOf(EMPLOYEE)).hasSize(2);

        world.clock.advance(Duration.ofHours(2));
        TelegramContactPlatform.Withdrawal second = platform.withdraw("p1", world.linked.get("p1").client(), world.clock.instant());

        assertThat(second).isEqualTo(new TelegramContactPlatform.Withdrawal(2, 0, 0, 0));
        assertThat(world.telegram.contactsOf(EMPLOYEE)).isEmpty();
        assertThat(world.telegram.requestsDuringRetryAfter()).isEmpty();
    }

    @Test
    void aWithdrawalCutShortByACrashRemovesTheRestWhenItIsCalledAgain() throws Exception {
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform(
                new TelegramContactPlatform.Settings(1, Duration.ofSeconds(1), Duration.ofSeconds(60)));
        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN)));

        // Telegram removes the first contact; the server stops before that is recorded
        world.ledger.crashOnOutcome = true;
        assertThatThrownBy(() -> platform.withdraw("p1", world.linked.get("p1").client(), world.clock.instant()))
                .isInstanceOf(IllegalStateException.class);
        world.ledger.crashOnOutcome = false;
        assertThat(world.telegram.contactsOf(EMPLOYEE)).hasSize(1);

        TelegramContactPlatform.Withdrawal resumed = platform.withdraw("p1", world.linked.get("p1").client(), world.clock.instant());

        assertThat(world.telegram.contactsOf(EMPLOYEE)).isEmpty();
        assertThat(resumed.complete()).isTrue();
        assertThat(world.ledger.stateOf("p1", "p2")).isEqualTo(State.REMOVED);
        assertThat(world.ledger.stateOf("p1", "p3")).isEqualTo(State.REMOVED);
    }

    @Test
    void aRetryAfterIsHonouredExactly() throws Exception {
        world.link("p1", EMPLOYEE);
        world.telegram.throttle(EMPLOYEE, "importContacts", 30);
        Instant start = world.clock.instant();

        world.platform().deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA)));

        List<TelegramEmulator.Request> imports = world.requestsOf("importContacts");
        assertThat(imports).extracting(TelegramEmulator.Request::at)
                .containsExactly(start, start.plusSeconds(30));
        assertThat(world.telegram.requestsDuringRetryAfter()).isEmpty();
        assertThat(world.telegram.contactsOf(EMPLOYEE)).containsExactly(new Contact(ana, ANA, "Ana", "Ruiz"));
        assertThat(world.ledger.pausedUntil("p1")).contains(start.plusSeconds(30));
    }

    @Test
    void aWaitLongerThanTheMaximumLeavesTheRestPendingUntilItEnds() throws Exception {
        world.link("p1", EMPLOYEE);
        world.telegram.throttle(EMPLOYEE, "importContacts", 600);
        TelegramContactPlatform platform = world.platform(
                new TelegramContactPlatform.Settings(1, Duration.ofSeconds(1), Duration.ofSeconds(60)));
        Instant start = world.clock.instant();

        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN)));

        assertThat(world.clock.instant()).isEqualTo(start);
        assertThat(world.ledger.stateOf("p1", "p2")).isEqualTo(State.PENDING_RETRY);
        assertThat(world.ledger.stateOf("p1", "p3")).isEqualTo(State.PENDING_RETRY);

        // 300 s left is more than delivery may wait: it sends nothing and returns
        world.clock.advance(Duration.ofSeconds(300));
        int requests = world.telegram.requests().size();
        platform.deliver("p1", List.of(add("r2/1", "p4", "Chi", "Nwosu", CHI)));
        assertThat(world.telegram.requests()).hasSize(requests);
        assertThat(world.ledger.stateOf("p1", "p4")).isEqualTo(State.PENDING_RETRY);

        assertThat(world.clock.instant()).isEqualTo(start.plusSeconds(300));

        // 30 s left is within the maximum wait: delivery waits it out, exactly
        world.clock.advance(Duration.ofSeconds(270));
        platform.deliver("p1", List.of());

        assertThat(world.telegram.contactsOf(EMPLOYEE)).extracting(Contact::firstName)
                .containsExactlyInAnyOrder("Ana", "Ben", "Chi");
        assertThat(world.ledger.pending("p1")).isEmpty();
        assertThat(world.requestsOf("importContacts").get(1).at()).isEqualTo(start.plusSeconds(600));
        assertThat(world.telegram.requestsDuringRetryAfter()).isEmpty();
    }

    @Test
    void contactsTelegramAsksToRetryLaterArePendingAndArriveOnALaterDelivery() throws Exception {
        world.link("p1", EMPLOYEE);
        world.telegram.limitImports(EMPLOYEE, 2);
        TelegramContactPlatform platform = world.platform();
        Instant start = world.clock.instant();

        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN),
                add("r1/3", "p4", "Chi", "Nwosu", CHI), add("r1/4", "p5", "Dan", "Meyer", DAN)));

        // Telegram took two; TDLib asked again for the others, was refused, and answered 429 for the batch
        assertThat(world.telegram.contactsOf(EMPLOYEE)).extracting(Contact::firstName)
                .containsExactlyInAnyOrder("Ana", "Ben");
        assertThat(world.ledger.entry("p1", "p2").orElseThrow().userId()).isEqualTo(ana);
        assertThat(world.ledger.stateOf("p1", "p3")).isEqualTo(State.IMPORTED);
        assertThat(world.ledger.stateOf("p1", "p4")).isEqualTo(State.PENDING_RETRY);
        assertThat(world.ledger.stateOf("p1", "p5")).isEqualTo(State.PENDING_RETRY);
        assertThat(world.ledger.pausedUntil("p1")).contains(start.plusSeconds(3600));

        world.telegram.liftImportLimit(EMPLOYEE);
        world.clock.advance(Duration.ofMinutes(30));
        int requests = world.telegram.requests().size();
        platform.deliver("p1", List.of());
        assertThat(world.telegram.requests()).hasSize(requests);
        assertThat(world.ledger.pending("p1")).hasSize(2);

        world.clock.advance(Duration.ofMinutes(30));
        platform.deliver("p1", List.of());

        assertThat(world.telegram.contactsOf(EMPLOYEE)).extracting(Contact::firstName)
                .containsExactlyInAnyOrder("Ana", "Ben", "Chi", "Dan");
        assertThat(world.ledger.stateOf("p1", "p4")).isEqualTo(State.IMPORTED);
        assertThat(world.ledger.stateOf("p1", "p5")).isEqualTo(State.IMPORTED);
        assertThat(world.telegram.requestsDuringRetryAfter()).isEmpty();
        assertThat(world.ledger.recorded()).hasSize(4);
    }

    @Test
    void nothingButTheNameAndNumberOfACardEverReachesTelegram() throws Exception {
        world.link("p1", EMPLOYEE);
        ContactCard card = new ContactCard("p2", Map.of(PersonField.GIVEN_NAME, "Ana", PersonField.SURNAME, "Ruiz",
                PersonField.MOBILE, ANA, PersonField.DEPARTMENT, "CANARY-DEPT", PersonField.TITLE, "CANARY-TITLE",
                PersonField.MAIL, "canary.mail@example.org", PersonField.LOCATION, "CANARY-LOCATION"),
                "CANARY-RULE");

        world.platform().deliver("p1", List.of(new PlannedChange("r1/1", new ContactChange.Add(card))));

        List<String> sent = world.telegram.requests().stream().map(TelegramEmulator.Request::json).toList();
        assertThat(sent).noneMatch(json -> json.toLowerCase(Locale.ROOT).contains("canary"));
        assertThat(world.requestsOf("importContacts")).singleElement()
                .satisfies(r -> assertThat(r.json()).contains("\"Ana\"", "\"Ruiz\"", ANA));
        assertThat(world.telegram.contactsOf(EMPLOYEE)).containsExactly(new Contact(ana, ANA, "Ana", "Ruiz"));
    }

    @Test
    void onlyAReadyAccountReceivesAndOthersAreRecordedAsNotLinked() throws Exception {
        world.link("p1", EMPLOYEE);
        world.telegram.register("+4915100000006", "Fay", "Olsen");
        TelegramAccount halfway = world.start("p6");
        halfway.submitPhoneNumber("+4915100000006");
        TelegramContactPlatform platform = world.platform();

        platform.deliver("p6", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA)));
        platform.deliver("p8", List.of(add("r1/2", "p2", "Ana", "Ruiz", ANA)));

        assertThat(world.requestsOf("importContacts")).isEmpty();
        assertThat(world.ledger.stateOf("p6", "p2")).isEqualTo(State.NOT_LINKED);
        assertThat(world.ledger.stateOf("p8", "p2")).isEqualTo(State.NOT_LINKED);

        halfway.submitCode(world.telegram.loginCode("+4915100000006").orElseThrow());
        platform.deliver("p6", List.of(add("r2/1", "p2", "Ana", "Ruiz", ANA)));
        assertThat(world.telegram.contactsOf("+4915100000006")).containsExactly(new Contact(ana, ANA, "Ana", "Ruiz"));
    }

    @Test
    void aCardWithoutAPhoneNumberIsRecordedAsFailedAndNothingIsSent() throws Exception {
        world.link("p1", EMPLOYEE);
        ContactCard namesOnly = new ContactCard("p2", Map.of(PersonField.GIVEN_NAME, "Ana",
                PersonField.SURNAME, "Ruiz"), "same-department");

        world.platform().deliver("p1", List.of(new PlannedChange("r1/1", new ContactChange.Add(namesOnly))));

        TelegramLedger.Entry entry = world.ledger.entry("p1", "p2").orElseThrow();
        assertThat(entry.state()).isEqualTo(State.FAILED);
        assertThat(entry.reason()).isEqualTo("no phone number released");
        assertThat(world.requestsOf("importContacts")).isEmpty();
    }

    @Test
    void aChangedNumberReplacesTheContactRosterImported() throws Exception {
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform();
        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA)));
        long anasNewAccount = world.telegram.register("+4915100000012", "Ana", "R.");

        platform.deliver("p1", List.of(update("r2/1", "p2", "Ana", "Ruiz", "+4915100000012")));

        assertThat(world.telegram.contactsOf(EMPLOYEE))
                .containsExactly(new Contact(anasNewAccount, "+4915100000012", "Ana", "Ruiz"));
        assertThat(world.ledger.entry("p1", "p2").orElseThrow().userId()).isEqualTo(anasNewAccount);
    }

    @Test
    void aColleagueWhoJoinedTelegramSinceIsRemovedByTheirNumber() throws Exception {
        world.link("p1", EMPLOYEE);
        TelegramContactPlatform platform = world.platform();
        platform.deliver("p1", List.of(add("r1/1", "p9", "Ida", "Berg", NOT_ON_TELEGRAM)));
        long ida = world.telegram.register(NOT_ON_TELEGRAM, "Ida", "B.");
        assertThat(world.telegram.contactsOf(EMPLOYEE))
                .containsExactly(new Contact(ida, NOT_ON_TELEGRAM, "Ida", "Berg"));

        platform.deliver("p1", List.of(remove("r2/1", "p9")));

        assertThat(world.telegram.contactsOf(EMPLOYEE)).isEmpty();
        assertThat(world.ledger.stateOf("p1", "p9")).isEqualTo(State.REMOVED);
    }

    @Test
    void logsAndRecordedReasonsNeverHoldNumbersOrNames() throws Exception {
        world.link("p1", EMPLOYEE);
        world.telegram.limitImports(EMPLOYEE, 1);
        TelegramContactPlatform platform = world.platform();

        platform.deliver("p1", List.of(add("r1/1", "p2", "Ana", "Ruiz", ANA), add("r1/2", "p3", "Ben", "Okafor", BEN),
                add("r1/3", "p9", "Ida", "Berg", NOT_ON_TELEGRAM)));
        world.clock.advance(Duration.ofHours(2));
        world.telegram.liftImportLimit(EMPLOYEE);
        platform.deliver("p1", List.of(remove("r2/1", "p2")));

        assertThat(logged).isNotEmpty();
        List<String> texts = new ArrayList<>();
        logged.forEach(r -> texts.add(r.getMessage()));
        world.ledger.recorded().forEach(r -> texts.add(r.entry().reason() + " " + r.entry()));
        for (String personal : List.of("4915100", "Ana", "Ruiz", "Ben", "Okafor", "Ida", "Berg", "Eva", "Lind")) {
            assertThat(texts).noneMatch(text -> text.contains(personal));
        }
    }
}
