package org.roster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import com.sun.management.OperatingSystemMXBean;

/**
 * Times one phase of the benchmark, the peak heap the JVM used during it (the sum of the heap
 * pools' peaks after a collection at the start, so earlier phases' garbage does not count), and the
 * CPU time the benchmark's JVM and the directory server spent on it: on a machine of few cores the
 * CPU a sync takes from the directory server is what slows its read.
 */
final class Measure {

    /**
     * What a phase took.
     *
     * @param jvmCpuSeconds       CPU time of this JVM (every thread: the sync, the LDAP SDK's readers,
     *                            the collector)
     * @param directoryCpuSeconds CPU time of the directory server's process, -1 when none is watched
     */
    record Taken<T>(T result, double seconds, long peakHeapBytes, double jvmCpuSeconds, double directoryCpuSeconds) {
    }

    /** The directory server's process, whose CPU time each phase reports; none when null. */
    private static volatile ProcessHandle directoryServer;

    private Measure() {
    }

    /** Watches this process as the directory server from now on; null watches none. */
    static void directoryServer(ProcessHandle process) {
        directoryServer = process;
    }

    static <T> Taken<T> phase(Callable<T> work) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        ProcessHandle server = directoryServer;
        long serverCpuBefore = cpuNanos(server);
        long jvmCpuBefore = jvmCpuNanos();
        long start = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        double jvmCpu = (jvmCpuNanos() - jvmCpuBefore) / 1e9;
        double serverCpu = server == null || serverCpuBefore < 0 ? -1 : (cpuNanos(server) - serverCpuBefore) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Taken<>(result, seconds, peak, jvmCpu, serverCpu);
    }

    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process == null ? -1 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
