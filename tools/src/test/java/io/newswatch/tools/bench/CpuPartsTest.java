package io.newswatch.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which thread's CPU counts where in the benchmark's split; thread names as Kafka, Kafka Streams and the JVM give them. */
class CpuPartsTest {
    @Test
    void shouldGroupThreadsByTheirNames() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("bench-mwr3c284-processor-5f1b2d3e-0a1c-4d2b-acd3-9c1e0d4b2d1b-StreamThread-1", "analysis"),
                Map.entry("bench-mwr3c284-processor-ordered-7b2de-1d4f-4a1b-9dcc-3d2d1d0e5f6a-StreamThread-1", "ordered"),
                Map.entry("bench-mwr3c284-processor-5f1b2d3e-0a1c-4d2b-acd3-9c1e0d4b2d1b-GlobalStreamThread", "other threads"),
                Map.entry("kafka-producer-network-thread | bench-mwr3c284-processor-5f1b2d3e-StreamThread-2-producer", "stream producers"),
                Map.entry("kafka-producer-network-thread | newswatch-bench-producer", "benchmark"),
                Map.entry("bench-output-watcher", "benchmark"),
                Map.entry("main", "benchmark"),
                Map.entry("data-plane-kafka-request-handler-3", "broker"),
                Map.entry("data-plane-kafka-network-thread-1-PLAINTEXT-PLAINTEXT-0", "broker"),
                Map.entry("kafka-1-raft-io-thread", "broker"),
                Map.entry("TxnMarkerSenderThread-1", "broker"),
                Map.entry("group-coordinator-event-processor-0", "broker"),
                Map.entry("kafka-coordinator-heartbeat-thread | bench-mwr3c284-processor", "other threads"),
                Map.entry("kafka-admin-client-thread | newswatch-bench-admin", "other threads"));
        expected.forEach((name, group) -> assertThat(CpuParts.group(name)).as(name).isEqualTo(group));
    }

    @Test
    void shouldAccountForTheWholeProcess() throws Exception {
        CpuParts before = CpuParts.now();
        // Spin for 50 ms of this thread's CPU, not of wall time: on a busy machine 50 ms of wall time can hold
        // only a few ms of CPU, and the assertion below is about CPU.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long spin = threads.getCurrentThreadCpuTime() + 50_000_000L;
        double x = 0;
        while (threads.getCurrentThreadCpuTime() < spin) {
            for (int i = 0; i < 10_000; i++) {
                x += Math.sqrt(x + 1);
            }
        }
        CpuParts after = CpuParts.now();
        Map<String, Long> parts = before.until(after);
        long sum = parts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(x).isPositive();
        assertThat(parts).containsKeys("analysis", "ordered", "broker", "benchmark", "other threads");
        // The parts never add up to more than the process used (the rest is the JVM's or rounding), and this thread's
        // spin shows up under "benchmark" (its name is main in a benchmark run; here it is the test's thread).
        assertThat(sum).isLessThanOrEqualTo(before.processNanosUntil(after) + 5_000_000L);
        assertThat(parts.get("other threads") + parts.get("benchmark")).isGreaterThan(10_000_000L);
    }
}
