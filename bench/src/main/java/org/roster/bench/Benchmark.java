package org.roster.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import org.roster.demo.DemoDirectory;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.source.Secret;
import org.roster.source.ldap.LdapConnections;
import org.roster.source.ldap.LdapDirectorySource;
import org.roster.source.ldap.LdapSourceConfig;
import org.roster.sync.RemovalGuard;
import org.roster.sync.RunProgress;
import org.roster.sync.StateStore;
import org.roster.sync.SyncPipeline;

/**
 * The whole comparison in one run: for each directory size, the generated directory is served by
 * OpenLDAP (slapd, a process of its own), read bare, then synced by Roster into PostgreSQL (first
 * full sync, steady-state full reconciliation, incremental sync of 100 changes); Keycloak's LDAP
 * federation syncs the same directory twice, into a database of its own on the same PostgreSQL
 * server and into its development file database; the same directory on UnboundID's in-memory server is read
 * once for comparison; JMH measures the hot spots. Prints a table, writes {@code roster-bench.json}
 * and {@code roster-bench.png}. Timings are reported, never judged: nothing here fails on a slow
 * machine.
 *
 * <p>System properties: {@code bench.sizes} (comma-separated), {@code bench.output} (a folder),
 * {@code bench.plan-up-to} (the largest size whose runs plan and deliver every viewer),
 * {@code bench.plan-viewers-at} (the size at which, after the other phases, every viewer is planned
 * and delivered once),
 * {@code bench.full-only-from} (from this size on only the first full sync runs),
 * {@code bench.unboundid-size} (the size also read from UnboundID's in-memory server),
 * {@code bench.entra-size} (the size also read as an Entra ID tenant on the Graph emulator),
 * {@code bench.keycloak-sizes}, {@code bench.keycloak.zip}, {@code bench.jmh} ({@code false} skips it).
 */
public final class Benchmark {

    static final int PAGE_SIZE = 500;
    static final int CHANGES = 100;
    /** Rounds of the steady-state sync; the median round is reported. */
    static final int ROUNDS = 5;
    /**
     * Rounds of the incremental sync, the median reported: a round takes some twelve milliseconds,
     * in which a stall of the database, the collector or the machine of a few milliseconds moves one
     * round by a third, so the median is taken of many more rounds than the steady state's (each
     * round costs a tenth of a second with its changes and its bare read).
     */
    static final int INCREMENTAL_ROUNDS = 31;
    /** Incremental rounds run before the counted ones, not counted (see {@link #measure}). */
    static final int INCREMENTAL_WARM_UP = 2;
    static final int CAP = 200;
    /** Outbox changes per delivery transaction (the {@code deliveryBatchSize} an operator sets). */
    static final int DELIVERY_BATCH = 1_000;
    private static final String FILTER = "(objectClass=inetOrgPerson)";

