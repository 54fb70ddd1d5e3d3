package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.platform.telegram.TelegramAccount.Status;

/** Linking an employee's Telegram account, step by step, against the emulator. */
class TelegramAccountTest {

    private static final String EMPLOYEE = "+4915100000001";

    @TempDir
    Path sessions;

    private TelegramFixture world;

    @BeforeEach
    void employeeHasATelegramAccount() {
        world = new TelegramFixture(sessions);
        world.telegram.register(EMPLOYEE, "Eva", "Lind");
    }

    @Test
    void anEmployeeLinksTheirAccountWithTheCodeTelegramSent() throws Exception {
        TelegramAccount account = world.start("p1");
        assertThat(account.status()).isEqualTo(Status.WAITING_FOR_PHONE_NUMBER);

        assertThat(account.submitPhoneNumber(EMPLOYEE)).isEqualTo(Status.WAITING_FOR_CODE);
        assertThat(account.status().describe()).contains("login code");
        assertThat(account.submitCode(world.telegram.loginCode(EMPLOYEE).orElseThrow())).isEqualTo(Status.READY);

        assertThat(account.status().describe()).startsWith("linked");
        assertThat(world.accounts().ready("p1")).isPresent();
        assertThat(world.telegram.hasSession(world.sessionOf("p1"))).isTrue();
    }

    @Test
    void aWrongCodeIsRefusedInPlainWordsAndTheRightOneStillSignsIn() throws Exception {
        TelegramAccount account = world.start("p1");
        account.submitPhoneNumber(EMPLOYEE);
        String code = world.telegram.loginCode(EMPLOYEE).orElseThrow();
        String wrong = code.equals("11111") ? "22222" : "11111";

        assertThatThrownBy(() -> account.submitCode(wrong))
                .isInstanceOf(TdException.class)
                .hasMessage("the login code is not right: enter the code Telegram just sent")
                .satisfies(e -> assertThat(((TdException) e).code()).isEqualTo(400));
        assertThat(account.status()).isEqualTo(Status.WAITING_FOR_CODE);
        assertThat(world.accounts().ready("p1")).isEmpty();

        assertThat(account.submitCode(code)).isEqualTo(Status.READY);
    }

    @Test
    void anAccountWithTwoStepVerificationAsksForItsPasswordAfterTheCode() throws Exception {
        world.telegram.setPassword(EMPLOYEE, "correct horse battery", "the stable");
        TelegramAccount account = world.start("p1");
        account.submitPhoneNumber(EMPLOYEE);

        assertThat(account.submitCode(world.telegram.loginCode(EMPLOYEE).orElseThrow()))
                .isEqualTo(Status.WAITING_FOR_PASSWORD);
        assertThat(account.passwordHint()).contains("the stable");
        assertThatThrownBy(() -> account.submitPassword("wrong horse".toCharArray()))
                .hasMessage("the two-step verification password is not right");
        assertThat(world.accounts().ready("p1")).isEmpty();

        assertThat(account.submitPassword("correct horse battery".toCharArray())).isEqualTo(Status.READY);
        assertThat(world.accounts().ready("p1")).isPresent();
    }

    @Test
    void aNumberWithoutATelegramAccountIsToldToSignUpFirst() throws Exception {
        TelegramAccount account = world.start("p9");
        account.submitPhoneNumber("+4915100000099");

        assertThat(account.submitCode(world.telegram.loginCode("+4915100000099").orElseThrow()))
                .isEqualTo(Status.WAITING_FOR_REGISTRATION);
        assertThat(account.status().describe()).contains("sign up in the Telegram app first");
        assertThat(world.accounts().ready("p9")).isEmpty();
    }

    @Test
    void aMistypedNumberIsRefusedWithoutRepeatingIt() throws Exception {
        TelegramAccount account = world.start("p1");

        assertThatThrownBy(() -> account.submitPhoneNumber("+49 15"))
                .hasMessageStartingWith("Telegram does not accept this phone number")
                .hasMessageNotContaining("4915");
        assertThat(account.status()).isEqualTo(Status.WAITING_FOR_PHONE_NUMBER);
    }

    @Test
    void theContactsAnEmployeeHadBeforeAreRememberedAsTheirOwn() throws Exception {
        long ana = world.telegram.register("+4915100000002", "Ana", "Ruiz");
        long ben = world.telegram.register("+4915100000003", "Ben", "Okafor");
        world.telegram.addContactInApp(EMPLOYEE, "+4915100000002", "Ana", "(climbing)");
        world.telegram.addContactInApp(EMPLOYEE, "+4915100000003", "Ben", "");

        world.link("p1", EMPLOYEE);

        OwnContacts own = world.ledger.ownContacts("p1").orElseThrow();
        assertThat(own.userIds()).containsExactlyInAnyOrder(ana, ben);
        assertThat(own.hasNumber("+49 151 00000002")).isTrue();
        assertThat(own.hasNumber("+4915100000004")).isFalse();
    }

    @Test
    void aSessionReopensSignedInWithItsKeyAndNotWithAnother() throws Exception {
        TelegramAccount first = world.link("p1", EMPLOYEE);
        first.close();
        assertThat(first.status()).isEqualTo(Status.CLOSED);

        TelegramAccount again = world.start("p1");
        assertThat(again.status()).isEqualTo(Status.READY);
        again.close();

        SessionKey other = SessionKey.generate();
        assertThatThrownBy(() -> TelegramAccount.start(world.tdlib, "p1", world.parameters("p1", other), world.ledger))
                .isInstanceOf(TdException.class)
                .hasMessageContaining("the Telegram session of p1 can't be opened with the key Roster holds for it: "
                        + "wrong database encryption key")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(other.bytes()));
        assertThat(world.telegram.hasSession(world.sessionOf("p1"))).isTrue();
    }

    @Test
    void unlinkingSignsOutAndDeletesTheSessionDirectory() throws Exception {
        TelegramAccount account = world.link("p1", EMPLOYEE);
        Path session = world.sessionOf("p1");
        assertThat(session).isDirectory();

        account.unlink();

        assertThat(account.status()).isEqualTo(Status.CLOSED);
        assertThat(Files.exists(session)).isFalse();
        assertThat(world.requestsOf("logOut")).hasSize(1);
        assertThat(world.accounts().ready("p1")).isEmpty();
    }

    @Test
    void theSessionKeyAndApiHashNeverShowInText() {
        SessionKey key = TelegramFixture.keyOf("p1");
        TelegramAccount.Parameters parameters = world.parameters("p1", key);

        assertThat(key.toString()).isEqualTo("SessionKey[redacted]");
        assertThat(parameters.toString()).doesNotContain(TelegramFixture.API_HASH)
                .doesNotContain(Base64.getEncoder().encodeToString(key.bytes()));
    }
}
