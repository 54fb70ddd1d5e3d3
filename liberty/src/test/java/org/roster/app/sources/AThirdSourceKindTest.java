package org.roster.app.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.roster.directory.DirectoryEntry;
import org.roster.source.ConnectionReport;
import org.roster.source.Secret;
import org.roster.source.SourceKinds;

/**
 * A kind of source the application has never heard of ({@link SheetSourceKind}, listed only in the
 * tests' service file) goes through the same code as LDAP and Entra ID: its settings and secrets
 * are checked against what it says it takes, its own errors reach the admin naming the setting,
 * its endpoint binds its secrets, and its reader and connection test come through the kept
 * connections.
 */
class AThirdSourceKindTest {

    private static final Map<String, Secret> TOKEN = Map.of("api-token", Secret.of("t0ken".toCharArray()));

    private static SourceDefinition sheet(Map<String, String> settings, Map<String, Secret> secrets) {
        return new SourceDefinition("staff", "sheet", "Staff sheet", 30, true, settings, secrets, false);
    }

    @Test
    void aKindListedInAServiceFileIsAcceptedWithTheSettingsAndSecretsItTakes() {
        SourceDefinition staff = sheet(Map.of("sheet-url", "https://sheets.example.org/s/1", "tab", "Staff",
                "default-region", "DE"), TOKEN).validated();

        assertThat(staff.secretNames()).containsExactly("api-token");
        assertThat(staff.tracksChanges()).isFalse();
        assertThat(SourceKinds.installed()).extracting(kind -> kind.name()).contains("ldap", "entra", "sheet");
    }

    @Test
    void settingsAndSecretsItDoesNotTakeAreRefusedNamingThem() {
        assertThatThrownBy(() -> sheet(Map.of("sheet-url", "https://sheets.example.org/s/1", "url",
                "ldaps://hr.example.com"), TOKEN).validated())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an sheet source has no setting url; it takes default-region, page-size, "
                        + "region-by-location, sheet-url, tab");
        assertThatThrownBy(() -> sheet(Map.of("sheet-url", "https://sheets.example.org/s/1"),
                Map.of("password", Secret.of("pw".toCharArray()))).validated())
                .hasMessage("an sheet source has no secret password; it takes api-token");
    }

    @Test
    void itsOwnErrorsReachTheAdminNamingTheSourceAndTheSetting() {
        assertThatThrownBy(() -> sheet(Map.of(), TOKEN).validated())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source staff: the setting sheet-url is required");
        assertThatThrownBy(() -> sheet(Map.of("sheet-url", "http://sheets.example.org/s/1"), TOKEN).validated())
                .hasMessage("source staff: sheet-url must be an https:// address, not http://sheets.example.org/s/1");
    }

    @Test
    void anUnknownKindIsRefusedNamingEveryInstalledOne() {
        assertThatThrownBy(() -> new SourceDefinition("x", "csv", "X", 1, true, Map.of(), Map.of(), false)
                .validated())
                .hasMessageStartingWith("the source kind must be ")
                .hasMessageContaining("\"ldap\"").hasMessageContaining("\"entra\"").hasMessageContaining("\"sheet\"")
                .hasMessageEndingWith(", not \"csv\"");
    }

    @Test
    void pointingItAtAnotherSheetClearsTheTokenGivenForTheOldOne() {
        SourceDefinition old = sheet(Map.of("sheet-url", "https://sheets.example.org/s/1"), TOKEN);

        SecretsBoundToEndpoint.Carried moved = SecretsBoundToEndpoint.carry(old, "sheet",
                Map.of("sheet-url", "https://elsewhere.example.net/s/9"), Map.of());
        SecretsBoundToEndpoint.Carried kept = SecretsBoundToEndpoint.carry(old, "sheet",
                Map.of("sheet-url", "https://sheets.example.org/s/1", "tab", "Others"), Map.of());

        assertThat(moved.moved()).containsExactly("sheet-url");
        assertThat(moved.cleared()).containsExactly("api-token");
        assertThat(kept.secrets()).isEqualTo(TOKEN);
    }

    @Test
    void itsConnectionTestAndReaderComeThroughTheKeptConnectionsAndAChangedSourceGetsANewOne() {
        DirectorySources sources = new DirectorySources();
        SourceDefinition staff = sheet(Map.of("sheet-url", "https://sheets.example.org/s/1"), TOKEN).validated();

        ConnectionReport first = sources.test(staff, 3, 100);
        assertThat(first.ok()).isTrue();
        assertThat(first.steps()).extracting(ConnectionReport.Step::detail)
                .containsExactly("opened https://sheets.example.org/s/1, tab People");

        List<DirectoryEntry> read = new ArrayList<>();
        assertThat(sources.reader(staff, null, Optional.empty()).readAll(read::add).complete()).isTrue();
        assertThat(read).isEmpty();

        SourceDefinition moved = sheet(Map.of("sheet-url", "https://elsewhere.example.net/s/9"), TOKEN).validated();
        assertThat(sources.test(moved, 3, 100).steps()).extracting(ConnectionReport.Step::detail)
                .containsExactly("opened https://elsewhere.example.net/s/9, tab People");
        sources.close();
    }
}