    private final Clock clock = Clock.systemUTC();
    private final Path work = Path.of("").toAbsolutePath();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final List<Map<String, Object>> sizes = new ArrayList<>();
    /** The size at which every viewer is planned and delivered once, after the other phases. */
    private int planViewersAt;

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
        // the JMH runner and JDK HTTP clients leave non-daemon threads behind
        System.exit(0);
    }

    private void run() throws Exception {
        List<Integer> employees = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int planUpTo = Integer.getInteger("bench.plan-up-to", 1_000);
        planViewersAt = Integer.getInteger("bench.plan-viewers-at", 100_000);
        int fullOnlyFrom = Integer.getInteger("bench.full-only-from", 1_000_000);
        int unboundIdSize = Integer.getInteger("bench.unboundid-size", 10_000);
        int entraSize = Integer.getInteger("bench.entra-size", 10_000);
        List<Integer> keycloakSizes = Arrays.stream(System.getProperty("bench.keycloak-sizes", "10000,100000")
                        .split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        Path output = Path.of(System.getProperty("bench.output", "results"));
        Files.createDirectories(output);
        Instant started = clock.instant();
        report.put("machine", Machine.facts());
        report.put("command", "mvn -P bench -pl bench -am verify");
        report.put("generator", Map.of("class", DemoDirectory.class.getName(), "seed", DemoDirectory.DEFAULT_SEED,
                "baseDn", DemoDirectory.DEFAULT_BASE_DN));
        report.put("policy", "the bundled default policy (scope has-mobile; same-department visibility; "
                + "givenName, surname, mobile released) with a cap of " + CAP + " contacts per viewer");
        try (BenchPostgres pg = BenchPostgres.start(work.resolve("pg"))) {
            ((Map<String, Object>) report.get("machine")).put("postgresql", pg.version());
            ((Map<String, Object>) report.get("machine")).put("postgresqlSettings", BenchPostgres.SETTINGS);
            for (int size : employees) {
                Map<String, Object> row = measure(pg, size, size <= planUpTo, size >= fullOnlyFrom,
                        keycloakSizes.contains(size));
                if (size == unboundIdSize) {
                    row.put("unboundIdInMemory", unboundIdInMemory(size));
                }
                if (size == entraSize) {
                    log("%,d: the same directory as an Entra ID tenant on the Graph emulator", size);
                    row.put("entra", EntraRead.measure(pg, size, clock));
                }
                sizes.add(row);
                writeReport(output, started);
            }
        }
        report.put("sizes", sizes);
        if (!"false".equals(System.getProperty("bench.jmh"))) {
            report.put("jmh", HotSpots.run(work.resolve("jmh.json")));
        }
        writeReport(output, started);
    }

    @SuppressWarnings("unchecked")
    private void writeReport(Path output, Instant started) throws IOException {
        report.put("sizes", sizes);
        report.put("targets", Targets.judge(sizes));
        report.put("wallClockSeconds", Duration.between(started, clock.instant()).toSeconds());
        Files.writeString(output.resolve("roster-bench.json"), Json.write(report));
        Chart.draw(sizes, output.resolve("roster-bench.png"));
        System.out.println(Table.of(sizes));
    }

    /**
     * The same directory on UnboundID's in-memory server, read bare with the same paged search: its
     * paged search re-runs the whole search for every page, so a paged read costs O(n^2/page) and
     * the size series is served by slapd instead.
     */
    private Map<String, Object> unboundIdInMemory(int size) throws Exception {
        log("%,d: the same directory on UnboundID's in-memory server", size);
        try (DirectoryProcess ldap = DirectoryProcess.start(size, "-Xmx2g", work.resolve("unboundid-" + size + ".log"))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", "UnboundID in-memory directory server (separate JVM, -Xmx2g)");
            row.put("loadSeconds", round(ldap.loadSeconds));
            LdapSourceConfig config = LdapSourceConfig.parse(ldap.url(), "", Secret.none(),
                    DemoDirectory.DEFAULT_BASE_DN, FILTER, "uid", LdapSourceConfig.DEFAULT_MAPPING, PAGE_SIZE)
                    .onlyFields(EnumSet.of(PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE,
                            PersonField.DEPARTMENT, PersonField.LOCATION)).trackingChangesBy("modifyTimestamp");
            Measure.Taken<Long> paged = Measure.phase(() -> bareRead(ldap.port(), config));
            row.put("bareReadPaged500", phase(paged, paged.result()));
            return row;
        }
    }

    private Map<String, Object> measure(BenchPostgres pg, int size, boolean plan, boolean firstSyncOnly,
                                        boolean keycloak) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employees", size);
        log("%,d employees: starting the directory server", size);
        try (SlapdDirectory ldap = SlapdDirectory.start(size, work.resolve("slapd-" + size));
             // the bare reads keep one connection open, as Roster keeps its pool: neither pays for a
             // connection in a measured read
             LDAPConnection bareConnection = bareConnection(ldap.port());
             LdapConnections pool = new LdapConnections(ldapConfig(ldap.url(), benchFields()))) {
            row.put("directoryServer", Map.of("kind", "OpenLDAP slapd (Debian), mdb backend, loaded by slapadd",
                    "loadSeconds", round(ldap.loadSeconds)));
            Measure.directoryServer(ldap.process());
            Policy policy = benchPolicy();
            LdapSourceConfig config = ldapConfig(ldap.url(), benchFields());
            row.put("attributesRead", List.of(config.requestedAttributes()));
            // parsed once, outside the measured reads
            Filter everyone = Filter.create(FILTER);

            // the first read of a freshly loaded directory warms the server's and the JVM's caches:
            // it is not counted
            log("%,d: bare read, warming up", size);
            bareRead(bareConnection, config, everyone);
            log("%,d: bare read", size);
            Measure.Taken<Long> bareBefore = Measure.phase(() -> bareRead(bareConnection, config, everyone));
            row.put("bareReadBefore", phase(bareBefore, bareBefore.result()));

            String database = "roster_" + size;
            try (RosterDatabase db = new RosterDatabase(pg.createDatabase(database), clock)) {
                Instrumented store = new Instrumented(db.store, plan);
                // on the pool kept for the directory, as Liberty keeps one per source; the directory
                // server runs on this machine: no clock margin is needed for its timestamps
                LdapDirectorySource source = new LdapDirectorySource(config, pool).withClockMargin(Duration.ZERO);
                EntryNormaliser normaliser = new EntryNormaliser(PhoneNumbers.forRegion("DE"),
                        EntryNormaliser.regionsByLocation(DemoDirectory.locationRegions().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "," + b).orElse("")));
                SyncPipeline pipeline = new SyncPipeline(source, normaliser, new PolicyEvaluator(policy),
                        store.proxy(), new RecordedContactPlatform(), db.audit, clock)
                        .delivering(DELIVERY_BATCH, () -> { });
                row.put("planned", plan);
                if (!plan) {
                    row.put("note", "the runs at this size see no viewers: their figures are those of reading, "
                            + "normalising, deciding and storing the directory" + (size == planViewersAt
                            ? "; planning and delivering for every viewer is measured once, after them "
                            + "(planningEveryViewer)" : "; planning for every viewer is measured at "
                            + String.format("%,d", planViewersAt) + " employees"));
                }

                log("%,d: Roster's first full sync", size);
                Map<String, Object> full = sync(db, pipeline, store, SyncPipeline.ReadMode.FULL, size);
                row.put("firstFullSync", full);
                String watermark = (String) full.remove("watermark");

                if (firstSyncOnly) {
                    row.put("note", (row.containsKey("note") ? row.get("note") + "; " : "")
                            + "at this size only the first full sync is measured (the -Xmx512m target), to keep the "
                            + "run within minutes");
                    row.put("bareReadSeconds", round(bareBefore.seconds()));
                    row.put("ratioFirstFullSyncToBareRead", round((double) full.get("seconds") / bareBefore.seconds()));
                    return row;
                }
                log("%,d: letting the database settle (vacuum, analyze)", size);
                Measure.Taken<Object> settling = Measure.phase(() -> {
                    db.settle();
                    return null;
                });
                row.put("settleSeconds", round(settling.seconds()));
                // the steady state and the incremental sync are short: each is the median of a few
                // rounds, so that one stray pause of the machine does not decide a ratio
                // each steady-state round follows a bare read of its own: both see the machine as it
                // is then (its caches, the JIT's progress, what else runs), and the ratio is of the
                // medians of equally many rounds
                List<Map<String, Object>> steadyRounds = new ArrayList<>();
                List<Map<String, Object>> bareRounds = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    log("%,d: bare read, then steady-state full reconciliation, round %d of %d", size, round, ROUNDS);
                    Measure.Taken<Long> bareRound = Measure.phase(() -> bareRead(bareConnection, config, everyone));
                    bareRounds.add(phase(bareRound, bareRound.result()));
                    Map<String, Object> steadyRound = sync(db, pipeline, store, SyncPipeline.ReadMode.FULL, size);
                    if (steadyRound.remove("watermark") instanceof String next) {
                        watermark = next;
                    }
                    steadyRounds.add(steadyRound);
                }
                Map<String, Object> steady = median(steadyRounds);
                row.put("steadyStateFullSync", steady);
                Map<String, Object> bareMedian = median(bareRounds);
                row.put("bareRead", bareMedian);

                // the first incremental runs are the first to update stored employees: like the warm-up
                // bare read, they let the JIT compile that path, and are reported but not counted
                List<Map<String, Object>> incrementalRounds = new ArrayList<>();
                List<Map<String, Object>> bareChangeRounds = new ArrayList<>();
                List<Double> warmUpSeconds = new ArrayList<>();
                for (int round = 1 - INCREMENTAL_WARM_UP; round <= INCREMENTAL_ROUNDS; round++) {
                    log("%,d: %d changes, incremental sync, %s", size, CHANGES, round < 1
                            ? "warm-up round " + (round + INCREMENTAL_WARM_UP) + " of " + INCREMENTAL_WARM_UP
                            : "round " + round + " of " + INCREMENTAL_ROUNDS);
                    // modifyTimestamp has millisecond resolution: changes made now are newer than the watermark
                    Thread.sleep(50);
                    changeMobiles(ldap, size, round + INCREMENTAL_WARM_UP);
                    // the directory's own share: the same search for the changes, each entry dropped
                    Filter changed = Filter.createANDFilter(everyone,
                            Filter.createGreaterOrEqualFilter("modifyTimestamp", watermark));
                    Measure.Taken<Long> bareChanges = Measure.phase(() -> bareRead(bareConnection, config, changed));
                    bareChangeRounds.add(phase(bareChanges, bareChanges.result()));
                    Map<String, Object> incrementalRound = sync(db, pipeline, store,
                            SyncPipeline.ReadMode.changesSince(watermark), CHANGES);
                    if (incrementalRound.remove("watermark") instanceof String next) {
                        watermark = next;
                    }
                    if (round < 1) {
                        warmUpSeconds.add((Double) incrementalRound.get("seconds"));
                        bareChangeRounds.remove(bareChangeRounds.size() - 1);
                    } else {
                        incrementalRounds.add(incrementalRound);
                    }
                }
                Map<String, Object> incremental = median(incrementalRounds);
                incremental.put("secondsOfUncountedWarmUpRounds", warmUpSeconds);
                row.put("incrementalSync", incremental);
                row.put("bareReadOfTheChanges", median(bareChangeRounds));

                double bare = (double) bareMedian.get("seconds");
                row.put("bareReadSeconds", round(bare));
                row.put("ratioSteadyStateToBareRead", round((double) steady.get("seconds") / bare));
                row.put("ratioFirstFullSyncToBareRead", round((double) full.get("seconds") / bare));
                row.put("ratioIncrementalToSteadyState",
                        round((double) incremental.get("seconds") / (double) steady.get("seconds")));
                if (size == planViewersAt && !plan) {
                    row.put("planningEveryViewer", planEveryViewer(db, pipeline, store, size));
                }
            } finally {
                pg.dropDatabase(database);
            }
            if (keycloak) {
                log("%,d: Keycloak's LDAP federation, synchronize all users", size);
                row.put("keycloak", KeycloakLdapSync.measure(Path.of(System.getProperty("bench.keycloak.zip")),
                        work.resolve("keycloak"), ldap.url(), size, null));
                // as an operator runs it: on a database server, here the one Roster's figures were taken on
                log("%,d: Keycloak's LDAP federation on PostgreSQL, synchronize all users", size);
                String keycloakDatabase = "keycloak_" + size;
                try {
                    row.put("keycloakPostgresql", KeycloakLdapSync.measure(
                            Path.of(System.getProperty("bench.keycloak.zip")), work.resolve("keycloak"), ldap.url(),
                            size, pg.createDatabase(keycloakDatabase)));
                } finally {
                    pg.dropDatabase(keycloakDatabase);
                }
                double roster = (double) ((Map<?, ?>) row.get("firstFullSync")).get("seconds");
                if (((Map<?, ?>) row.get("keycloak")).get("seconds") instanceof Double seconds) {
                    row.put("ratioKeycloakToRosterFirstFullSync", round(seconds / roster));
                }
                if (((Map<?, ?>) row.get("keycloakPostgresql")).get("seconds") instanceof Double seconds) {
                    row.put("ratioKeycloakPostgresqlToRosterFirstFullSync", round(seconds / roster));
                }
            }
        }
        return row;
    }

    /**
     * Every employee in scope becomes a viewer: a full run (of the unchanged directory) plans each
     * one's capped contact set and delivers it, writing the delivered state; then the same run
     * again, whose plan stands.
     */
    private Map<String, Object> planEveryViewer(RosterDatabase db, SyncPipeline pipeline, Instrumented store,
                                                int size) throws Exception {
        store.plan = true;
        long viewers = db.store.countViewers();
        log("%,d: planning and delivering for all %,d viewers", size, viewers);
        Map<String, Object> planning = new LinkedHashMap<>();
        planning.put("viewers", viewers);
        Map<String, Object> first = sync(db, pipeline, store, SyncPipeline.ReadMode.FULL, size);
        first.remove("watermark");
        long contacts = (long) first.get("contactsAdded");
        Map<?, ?> stages = (Map<?, ?>) first.get("stageSeconds");
        planning.put("contactsPlanned", contacts);
        planning.put("contactsPerViewer", viewers == 0 ? 0 : round((double) contacts / viewers));
        if (stages.get("planning") instanceof Double seconds && seconds > 0) {
            planning.put("viewersPlannedPerSecond", Math.round(viewers / seconds));
            planning.put("plannedChangesPerSecond", Math.round(contacts / seconds));
        }
        planning.put("planWrite", "JDBC, per page of 200 viewers one transaction: one INSERT ... SELECT FROM "
                + "unnest(array parameters) of all the page's outbox changes and one upsert of their digests");
        planning.put("firstRun", first);
        log("%,d: the same run again, every viewer planned", size);
        Map<String, Object> again = sync(db, pipeline, store, SyncPipeline.ReadMode.FULL, size);
        again.remove("watermark");
        planning.put("runAgain", again);
        store.plan = false;
        return planning;
    }

    /** The bundled default policy with a cap of {@value #CAP} contacts per viewer. */
    static Policy benchPolicy() {
        Policy standard = Policies.bundled("default");
        return new Policy("default-cap-" + CAP, standard.description(), standard.scope(), standard.fields(),
                standard.visibility(), Optional.of(new Policy.Cap(CAP)), standard.optOut(), standard.consent(),
                standard.phones(), standard.retention());
    }

    private Map<String, Object> sync(RosterDatabase db, SyncPipeline pipeline, Instrumented store,
                                     SyncPipeline.ReadMode mode, long entries) throws Exception {
        long runId = db.startRun("bench");
        store.reset();
        RunProgress progress = new RunProgress(db.store.lastCompleteReadCount());
        long deliveredBefore = db.store.countDelivered();
        Measure.Taken<SyncPipeline.Outcome> taken = Measure.phase(() ->
                pipeline.run(runId, false, progress, RemovalGuard.NONE, mode));
        db.finishRun(runId, taken.result().sourceComplete());
        Map<String, Object> phase = phase(taken, progress.read.get());
        phase.put("complete", taken.result().sourceComplete());
        phase.put("read", progress.read.get());
        phase.put("rejected", progress.rejected.get());
        phase.put("inScope", progress.inScope.get());
        phase.put("employeesWritten", store.written.get());
        // entries read again unchanged are skipped before the store hears of them; the store marks
        // seen only those that read differently yet normalised the same
        phase.put("employeesUnchanged", progress.read.get() - progress.rejected.get() - store.written.get());
        phase.put("employeesMarkedSeenInStore", store.seen.get());
        phase.put("gone", progress.gone.get());
        phase.put("contactsAdded", progress.added.get());
        phase.put("contactsUpdated", progress.updated.get());
        phase.put("contactsRemoved", progress.removed.get());
        phase.put("contactsDelivered", progress.delivered.get());
        phase.put("deliveredContactsNow", db.store.countDelivered());
        Map<String, Object> stages = new LinkedHashMap<>();
        store.stageSeconds().forEach((stage, seconds) -> stages.put(stage.name().toLowerCase(), round(seconds)));
        phase.put("stageSeconds", stages);
        Map<String, Object> inStore = new LinkedHashMap<>();
        store.nanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .forEach(e -> inStore.put(e.getKey(), round(e.getValue().get() / 1e9)));
        phase.put("secondsInStoreMethods", inStore);
        Double delivering = store.stageSeconds().get(RunProgress.Stage.DELIVERING);
        long rows = db.store.countDelivered() - deliveredBefore;
        if (delivering != null && progress.delivered.get() > 0) {
            phase.put("deliveredStateRowsPerSecond", Math.round(progress.delivered.get() / delivering));
            phase.put("deliveredStateWrite", "JDBC, " + DELIVERY_BATCH + " outbox changes per delivery "
                    + "transaction; per transaction one upsert of the delivered-contact rows, one insert of the "
                    + "delivery-journal rows and one update marking the outbox rows, each a single statement "
                    + "over PostgreSQL array parameters (INSERT ... SELECT FROM unnest)");
        }
        phase.put("deliveredRowsChange", rows);
        phase.put("watermark", progress.watermarks().get("directory"));
        return phase;
    }

    private static Map<String, Object> phase(Measure.Taken<?> taken, long entries) {
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("seconds", round(taken.seconds()));
        phase.put("entries", entries);
        phase.put("entriesPerSecond", taken.seconds() > 0 ? Math.round(entries / taken.seconds()) : 0);
        phase.put("peakHeapMiB", Math.round(taken.peakHeapBytes() / 1048576.0));
        phase.put("jvmCpuSeconds", round(taken.jvmCpuSeconds()));
        if (taken.directoryCpuSeconds() >= 0) {
            phase.put("directoryServerCpuSeconds", round(taken.directoryCpuSeconds()));
        }
        return phase;
    }

    /**
     * The fastest possible read of the same directory: the same LDAP SDK, the same paged search of
     * the same entries and attributes, each entry dropped as it arrives.
     */
    static long bareRead(int port, LdapSourceConfig config) throws Exception {
        return bareRead(port, config, Filter.create(FILTER));
    }

    /** The LDAP source of the bench's directories, reading these fields, tracking changes by modifyTimestamp. */
    private static LdapSourceConfig ldapConfig(String url, Set<PersonField> fields) throws Exception {
        return LdapSourceConfig.parse(url, "", Secret.none(), DemoDirectory.DEFAULT_BASE_DN, FILTER, "uid",
                LdapSourceConfig.DEFAULT_MAPPING, PAGE_SIZE).onlyFields(fields).trackingChangesBy("modifyTimestamp");
    }

    /** The fields the bench's policy refers to, and the location its numbers are read by. */
    private static Set<PersonField> benchFields() throws Exception {
        Set<PersonField> fields = EnumSet.copyOf(benchPolicy().referencedFields());
        fields.add(PersonField.LOCATION);
        return fields;
    }

    /**
     * A connection for bare reads, in the synchronous mode Roster's connections use: the searching
     * thread decodes the answers itself.
     */
    private static LDAPConnection bareConnection(int port) throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setUseSynchronousMode(true);
        return new LDAPConnection(options, "127.0.0.1", port);
    }

    /** A bare read of the entries this filter matches, on a connection of its own. */
    static long bareRead(int port, LdapSourceConfig config, Filter filter) throws Exception {
        try (LDAPConnection connection = bareConnection(port)) {
            return bareRead(connection, config, filter);
        }
    }

    /** A bare read of the entries this filter matches, on an open connection. */
    static long bareRead(LDAPConnection connection, LdapSourceConfig config, Filter filter) throws Exception {
        AtomicLong count = new AtomicLong();
        SearchResultListener drop = new SearchResultListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void searchEntryReturned(SearchResultEntry entry) {
                count.incrementAndGet();
            }

            @Override
            public void searchReferenceReturned(SearchResultReference reference) {
            }
        };
        SearchRequest request = new SearchRequest(drop, DemoDirectory.DEFAULT_BASE_DN, SearchScope.SUB,
                filter, config.requestedAttributes());
        ASN1OctetString cookie = null;
        do {
            request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie));
            SearchResult result = connection.search(request);
            SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
            cookie = paged == null ? null : paged.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        return count.get();
    }

    /**
     * The round of median duration, with every round's seconds beside it (an odd number of rounds
     * has one median round).
     */
    private static Map<String, Object> median(List<Map<String, Object>> rounds) {
        List<Map<String, Object>> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(r -> (Double) r.get("seconds")));
        Map<String, Object> median = new LinkedHashMap<>(sorted.get(sorted.size() / 2));
        median.put("rounds", rounds.size());
        median.put("secondsOfEachRound", rounds.stream().map(r -> r.get("seconds")).toList());
        return median;
    }

    /** Gives {@value #CHANGES} employees spread over the directory a new mobile number, one set per round. */
    private static void changeMobiles(SlapdDirectory ldap, int size, int round) throws Exception {
        DemoDirectory directory = DemoDirectory.of(DemoDirectory.DEFAULT_SEED, size);
        try (LDAPConnection connection = ldap.adminConnection()) {
            for (int i = 0; i < CHANGES; i++) {
                int index = (int) ((long) i * size / CHANGES) + 7;
                String dn = directory.person(index, DemoDirectory.DEFAULT_BASE_DN).getDN();
                connection.modify(dn, new Modification(ModificationType.REPLACE, "mobile",
                        String.format("+49 151 %08d", 40_000_000 + round * 1_000 + i)));
            }
        }
    }

    /**
     * Roster's own JPA store, watched: when each stage of a run starts (from the progress the
     * pipeline saves), how many employees were written or only marked seen; and, for sizes that
     * are not planned, a store whose planning sees no viewers.
     */
    static final class Instrumented {
        private final StateStore store;
        /** Whether planning sees the viewers: false hides them (see {@link #measure}). */
        volatile boolean plan;
        final AtomicLong written = new AtomicLong();
        final AtomicLong seen = new AtomicLong();
        /** Time spent inside each store method: where a run's time goes. */
        final Map<String, AtomicLong> nanos = new ConcurrentHashMap<>();
        private final Map<RunProgress.Stage, Long> stageStarts = new EnumMap<>(RunProgress.Stage.class);

        Instrumented(StateStore store, boolean plan) {
            this.store = store;
            this.plan = plan;
        }

        void reset() {
            written.set(0);
            seen.set(0);
            nanos.clear();
            stageStarts.clear();
        }

        Map<RunProgress.Stage, Double> stageSeconds() {
            Map<RunProgress.Stage, Double> seconds = new EnumMap<>(RunProgress.Stage.class);
            List<Map.Entry<RunProgress.Stage, Long>> starts = new ArrayList<>(stageStarts.entrySet());
            for (int i = 0; i + 1 < starts.size(); i++) {
                seconds.put(starts.get(i).getKey(), (starts.get(i + 1).getValue() - starts.get(i).getValue()) / 1e9);
            }
            return seconds;
        }

        StateStore proxy() {
            return (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
                    new Class<?>[] {StateStore.class}, (self, method, args) -> {
                        switch (method.getName()) {
                            case "saveProgress" -> stageStarts.putIfAbsent(((RunProgress) args[1]).stage(),
                                    System.nanoTime());
                            case "saveEntries" -> written.addAndGet(((List<?>) args[1]).size());
                            case "markSeen" -> seen.addAndGet(args[1] instanceof Map<?, ?> map ? map.size()
                                    : ((Collection<?>) args[1]).size());
                            case "forEachViewer", "forEachFormerViewer" -> {
                                if (!plan) {
                                    return null;
                                }
                            }
                            default -> { }
                        }
                        long start = System.nanoTime();
                        try {
                            return method.invoke(store, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            nanos.computeIfAbsent(method.getName(), k -> new AtomicLong())
                                    .addAndGet(System.nanoTime() - start);
                        }
                    });
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
        System.out.flush();
    }
}
