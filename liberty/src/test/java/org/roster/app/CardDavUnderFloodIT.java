package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone floods the address book sign-in with wrong passwords for an employee's name, a thousand
 * a second from one address (127.0.0.2), while the employee's own client ({@code vdirsyncer} on
 * 127.0.0.1) keeps syncing: every sync succeeds. The flood is bounded in count and time and goes
 * to this machine only. How long the syncs took with and without it is written to
 * {@code target/carddav-flood-report.txt}, for people to read; speed is not asserted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CardDavUnderFloodIT {

    private static final int RATE = 1_000;
    private static final int MOST_GUESSES = 60_000;
    private static final Duration LONGEST_FLOOD = Duration.ofSeconds(90);
    private static final int SYNCS = 5;
    private static final int WORKERS = 16;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path dir;

    @Test
    void aFloodOfWrongPasswordsFromOneAddressLeavesTheEmployeesSyncsWorking() throws Exception {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture ldap = LdapFixture.get();
        ldap.add(new LdapFixture.Person("p000301", "Rhea", "Stone", "0151 7300 0301", "Flooded", null));
        ldap.add(new LdapFixture.Person("p000302", "Sven", "Toll", "0151 7300 0302", "Flooded", null));
        ldap.add(new LdapFixture.Person("p000303", "Tara", "Ufer", "0151 7300 0303", "Flooded", null));
        admin.sync();
        // made as before keyed digests (the demo sign-in knows too few employees to make one): the
        // client's first request gives it its digest, as it would after an upgrade
        String password = "rhea-lapt-op23-4567-89ab-cdef";
        AppPasswordRows.madeBeforeDigests("p000301", "laptop", password);
        Vdirsyncer client = new Vdirsyncer(dir, URI.create(base.toString()).resolve("/dav/"), "p000301", password);
        client.run("discover");
        client.run("sync");
        assertThat(client.cards()).hasSize(2);

        List<Long> quiet = timedSyncs(client);

        Flood flood = new Flood(URI.create("http://127.0.0.1:" + base.getPort() + "/"),
                "dav/addressbooks/p000301/contacts/", "p000301");
        List<Long> flooded;
        boolean throughout;
        try {
            flood.start();
            await("the flood under way").atMost(Duration.ofSeconds(30)).until(() -> flood.sent() >= RATE / 2);
            flooded = timedSyncs(client);
            long syncsDone = System.nanoTime();
            throughout = flood.answeringAt(syncsDone - TimeUnit.MILLISECONDS.toNanos(100));
        } finally {
            flood.stop();
        }

        assertThat(client.cards()).as("the client's copy is whole").hasSize(2);
        assertThat(flood.answers()).as("no wrong password was let in: %s", flood.answers())
                .doesNotContainKeys(200, 207);
        assertThat(flood.answers()).as("the guessing address was told to wait: %s", flood.answers())
                .containsKey(429);
        report(quiet, flooded, flood, throughout);
    }

    /** Syncs {@value #SYNCS} times, each of which must succeed; returns how long each took, in milliseconds. */
    private static List<Long> timedSyncs(Vdirsyncer client) throws IOException, InterruptedException {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < SYNCS; i++) {
            long started = System.nanoTime();
            client.run("sync");
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return millis;
    }

    private static void report(List<Long> quiet, List<Long> flooded, Flood flood, boolean throughout)
            throws IOException {
        Path file = Path.of("target", "carddav-flood-report.txt");
        Files.createDirectories(file.getParent());
        double seconds = flood.elapsed().toMillis() / 1000.0;
        Files.writeString(file, String.join("\n",
                "CardDAV sign-in under a flood of wrong passwords (loopback, one machine)",
                "",
                "Flood: " + flood.sent() + " wrong passwords for the employee's name from 127.0.0.2 in "
                        + String.format(Locale.ROOT, "%.1f", seconds) + " s ("
                        + String.format(Locale.ROOT, "%.0f", flood.sent() / Math.max(seconds, 0.001))
                        + " a second; aimed at " + RATE + "), " + WORKERS + " connections; answers " + flood.answers()
                        + ", failed requests " + flood.errors() + (throughout ? "; it lasted until the last sync"
                        + " had ended" : "; it had ended (by its bounds) before the last sync did"),
                "Client: vdirsyncer sync of a book of 2 cards from 127.0.0.1, each a whole run of the program "
                        + "(its start-up included), " + SYNCS + " times each way",
                "Without the flood (ms): " + quiet + ", median " + median(quiet),
                "With the flood (ms):    " + flooded + ", median " + median(flooded), ""));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /**
     * Wrong passwords from 127.0.0.2 at {@value #RATE} a second, at most {@value #MOST_GUESSES} of
     * them and for at most {@link #LONGEST_FLOOD}, whichever comes first.
     */
    private static final class Flood {

        private final LoopbackClient http;
        private final String path;
        private final String name;
        private final Semaphore permits = new Semaphore(0);
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicLong sent = new AtomicLong();
        private final LongAdder errors = new LongAdder();
        private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        private final AtomicLong lastAnswerAt = new AtomicLong();
        private long startedAt;

        Flood(URI server, String path, String name) throws IOException {
            this.http = new LoopbackClient("127.0.0.2", server, WORKERS);
            this.path = path;
            this.name = name;
        }

        void start() {
            running.set(true);
            startedAt = System.nanoTime();
            long deadline = startedAt + LONGEST_FLOOD.toNanos();
            // a hundredth of the second's guesses every 10 ms; unused ones don't pile up into a burst
            ticker.scheduleAtFixedRate(() -> {
                if (permits.availablePermits() < RATE / 10) {
                    permits.release(RATE / 100);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            for (int w = 0; w < WORKERS; w++) {
                workers.execute(() -> {
                    while (running.get() && System.nanoTime() < deadline) {
                        try {
                            if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                                continue;
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        long n = sent.incrementAndGet();
                        if (n > MOST_GUESSES) {
                            sent.decrementAndGet();
                            return;
                        }
                        try {
                            int status = http.propfind(path, name, "wrong-" + n);
                            answers.computeIfAbsent(status, s -> new LongAdder()).increment();
                            lastAnswerAt.accumulateAndGet(System.nanoTime(), Math::max);
                        } catch (IOException e) {
                            errors.increment();
                        }
                    }
                });
            }
        }

        void stop() throws IOException, InterruptedException {
            running.set(false);
            ticker.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(60, TimeUnit.SECONDS);
            http.close();
        }

        long sent() {
            return sent.get();
        }

        long errors() {
            return errors.sum();
        }

        /** From the first guess to the last answer. */
        Duration elapsed() {
            return Duration.ofNanos(Math.max(0, lastAnswerAt.get() - startedAt));
        }

        /** Whether guesses were still being answered at this moment (a System.nanoTime reading). */
        boolean answeringAt(long nanos) {
            return lastAnswerAt.get() >= nanos;
        }

        Map<Integer, Long> answers() {
            Map<Integer, Long> counted = new TreeMap<>();
            answers.forEach((status, count) -> counted.put(status, count.sum()));
            return counted;
        }
    }
}
