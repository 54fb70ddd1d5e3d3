package org.roster.source.graph;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;
import org.roster.source.ConnectionReport;
import org.roster.source.SourceConfiguration;
import org.roster.source.SourceConnection;
import org.roster.source.SourceKind;
import org.roster.source.SourceSettings;

/**
 * Entra ID tenants ({@code entra}), read through Microsoft Graph as an app registration: every
 * user, or the members of some groups; Microsoft's public cloud unless told otherwise.
 *
 * <pre>{@code
 * SourceConfiguration tenant = new GraphSourceKind().configure(new SourceSettings("staff",
 *         Map.of("tenant-id", "contoso.onmicrosoft.com", "client-id", "roster"), Map.of("client-secret", secret)));
 * }</pre>
 */
public final class GraphSourceKind implements SourceKind {

    private static final Set<String> SETTINGS = Set.of("tenant-id", "client-id", "group-ids", "authority-host",
            "graph-url", "trust-store");
    private static final Set<String> SECRETS = Set.of("client-secret", "trust-store-password");
    private static final Set<String> ENDPOINT = Set.of("authority-host", "graph-url", "tenant-id", "client-id",
            "trust-store");

    @Override
    public String name() {
        return "entra";
    }

    @Override
    public Set<String> settings() {
        return SETTINGS;
    }

    @Override
    public Set<String> secrets() {
        return SECRETS;
    }

    @Override
    public Set<String> endpointSettings() {
        return ENDPOINT;
    }

    @Override
    public SourceConfiguration configure(SourceSettings s) {
        try {
            GraphSourceConfig config = GraphSourceConfig.of(s.required("tenant-id"), s.required("client-id"),
                    s.secret("client-secret"));
            URI authority = Optional.ofNullable(s.values().get("authority-host")).filter(a -> !a.isBlank())
                    .map(String::strip).map(URI::create).orElse(GraphSourceConfig.PUBLIC_AUTHORITY);
            URI graph = Optional.ofNullable(s.values().get("graph-url")).filter(a -> !a.isBlank())
                    .map(String::strip).map(URI::create).orElse(GraphSourceConfig.PUBLIC_GRAPH);
            config = config.at(authority, graph, s.trustStore(), s.secret("trust-store-password"));
            List<String> groups = Arrays.stream(s.values().getOrDefault("group-ids", "").split(","))
                    .map(String::strip).filter(g -> !g.isEmpty()).toList();
            return new Configured(groups.isEmpty() ? config : config.inGroups(groups));
        } catch (IllegalArgumentException e) {
            throw s.problem(e.getMessage(), e);
        }
    }

    /** An Entra ID source as configured. */
    private record Configured(GraphSourceConfig config) implements SourceConfiguration {

        @Override
        public boolean tracksChanges() {
            return config.groupIds().isEmpty();
        }

        @Override
        public SourceConnection connect(Optional<ThreadFactory> readAhead) {
            return new SignedIn(new GraphDirectorySource(config));
        }
    }

    /** A source's signed-in Graph client, kept for as long as its tenant and app stay. */
    private record SignedIn(GraphDirectorySource graph) implements SourceConnection {

        @Override
        public boolean serves(SourceConfiguration configuration) {
            if (!(configuration instanceof Configured entra)) {
                return false;
            }
            try {
                graph.reading(entra.config());
                return true;
            } catch (IllegalArgumentException anotherTenantOrApp) {
                return false;
            }
        }

        @Override
        public DirectorySource reader(SourceConfiguration configuration, Set<PersonField> fields,
                                      Optional<String> groupAttribute) {
            GraphSourceConfig config = config(configuration);
            return graph.reading(fields == null ? config : config.onlyFields(fields));
        }

        @Override
        public ConnectionReport test(SourceConfiguration configuration, int sample, long countLimit) {
            return graph.reading(config(configuration)).test(sample);
        }

        private static GraphSourceConfig config(SourceConfiguration configuration) {
            if (!(configuration instanceof Configured entra)) {
                throw new IllegalArgumentException("not an Entra ID source: " + configuration);
            }
            return entra.config();
        }

        @Override
        public void close() {
            // the signed-in client holds no connection of its own to let go of
        }
    }
}
