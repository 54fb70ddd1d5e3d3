package org.roster.bench;

import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.unboundid.ldap.sdk.Entry;
import org.roster.demo.DemoDirectory;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;
import org.roster.source.Secret;
import org.roster.source.graph.GraphDirectorySource;
import org.roster.source.graph.GraphEmulator;
import org.roster.source.graph.GraphSourceConfig;
import org.roster.sync.RemovalGuard;
import org.roster.sync.RunProgress;
import org.roster.sync.SyncPipeline;

/**
 * The same generated directory as an Entra ID tenant on the Graph emulator (HTTPS, in this JVM):
 * Roster's Graph source reads it through the Microsoft Graph SDK, once with each entry dropped and
 * once as a first full sync into its store. The emulator's users count against this JVM's heap.
 */
final class EntraRead {

    private EntraRead() {
    }

    static Map<String, Object> measure(BenchPostgres pg, int size, Clock clock) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        try (GraphEmulator graph = GraphEmulator.start()) {
            long load = System.nanoTime();
            DemoDirectory directory = DemoDirectory.of(DemoDirectory.DEFAULT_SEED, size);
            for (int i = 0; i < size; i++) {
                graph.putUser(user(directory.person(i, DemoDirectory.DEFAULT_BASE_DN), i));
            }
            row.put("kind", "the project's Graph emulator (HTTPS, users/delta with paging), in the measured JVM");
            row.put("loadSeconds", Benchmark.round((System.nanoTime() - load) / 1e9));
            Set<PersonField> fields = EnumSet.copyOf(Benchmark.benchPolicy().referencedFields());
            fields.add(PersonField.LOCATION);
            GraphSourceConfig config = GraphSourceConfig.of(graph.tenantId(), graph.clientId(),
                            Secret.of(graph.clientSecret().toCharArray()))
                    .at(URI.create(graph.authorityHost()), URI.create(graph.graphUrl()), Optional.of(graph.trustStore()),
                            Secret.of(graph.trustStorePassword()))
                    .paging(999, 3).onlyFields(fields);
            row.put("pageSize", 999);

            AtomicLong count = new AtomicLong();
            Measure.Taken<?> read = Measure.phase(() -> new GraphDirectorySource(config).readAll(e -> count.incrementAndGet()));
            row.put("sourceReadOnly", Map.of("seconds", Benchmark.round(read.seconds()), "entries", count.get(),
                    "entriesPerSecond", Math.round(count.get() / read.seconds()),
                    "peakHeapMiB", Math.round(read.peakHeapBytes() / 1048576.0)));

            String database = "roster_entra_" + size;
            try (RosterDatabase db = new RosterDatabase(pg.createDatabase(database), clock)) {
                Benchmark.Instrumented store = new Benchmark.Instrumented(db.store, false);
                SyncPipeline pipeline = new SyncPipeline(new GraphDirectorySource(config),
                        new EntryNormaliser(PhoneNumbers.forRegion("DE"), EntryNormaliser.regionsByLocation(
                                String.join(",", DemoDirectory.locationRegions().entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue()).toList()))),
                        new PolicyEvaluator(Benchmark.benchPolicy()), store.proxy(), new RecordedContactPlatform(),
                        db.audit, clock);
                long runId = db.startRun("bench");
                RunProgress progress = new RunProgress(0);
                Measure.Taken<SyncPipeline.Outcome> full = Measure.phase(() ->
                        pipeline.run(runId, false, progress, RemovalGuard.NONE, SyncPipeline.ReadMode.FULL));
                db.finishRun(runId, full.result().sourceComplete());
                row.put("firstFullSync", Map.of("seconds", Benchmark.round(full.seconds()), "read", progress.read.get(),
                        "complete", full.result().sourceComplete(), "employeesWritten", store.written.get(),
                        "entriesPerSecond", Math.round(progress.read.get() / full.seconds()),
                        "peakHeapMiB", Math.round(full.peakHeapBytes() / 1048576.0)));
            } finally {
                pg.dropDatabase(database);
            }
        }
        return row;
    }

    /** A generated person as Entra ID holds them: the same values, mess included. */
    private static GraphEmulator.GraphUser user(Entry person, int index) {
        return GraphEmulator.GraphUser.builder()
                .id(new UUID(0x5EED_0000_0000_0000L, index).toString())
                .userPrincipalName(person.getAttributeValue("uid") + "@example.org")
                .displayName(person.getAttributeValue("displayName"))
                .givenName(person.getAttributeValue("givenName"))
                .surname(person.getAttributeValue("sn"))
                .mail(person.getAttributeValue("mail"))
                .mobilePhone(person.getAttributeValue("mobile"))
                .businessPhones(person.hasAttribute("telephoneNumber")
                        ? List.of(person.getAttributeValue("telephoneNumber")) : List.of())
                .department(person.getAttributeValue("departmentNumber"))
                .officeLocation(person.getAttributeValue("l"))
                .jobTitle(person.getAttributeValue("title"))
                .employeeType(person.getAttributeValue("employeeType"))
                .employeeId(person.getAttributeValue("employeeNumber"))
                .accountEnabled(true)
                .build();
    }
}
