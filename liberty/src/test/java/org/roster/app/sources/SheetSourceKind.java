package org.roster.app.sources;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;
import org.roster.source.ConnectionReport;
import org.roster.source.SourceConfiguration;
import org.roster.source.SourceConnection;
import org.roster.source.SourceKind;
import org.roster.source.SourceSettings;

/**
 * A third kind of source, known only to the tests: a shared sheet read with an API token. It is
 * listed in the tests' {@code META-INF/services} and nowhere else, to show that a kind plugs in
 * without a change to the application or to the other kinds.
 */
public final class SheetSourceKind implements SourceKind {

    @Override
    public String name() {
        return "sheet";
    }

    @Override
    public Set<String> settings() {
        return Set.of("sheet-url", "tab");
    }

    @Override
    public Set<String> secrets() {
        return Set.of("api-token");
    }

    @Override
    public Set<String> endpointSettings() {
        return Set.of("sheet-url");
    }

    @Override
    public SourceConfiguration configure(SourceSettings settings) {
        String url = settings.required("sheet-url");
        if (!url.startsWith("https://")) {
            throw settings.problem("sheet-url must be an https:// address, not " + url, null);
        }
        return new Sheet(url, settings.valueOr("tab", "People"), !settings.secret("api-token").isEmpty());
    }

    private record Sheet(String url, String tab, boolean token) implements SourceConfiguration {

        @Override
        public boolean tracksChanges() {
            return false;
        }

        @Override
        public SourceConnection connect(Optional<ThreadFactory> readAhead) {
            return new Opened(url);
        }
    }

    /** A connection to one sheet: it serves only sources at that address. */
    private record Opened(String url) implements SourceConnection {

        @Override
        public boolean serves(SourceConfiguration configuration) {
            return configuration instanceof Sheet sheet && sheet.url().equals(url);
        }

        @Override
        public DirectorySource reader(SourceConfiguration configuration, Set<PersonField> fields,
                                      Optional<String> groupAttribute) {
            return new DirectorySource() {
                @Override
                public ReadSummary readAll(Consumer<DirectoryEntry> sink) {
                    return ReadSummary.complete(0);
                }

                @Override
                public void checkReachable() {
                }
            };
        }

        @Override
        public ConnectionReport test(SourceConfiguration configuration, int sample, long countLimit) {
            Sheet sheet = (Sheet) configuration;
            return new ConnectionReport(sheet.token(), List.of(new ConnectionReport.Step("open", sheet.token(),
                    "opened " + url + ", tab " + sheet.tab())), 0, false, List.of());
        }

        @Override
        public void close() {
        }
    }
}
