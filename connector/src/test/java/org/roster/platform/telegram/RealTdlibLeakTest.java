package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.platform.telegram.TelegramAccount.Status;

/**
 * A leak check, not a timing: sessions opened and closed one after the other on the real TDLib
 * leave no threads behind and do not make the process grow. A server opens an employee's session
 * at every link and at every start, for years.
 */
class RealTdlibLeakTest {

    private static final Logger LOG = Logger.getLogger(RealTdlibLeakTest.class.getName());
    private static final int WARM_UP = 20;
    private static final int SESSIONS = 200;
    /**
     * How much the resident memory may grow over the 200 sessions: 48 MiB. A session that kept its
     * TDLib instance (its actors, its SQLite cache, its connections' buffers: several MiB each)
     * would take well over 200 MiB; what is allowed covers the Java heap and the C allocator
     * keeping freed pages, which is no leak.
     */
    private static final long RSS_GROWTH_KIB = 48 * 1024;

    @TempDir
    Path sessions;

    private final TdLib tdlib = RealTdlib.tdlib();
    private final InMemoryTelegramLedger ledger = new InMemoryTelegramLedger();

    @Test
    void twoHundredSessionsOpenedAndClosedLeaveNoThreadsAndNoGrowingMemory() throws Exception {
        openAndClose(0, WARM_UP);
        ProcessStatus before = ProcessStatus.now();

        openAndClose(WARM_UP, WARM_UP + SESSIONS);

        // TDLib's actors finish closing in its own threads, and the JVM retires idle compiler threads
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(ProcessStatus.now().threads())
                        .as("live threads after %d sessions (%d before them)", SESSIONS, before.threads())
                        .isLessThanOrEqualTo(before.threads()));
        ProcessStatus after = ProcessStatus.now();
        LOG.info("before: " + before + "; after " + SESSIONS + " sessions: " + after);
        assertThat(after.rssKiB() - before.rssKiB())
                .as("resident memory growth in KiB over %d sessions (%s, then %s)", SESSIONS, before, after)
                .isLessThan(RSS_GROWTH_KIB);
    }

    private void openAndClose(int from, int to) throws TdException, IOException {
        for (int i = from; i < to; i++) {
            String viewerId = String.format("p%06d", i);
            Path directory = sessions.resolve(viewerId);
            TelegramAccount account = TelegramAccount.start(tdlib, viewerId, TelegramAccount.Parameters.of(
                    TelegramFixture.API_ID, TelegramFixture.API_HASH, directory, TelegramFixture.keyOf(viewerId)),
                    ledger);
            assertThat(account.status()).isEqualTo(Status.WAITING_FOR_PHONE_NUMBER);
            account.close();
            assertThat(account.status()).isEqualTo(Status.CLOSED);
            deleteTree(directory);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The process's thread count and resident memory, as the kernel counts them (native threads included). */
    private record ProcessStatus(int threads, long rssKiB) {
        static ProcessStatus now() throws IOException {
            System.gc();
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            return new ProcessStatus((int) field(lines, "Threads:"), field(lines, "VmRSS:"));
        }

        private static long field(List<String> lines, String name) {
            return lines.stream().filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> Long.parseLong(line.substring(name.length()).replace("kB", "").strip()))
                    .orElseThrow(() -> new AssertionError("/proc/self/status has no " + name));
        }

        @Override
        public String toString() {
            return threads + " threads, " + rssKiB / 1024 + " MiB resident";
        }
    }
}
