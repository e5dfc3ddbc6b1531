package io.newswatch.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where a benchmark's CPU time goes: the process's CPU time split by thread group (the analysis and ordered
 * stream threads, their producers, the embedded broker, the benchmark's own driver and reader), the rest of the
 * Java threads, and what no Java thread accounts for (garbage collection, the JIT compilers and other JVM
 * threads). Thread CPU times come from {@link ThreadMXBean}; a thread that ends between two readings loses its
 * time to the JVM share.
 */
final class CpuParts {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * Fetched once, here: the first {@code getOperatingSystemMXBean()} call loads the platform MBeans, milliseconds of
     * CPU that, inside a reading, would fall between its thread times and its process time.
     */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Groups in print order; a thread falls in the first whose test its name passes. */
    private static final Map<String, java.util.function.Predicate<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("analysis", n -> n.contains("-processor-") && !n.contains("-processor-ordered-") && n.contains("-StreamThread-")
                && !n.startsWith("kafka-"));
        GROUPS.put("ordered", n -> n.contains("-processor-ordered-") && n.contains("-StreamThread-") && !n.startsWith("kafka-"));
        GROUPS.put("stream producers", n -> n.startsWith("kafka-producer-network-thread") && n.contains("StreamThread"));
        GROUPS.put("broker", n -> n.startsWith("data-plane-") || n.startsWith("kafka-") && !n.startsWith("kafka-producer-network-thread")
                && !n.startsWith("kafka-coordinator-heartbeat-thread") && !n.startsWith("kafka-admin-client-thread")
                || n.startsWith("group-coordinator") || n.startsWith("TxnMarkerSender") || n.startsWith("AddPartitionsToTxn")
                || n.startsWith("transaction-") || n.startsWith("ExpirationReaper") || n.startsWith("LogDirFailureHandler")
                || n.startsWith("share-") || n.startsWith("controller-") || n.startsWith("broker-") || n.startsWith("quorum-"));
        GROUPS.put("benchmark", n -> n.startsWith("bench-output-watcher") || n.contains("newswatch-bench-producer") || n.equals("main"));
    }

    private final long process;
    private final Map<Long, Long> byThread;
    /** CPU time of the JVM's own threads by kind (GC, JIT, other), when the JVM lets us read it; else empty. */
    private final Map<String, Long> internal;

    private CpuParts(long process, Map<Long, Long> byThread, Map<String, Long> internal) {
        this.process = process;
        this.byThread = byThread;
        this.internal = internal;
    }

    /** A reading of the process and of every live thread. */
    static CpuParts now() {
        Map<Long, Long> byThread = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                byThread.put(id, cpu);
            }
        }
        return new CpuParts(processCpuNanos(), byThread, internalThreads());
    }

    /**
     * The CPU time of the JVM's internal threads (GC workers and markers, JIT compilers, VM threads), summed by
     * kind. HotSpot offers it only through {@code sun.management}, which the application jar's manifest exports
     * ({@code Add-Exports}); elsewhere (another JVM, or run from classes) the map is empty and the breakdown shows
     * the JVM as one share.
     */
    private static Map<String, Long> internalThreads() {
        try {
            Class<?> helper = Class.forName("sun.management.ManagementFactoryHelper");
            Object bean = helper.getMethod("getHotspotThreadMBean").invoke(null);
            @SuppressWarnings("unchecked")
            Map<String, Long> times = (Map<String, Long>) Class.forName("sun.management.HotspotThreadMBean")
                    .getMethod("getInternalThreadCpuTimes").invoke(bean);
            Map<String, Long> byKind = new LinkedHashMap<>();
            byKind.put("GC", 0L);
            byKind.put("JIT", 0L);
            byKind.put("VM", 0L);
            times.forEach((name, nanos) -> byKind.merge(name.contains("CompilerThread") ? "JIT"
                    : name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : "VM", Math.max(0, nanos), Long::sum));
            return byKind;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Map.of();
        }
    }

    /** CPU nanoseconds per group between {@code this} and a later reading; "other threads" and "JVM" close the sum. */
    Map<String, Long> until(CpuParts later) {
        Map<String, Long> out = new LinkedHashMap<>();
        GROUPS.keySet().forEach(g -> out.put(g, 0L));
        out.put("other threads", 0L);
        long threads = 0;
        for (Map.Entry<Long, Long> e : later.byThread.entrySet()) {
            long spent = e.getValue() - byThread.getOrDefault(e.getKey(), 0L);
            ThreadInfo info = THREADS.getThreadInfo(e.getKey());
            String name = info == null ? "" : info.getThreadName();
            String group = group(name);
            out.merge(group, spent, Long::sum);
            threads += spent;
        }
        long jvm = Math.max(0, later.process - process - threads);
        if (internal.isEmpty() || later.internal.isEmpty()) {
            out.put("JVM (GC, JIT)", jvm);
            return out;
        }
        long named = 0;
        for (Map.Entry<String, Long> e : later.internal.entrySet()) {
            long spent = Math.max(0, e.getValue() - internal.getOrDefault(e.getKey(), 0L));
            out.put(e.getKey(), spent);
            named += spent;
        }
        // Process time no thread reading accounts for (threads that ended, rounding): with the VM's own share.
        out.merge("VM", Math.max(0, jvm - named), Long::sum);
        return out;
    }

    /** The group a thread of this name counts in: one of the {@link #GROUPS}, or "other threads". */
    static String group(String threadName) {
        return GROUPS.entrySet().stream().filter(g -> g.getValue().test(threadName)).map(Map.Entry::getKey).findFirst()
                .orElse("other threads");
    }

    /** Total process CPU nanoseconds between the two readings. */
    long processNanosUntil(CpuParts later) {
        return later.process - process;
    }

    /** "analysis 1.21, ordered 0.20, ..." in ms per unit of work. */
    static String perUnit(Map<String, Long> parts, long units) {
        StringJoiner joiner = new StringJoiner(", ");
        parts.forEach((group, nanos) -> joiner.add(String.format(Locale.ROOT, "%s %.2f", group, nanos / 1e6 / units)));
        return joiner.toString();
    }

    /** CPU nanoseconds the JIT compiler threads have used so far, or -1 when the JVM does not tell. */
    static long jitNanos() {
        Long jit = internalThreads().get("JIT");
        return jit == null ? -1 : jit;
    }

    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }
}
