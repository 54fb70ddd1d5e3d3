package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.platform.telegram.TelegramAccount.Status;

/**
 * Roster's TDLib adapter on the real TDLib 1.8.67 ({@link RealTdlib}), offline: the library loads
 * through {@link JnaTdJson}, answers synchronous requests, and runs clients; an employee's session
 * opened with Roster's own parameters waits for the phone number, opens only with its key, and
 * leaves nothing behind when unlinked. What needs Telegram's servers (login codes, imports) is
 * the emulator's part.
 */
@Tag("real-tdlib")
class RealTdlibTest {

    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    Path sessions;

    private final TdLib tdlib = RealTdlib.tdlib();
    private final InMemoryTelegramLedger ledger = new InMemoryTelegramLedger();

    @Test
    void tdExecuteAnswersTdlibsSynchronousRequests() {
        TdJson td = RealTdlib.library();

        assertThat(read(td.execute("{\"@type\":\"setLogVerbosityLevel\",\"new_verbosity_level\":1}"))
                .getString("@type")).isEqualTo("ok");
        assertThat(read(td.execute("{\"@type\":\"getOption\",\"name\":\"version\"}")).getString("value"))
                .isEqualTo("1.8.67");
        JsonObject germany = read(td.execute(
                "{\"@type\":\"getPhoneNumberInfoSync\",\"language_code\":\"en\",\"phone_number_prefix\":\"4915\"}"));
        assertThat(germany.getJsonObject("country").getString("country_code")).isEqualTo("DE");
        assertThat(read(td.execute("{\"@type\":\"getContacts\"}")).getString("message"))
                .isEqualTo("The method can't be executed synchronously");
    }

    @Test
    void clientsAreCreatedAnsweredAndClosed() throws Exception {
        TdClient first = tdlib.newClient();
        TdClient second = tdlib.newClient();
        assertThat(first.id()).isNotEqualTo(second.id());

        for (TdClient client : List.of(first, second)) {
            JsonObject state = client.call(TelegramAccount.request("getAuthorizationState").build());
            assertThat(state.getString("@type")).isEqualTo("authorizationStateWaitTdlibParameters");
            client.call(TelegramAccount.request("close").build());
            client.awaitAuthorizationState("authorizationStateClosed"::equals, STEP);
        }

        assertThatThrownBy(() -> first.call(TelegramAccount.request("getAuthorizationState").build()))
                .isInstanceOf(TdException.class)
                .satisfies(e -> assertThat(((TdException) e).tdlibMessage()).isEqualTo("Request aborted"));
    }

    @Test
    void aSessionOpenedWithRostersParametersWaitsForThePhoneNumber() throws Exception {
        TelegramAccount account = start("p000100", TelegramFixture.keyOf("p000100"));

        assertThat(account.status()).isEqualTo(Status.WAITING_FOR_PHONE_NUMBER);
        assertThat(sessionOf("p000100").resolve("td.binlog")).isRegularFile();
        account.close();
        assertThat(account.status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void theSessionIsEncryptedAndOpensOnlyWithTheKeyRosterHoldsForIt() throws Exception {
        SessionKey key = TelegramFixture.keyOf("p000100");
        start("p000100", key).close();
        assertThat(filesOf(sessionOf("p000100"))).isNotEmpty().allSatisfy(file -> assertThat(contentOf(file))
                .as("%s holds the api_hash in the clear", file.getFileName())
                .doesNotContain(TelegramFixture.API_HASH));

        SessionKey other = SessionKey.generate();
        assertThatThrownBy(() -> start("p000100", other))
                .isInstanceOf(TdException.class)
                .hasMessageStartingWith("the Telegram session of p000100 can't be opened with the key Roster holds "
                        + "for it: wrong database encryption key")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(other.bytes()))
                .satisfies(e -> assertThat(((TdException) e).code()).isEqualTo(401));

        TelegramAccount again = start("p000100", key);
        assertThat(again.status()).isEqualTo(Status.WAITING_FOR_PHONE_NUMBER);
        again.close();
    }

    @Test
    void unlinkingLeavesNoTdlibFilesBehind() throws Exception {
        TelegramAccount account = start("p000101", TelegramFixture.keyOf("p000101"));
        assertThat(filesOf(sessionOf("p000101"))).isNotEmpty();

        account.unlink();

        assertThat(account.status()).isEqualTo(Status.CLOSED);
        assertThat(sessionOf("p000101")).doesNotExist();
        assertThat(sessions).isEmptyDirectory();
    }

    private TelegramAccount start(String viewerId, SessionKey key) throws TdException {
        return TelegramAccount.start(tdlib, viewerId, TelegramAccount.Parameters.of(TelegramFixture.API_ID,
                TelegramFixture.API_HASH, sessionOf(viewerId), key), ledger);
    }

    private Path sessionOf(String viewerId) {
        return sessions.resolve(viewerId);
    }

    private static List<Path> filesOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String contentOf(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError("can't read " + file, e);
        }
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
