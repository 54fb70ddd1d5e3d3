package org.roster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Times one phase of the benchmark and the peak heap the JVM used during it (the sum of the heap
 * pools' peaks after a collection at the start, so earlier phases' garbage does not count).
 */
final class Measure {

    /** What a phase took. */
    record Taken<T>(T result, double seconds, long peakHeapBytes) {
    }

    private Measure() {
    }

    static <T> Taken<T> phase(Callable<T> work) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Taken<>(result, seconds, peak);
    }
}
