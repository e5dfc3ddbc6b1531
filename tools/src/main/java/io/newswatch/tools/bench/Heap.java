package io.newswatch.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Heap readings for benchmarks. They cover the whole JVM: with the embedded broker, its heap is included. */
final class Heap {
    private Heap() {
    }

    /** Used heap in bytes after full collections: what is live now. Takes a few hundred ms. */
    static long live() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Starts a new peak measurement. */
    static void resetPeak() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /**
     * Sum of the heap pools' peaks since {@link #resetPeak}: an upper bound of the peak heap (the pools peak at
     * different moments). It follows the collector's sizing as much as the need: a larger {@code -Xmx} lets
     * garbage pile up longer before a collection.
     */
    static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The maximum heap in bytes ({@code -Xmx}). */
    static long max() {
        return Runtime.getRuntime().maxMemory();
    }
}
