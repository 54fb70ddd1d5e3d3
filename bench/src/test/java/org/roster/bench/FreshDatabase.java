package org.roster.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh Roster database for each test, migrated and empty, on one real PostgreSQL cluster that
 * every test class of the run shares: the cluster starts once, the first time a test needs it, and
 * stops when the run ends. Each database is dropped after its test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FreshDatabase DATABASE = new FreshDatabase("audit");
 *
 * RosterDatabase db = DATABASE.db();
 * }</pre>
 */
final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabase.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String prefix;
    private final Clock clock;

    private BenchPostgres cluster;
    private String name;
    private String url;
    private RosterDatabase db;

    FreshDatabase(String prefix) {
        this(prefix, Clock.systemUTC());
    }

    /** @param clock the clock the database's stores keep time by */
    FreshDatabase(String prefix, Clock clock) {
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        cluster = cluster(context);
        name = prefix + "_" + DATABASES.incrementAndGet();
        url = cluster.createDatabase(name);
        db = new RosterDatabase(url, clock);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        db.close();
        cluster.dropDatabase(name);
    }

    /** The shared cluster, started by the first test of the run that needs it. */
    static BenchPostgres cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedCluster.class, key -> new SharedCluster(), SharedCluster.class).postgres;
    }

    /** This test's database, with Roster's stores on it. */
    RosterDatabase db() {
        return db;
    }

    /** This test's database's JDBC URL. */
    String url() {
        return url;
    }

    /** A plain connection to this test's database, as an intruder or an older release would write. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, BenchPostgres.USER, BenchPostgres.PASSWORD);
    }

    /** The cluster as a resource of the whole run, so that JUnit stops it when the run ends. */
    private static final class SharedCluster implements AutoCloseable {

        private final BenchPostgres postgres;

        SharedCluster() {
            try {
                postgres = BenchPostgres.start(Path.of("target", "store-pg").toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            postgres.close();
        }
    }
}
