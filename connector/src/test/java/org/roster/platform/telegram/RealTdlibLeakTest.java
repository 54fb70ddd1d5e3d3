package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.platform.telegram.TelegramAccount.Status;

/**
 * A leak check, not a timing: sessions opened and closed one after the other on the real TDLib
 * leave no threads behind and do not make the process grow. A server opens an employee's session
 * at every link and at every start, for years.
 */
@Tag("real-tdlib")
class RealTdlibLeakTest {

    private static final Logger LOG = Logger.getLogger(RealTdlibLeakTest.class.getName());
    private static final int WARM_UP = 20;
    private static final int SESSIONS = 300;
    private static final int WINDOW = 100;
    private static final int BATCH = 20;
    /**
     * How much the resident memory outside the JVM's own heap and pools may grow over a window of
     * {@value #WINDOW} sessions: 32 MiB, that is 320 KiB a session. The C allocator keeps memory its
     * threads freed (glibc's per-thread arenas, more of them on a busy machine): each measurement
     * hands that back first ({@code malloc_trim}), and the first window lets what stays settle. Even
     * so the allocator may keep a burst once (a busy machine's thread timing decides where memory
     * lands), so the bound holds for the smaller of the two later windows: a leak grows with every
     * session, in every window alike, and a session that kept
     * its TDLib instance (its actors, its SQLite cache, its connections' buffers: megabytes each)
     * would take several times the bound. The JVM's heap and pools are left out because the JVM
     * sizes them as it likes.
     */
    private static final long NATIVE_GROWTH_KIB = 32 * 1024;

    @TempDir
    Path sessions;

    private final TdLib tdlib = RealTdlib.tdlib();
    private final InMemoryTelegramLedger ledger = new InMemoryTelegramLedger();

    @Test
    void threeHundredSessionsOpenedAndClosedLeaveNoThreadsAndNoGrowingMemory() throws Exception {
        openAndClose(0, WARM_UP);
        ProcessStatus before = ProcessStatus.now();

        List<ProcessStatus> windows = new ArrayList<>();
        for (int from = WARM_UP; from < WARM_UP + SESSIONS; from += WINDOW) {
            openAndClose(from, from + WINDOW);
            windows.add(settled(before));
        }

        LOG.info("before: " + before + "; after each " + WINDOW + " sessions: " + windows);
        long secondWindow = windows.get(1).outsideJvmKiB() - windows.get(0).outsideJvmKiB();
        long thirdWindow = windows.get(2).outsideJvmKiB() - windows.get(1).outsideJvmKiB();
        assertThat(Math.min(secondWindow, thirdWindow))
                .as("growth in KiB of the resident memory outside the JVM's heap and pools over each later window of "
                        + "%d sessions, the smaller of %d and %d (before: %s; after each window: %s)", WINDOW,
                        secondWindow, thirdWindow, before, windows)
                .isLessThan(NATIVE_GROWTH_KIB);
    }

    /** The process once TDLib's actors, which finish closing in their own threads, are gone. */
    private static ProcessStatus settled(ProcessStatus before) {
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    ProcessStatus now = ProcessStatus.now();
                    assertThat(now.threads().size())
                            .as("live threads after the sessions (%d before them); new: %s",
                                    before.threads().size(), now.newSince(before))
                            .isLessThanOrEqualTo(before.threads().size());
                });
        try {
            return ProcessStatus.now();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the sessions in batches of {@value #BATCH}, then closes each batch: a session stays open
     * for {@link TelegramAccount#SETTLE} at least, and a batch waits that out once.
     */
    private void openAndClose(int from, int to) throws TdException, IOException {
        for (int batch = from; batch < to; batch += BATCH) {
            Map<Path, TelegramAccount> open = new LinkedHashMap<>();
            for (int i = batch; i < Math.min(batch + BATCH, to); i++) {
                String viewerId = String.format("p%06d", i);
                Path directory = sessions.resolve(viewerId);
                TelegramAccount account = TelegramAccount.start(tdlib, viewerId, TelegramAccount.Parameters.of(
                        TelegramFixture.API_ID, TelegramFixture.API_HASH, directory, TelegramFixture.keyOf(viewerId)),
                        ledger);
                assertThat(account.status()).isEqualTo(Status.WAITING_FOR_PHONE_NUMBER);
                open.put(directory, account);
            }
            for (Map.Entry<Path, TelegramAccount> session : open.entrySet()) {
                session.getValue().close();
                assertThat(session.getValue().status()).isEqualTo(Status.CLOSED);
                deleteTree(session.getKey());
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * The process's live threads by name, as the kernel lists them (TDLib's native threads
     * included), and its resident memory. The JVM's own garbage collector and compiler workers are
     * left out: the JVM starts them on demand and keeps them, whatever the code under test does.
     */
    /** The C library's allocator, to hand freed memory back before it is measured. */
    private interface CLibrary extends Library {
        CLibrary C = Native.load("c", CLibrary.class);

        /** glibc's {@code malloc_trim}: returns the free memory of every arena to the system. */
        int malloc_trim(long pad);
    }

    private record ProcessStatus(List<String> threads, long rssKiB, long jvmCommittedKiB) {
        private static final Pattern JVM_WORKER =
                Pattern.compile("GC Thread#.*|G1 Conc#.*|G1 Refine#.*|C[12] Compiler.*");

        static ProcessStatus now() throws IOException {
            System.gc();
            // what the C allocator keeps of freed memory is not held by anyone: give it back first
            CLibrary.C.malloc_trim(0);
            List<String> names = new ArrayList<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        names.add(Files.readString(task.resolve("comm")).strip());
                    } catch (NoSuchFileException ended) {
                        // the thread ended while the list was read
                    }
                }
            }
            List<String> counted = names.stream().filter(name -> !JVM_WORKER.matcher(name).matches()).sorted().toList();
            long rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip()))
                    .orElseThrow(() -> new AssertionError("/proc/self/status has no VmRSS"));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long committed = memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
            return new ProcessStatus(counted, rss, committed / 1024);
        }

        /** Resident memory less what the JVM has committed for its heap and pools: native memory, TDLib's. */
        long outsideJvmKiB() {
            return rssKiB - jvmCommittedKiB;
        }

        /** The names of threads now that were not there before (as many times as they are new). */
        List<String> newSince(ProcessStatus before) {
            List<String> left = new ArrayList<>(threads);
            before.threads().forEach(left::remove);
            return left;
        }

        @Override
        public String toString() {
            return threads.size() + " threads, " + rssKiB / 1024 + " MiB resident of which "
                    + outsideJvmKiB() / 1024 + " MiB outside the JVM's heap and pools";
        }
    }
}
