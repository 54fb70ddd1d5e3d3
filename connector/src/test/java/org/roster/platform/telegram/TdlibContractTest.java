package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roster.platform.telegram.TelegramFixture.add;
import static org.roster.platform.telegram.TelegramFixture.remove;
import static org.roster.platform.telegram.TelegramFixture.update;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the adapter sends, as its own code builds it with realistic data, is one the real
 * TDLib 1.8.67 parses; those that need a signed-in account get {@code 401 Unauthorized} from an
 * offline session, the others their offline answers. The requests are taken from the adapter
 * linking, delivering to and unlinking accounts on the emulator, which records them.
 */
@Tag("real-tdlib")
class TdlibContractTest {

    /** What the adapter sends to a client (TelegramAccount, TelegramContactPlatform). */
    private static final Set<String> SENT = Set.of("getAuthorizationState", "setTdlibParameters",
            "setAuthenticationPhoneNumber", "checkAuthenticationCode", "checkAuthenticationPassword", "getContacts",
            "getUser", "importContacts", "removeContacts", "logOut", "close");
    /** What it runs through td_execute (TdLib, TdlibVersion). */
    private static final Set<String> EXECUTED = Set.of("setLogVerbosityLevel", "getOption");
    private static final Set<String> NEED_SIGN_IN = Set.of("getContacts", "getUser", "importContacts",
            "removeContacts");
    private static final String NOT_PARSED = "Failed to parse";

    private static final String EMPLOYEE = "+4915100000001";
    private static final String OTHER_EMPLOYEE = "+4915100000008";
    private static final String ANA = "+4915100000002";
    private static final String BEN = "+4915100000003";
    private static final String NOT_ON_TELEGRAM = "+4915100000009";

    @TempDir
    Path emulated;

    @TempDir
    Path real;

    /** The first request of each type the adapter sent, as it sent it (its "@extra" left out). */
    private final Map<String, JsonObject> sent = new LinkedHashMap<>();
    private final Map<String, JsonObject> executed = new LinkedHashMap<>();

    @BeforeEach
    void theAdapterLinksDeliversAndUnlinksOnTheEmulator() throws Exception {
        TelegramFixture world = new TelegramFixture(emulated);
        world.telegram.register(EMPLOYEE, "Eva", "Lind");
        world.telegram.register(OTHER_EMPLOYEE, "Oda", "Berg");
        world.telegram.register(ANA, "Ana", "R.");
        world.telegram.register(BEN, "Ben", "O.");
        world.telegram.addContactInApp(EMPLOYEE, BEN, "Ben", "(climbing)");
        world.telegram.setPassword(EMPLOYEE, "correct horse battery", "the stable");
        TdlibVersion.of(world.telegram);

        TelegramAccount account = world.start("p000100");
        account.submitPhoneNumber(EMPLOYEE);
        account.submitCode(world.telegram.loginCode(EMPLOYEE).orElseThrow());
        account.submitPassword("correct horse battery".toCharArray());
        TelegramContactPlatform platform = world.platform();
        platform.deliver("p000100", List.of(add("r1/1", "p000102", "Ana", "Ruiz", ANA),
                add("r1/2", "p000109", "Ida", "Berg", NOT_ON_TELEGRAM)));
        platform.deliver("p000100", List.of(update("r2/1", "p000102", "Ana", "Ruiz López", ANA)));
        platform.deliver("p000100", List.of(remove("r3/1", "p000102"), remove("r3/2", "p000109")));
        account.unlink();
        world.link("p000101", OTHER_EMPLOYEE).close();

        for (TelegramEmulator.Request request : world.telegram.requests()) {
            JsonObject json = withoutExtra(request.json());
            (request.clientId() == 0 ? executed : sent).putIfAbsent(request.type(), json);
        }
    }

    @Test
    void theAdapterSendsTheRequestsThisContractCovers() {
        assertThat(sent.keySet()).as("request types the adapter sent to clients").isEqualTo(SENT);
        assertThat(executed.keySet()).as("request types the adapter ran through td_execute").isEqualTo(EXECUTED);
    }

    @Test
    void theRealTdlibParsesEveryRequestTheAdapterSends() {
        TdJson td = RealTdlib.library();

        sent.forEach((type, request) -> assertThat(read(td.execute(request.toString())).getString("message", ""))
                .as("TDLib's answer to %s, run synchronously: it parsed the request", type)
                .isEqualTo("The method can't be executed synchronously"));
        executed.forEach((type, request) -> assertThat(read(td.execute(request.toString())).getString("@type"))
                .as("TDLib's answer to %s", type)
                .isNotEqualTo("error"));
    }

    @Test
    void anOfflineSessionAnswersTheAdaptersRequestsWithoutRefusingToParseThem() throws Exception {
        TelegramAccount account = TelegramAccount.start(RealTdlib.tdlib(), "p000100", TelegramAccount.Parameters.of(
                TelegramFixture.API_ID, TelegramFixture.API_HASH, real.resolve("p000100"),
                TelegramFixture.keyOf("p000100")), new InMemoryTelegramLedger());
        TdClient client = account.client();

        assertThat(client.call(sent.get("getAuthorizationState")).getString("@type"))
                .isEqualTo("authorizationStateWaitPhoneNumber");
        for (String type : NEED_SIGN_IN) {
            assertThatThrownBy(() -> client.call(sent.get(type), Duration.ofSeconds(30)))
                    .as("TDLib's answer to %s before sign-in", type)
                    .isInstanceOf(TdException.class)
                    .satisfies(e -> assertThat(((TdException) e).code() + " " + ((TdException) e).tdlibMessage())
                            .isEqualTo("401 Unauthorized"));
        }
        for (String type : List.of("checkAuthenticationCode", "checkAuthenticationPassword")) {
            assertThatThrownBy(() -> client.call(sent.get(type), Duration.ofSeconds(30)))
                    .as("TDLib's answer to %s while it waits for the phone number", type)
                    .isInstanceOf(TdException.class)
                    .satisfies(e -> assertThat(((TdException) e).tdlibMessage())
                            .isEqualTo("Call to " + type + " unexpected").doesNotContain(NOT_PARSED));
        }
        // setAuthenticationPhoneNumber is answered only once Telegram's servers are reached: it is
        // held to TDLib's parser above, and logOut ends the session here
        assertThat(client.call(sent.get("logOut")).getString("@type")).isEqualTo("ok");
        client.awaitAuthorizationState("authorizationStateClosed"::equals, Duration.ofSeconds(60));
    }

    private static JsonObject withoutExtra(String json) {
        return Json.createObjectBuilder(read(json)).remove("@extra").build();
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
