package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator as TDLib's JSON interface shows it to any client: the requests and answers here are
 * those TDLib documents, sent through {@link TdClient} without Roster's account or platform logic.
 */
class TelegramEmulatorTest {

    private static final String EMPLOYEE = "+4915100000001";
    private static final String ANA = "+4915100000002";

    @TempDir
    Path sessions;

    private TelegramFixture world;

    @BeforeEach
    void accounts() {
        world = new TelegramFixture(sessions);
        world.telegram.register(EMPLOYEE, "Eva", "Lind");
        world.telegram.register(ANA, "Ana", "R.");
    }

    @Test
    void aClientStartsWithItsFirstRequestAndAnnouncesThatItWaitsForParameters() throws Exception {
        TdClient client = world.tdlib.newClient();
        assertThat(client.authorizationStateType()).isEmpty();

        JsonObject state = client.call(request("getAuthorizationState").build());

        assertThat(state.getString("@type")).isEqualTo("authorizationStateWaitTdlibParameters");
        assertThat(client.authorizationStateType()).isEqualTo("authorizationStateWaitTdlibParameters");
        assertThatThrownBy(() -> client.call(request("getContacts").build()))
                .isInstanceOf(TdException.class).satisfies(e -> assertThat(((TdException) e).tdlibMessage())
                        .startsWith("Initialization parameters are needed"));
    }

    @Test
    void importingANumberTheAccountHasEditsThatContactInsteadOfAddingOne() throws Exception {
        TdClient client = world.link("p1", EMPLOYEE).client();

        JsonObject first = client.call(importing(ANA, "Ana", "Ruiz", "contact"));
        JsonObject again = client.call(importing(ANA, "Ana", "Ruiz-Lopez", "importedContact"));
        JsonObject unknown = client.call(importing("+4915100000009", "Ida", "Berg", ""));

        assertThat(again.getJsonArray("user_ids")).isEqualTo(first.getJsonArray("user_ids"));
        assertThat(unknown.getJsonArray("user_ids").getJsonNumber(0).longValue()).isZero();
        assertThat(unknown.getJsonArray("importer_count").getInt(0)).isEqualTo(1);
        JsonObject users = client.call(request("getContacts").build());
        assertThat(users.getInt("total_count")).isEqualTo(1);
        JsonObject ana = client.call(request("getUser").add("user_id", users.getJsonArray("user_ids").get(0)).build());
        assertThat(ana.getString("last_name")).isEqualTo("Ruiz-Lopez");
        assertThat(ana.getString("phone_number")).isEqualTo("4915100000002");
    }

    @Test
    void whenTelegramAsksToRetryEveryContactSentTheWholeImportIsRefusedForAnHour() throws Exception {
        TdClient client = world.link("p1", EMPLOYEE).client();
        world.telegram.limitImports(EMPLOYEE, 0);

        assertThatThrownBy(() -> client.call(importing(ANA, "Ana", "Ruiz", "")))
                .isInstanceOfSatisfying(TdException.RetryAfter.class,
                        e -> assertThat(e.retryAfter()).hasSeconds(3600));
        assertThat(world.telegram.contactsOf(EMPLOYEE)).isEmpty();
    }

    @Test
    void requestsBeforeARetryAfterEndsAreRefusedWithTheTimeLeftAndRecorded() throws Exception {
        TdClient client = world.link("p1", EMPLOYEE).client();
        world.telegram.throttle(EMPLOYEE, "getContacts", 20);

        assertThatThrownBy(() -> client.call(request("getContacts").build()))
                .hasMessage("Telegram asks to wait 20 seconds before the next request");
        world.clock.advance(Duration.ofSeconds(15));
        assertThatThrownBy(() -> client.call(request("getContacts").build()))
                .isInstanceOfSatisfying(TdException.RetryAfter.class, e -> assertThat(e.retryAfter()).hasSeconds(5));
        world.clock.advance(Duration.ofSeconds(5));
        client.call(request("getContacts").build());

        assertThat(world.telegram.requestsDuringRetryAfter()).singleElement()
                .satisfies(r -> assertThat(r.at()).isEqualTo(world.clock.instant().minusSeconds(5)));
    }

    @Test
    void aSessionNeedsAKeyAndOpensInOneClientAtATime() throws Exception {
        TdClient withoutKey = world.tdlib.newClient();
        withoutKey.call(request("getAuthorizationState").build());
        assertThatThrownBy(() -> withoutKey.call(parameters(sessions.resolve("p1"), "")))
                .satisfies(e -> assertThat(((TdException) e).tdlibMessage())
                        .contains("database_encryption_key is empty"));

        world.link("p1", EMPLOYEE);
        TdClient second = world.tdlib.newClient();
        second.call(request("getAuthorizationState").build());
        String key = Base64.getEncoder().encodeToString(TelegramFixture.keyOf("p1").bytes());
        assertThatThrownBy(() -> second.call(parameters(sessions.resolve("p1"), key)))
                .satisfies(e -> assertThat(((TdException) e).tdlibMessage()).startsWith("Can't lock file"));
    }

    private static JsonObjectBuilder request(String type) {
        return Json.createObjectBuilder().add("@type", type);
    }

    private static JsonObject importing(String phone, String first, String last, String elementType) {
        JsonObjectBuilder contact = Json.createObjectBuilder();
        if (!elementType.isEmpty()) {
            contact.add("@type", elementType);
        }
        contact.add("phone_number", phone).add("first_name", first).add("last_name", last);
        return request("importContacts").add("contacts", Json.createArrayBuilder(List.of()).add(contact)).build();
    }

    private static JsonObject parameters(Path directory, String base64Key) {
        return request("setTdlibParameters").add("database_directory", directory.toString())
                .add("database_encryption_key", base64Key).add("api_id", TelegramFixture.API_ID)
                .add("api_hash", TelegramFixture.API_HASH).add("system_language_code", "en")
                .add("device_model", "test").add("application_version", "1").build();
    }
}
