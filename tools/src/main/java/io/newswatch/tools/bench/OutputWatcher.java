package io.newswatch.tools.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads output topics from the beginning on its own thread, as a downstream consumer would (the given
 * properties decide the isolation level; the benchmarks pass read_committed), and keeps per topic the number of
 * records seen, when the last one arrived, and each record's latency: receive time minus record timestamp.
 *
 * <p>Values are not deserialised: the count and the timestamps are all a benchmark needs, and decoding 5 KB of
 * JSON per record would take CPU from the pipeline being measured. Counts and latencies only grow; a caller
 * measures a phase by noting {@link #count} before it and reading {@link #latenciesFrom} after. Thread-safe.
 */
final class OutputWatcher implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Tally> tallies = new HashMap<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    /**
     * @param consumerProps consumer settings without group id (partitions are assigned, not subscribed)
     * @param partitions    every partition to read, from offset 0
     */
    OutputWatcher(Properties consumerProps, List<TopicPartition> partitions) {
        consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        for (TopicPartition p : partitions) {
            tallies.putIfAbsent(p.topic(), new Tally());
        }
        thread = new Thread(this::pollLoop, "bench-output-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void pollLoop() {
        try {
            while (!closing) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                // One clock read per batch: records of one fetch became visible together.
                long receivedMs = System.currentTimeMillis();
                long receivedNanos = System.nanoTime();
                synchronized (this) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        tallies.get(r.topic()).add(receivedMs - r.timestamp(), receivedNanos);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Records seen so far on {@code topic}. */
    synchronized long count(String topic) {
        check();
        return tally(topic).size;
    }

    /** {@link System#nanoTime()} when the last record of {@code topic} arrived, or 0 before the first. */
    synchronized long lastArrivalNanos(String topic) {
        return tally(topic).lastNanos;
    }

    /** Latencies in ms of the records of {@code topic} from the {@code from}-th (0-based) on, in arrival order. */
    synchronized long[] latenciesFrom(String topic, long from) {
        Tally t = tally(topic);
        return Arrays.copyOfRange(t.latencies, (int) Math.min(from, t.size), t.size);
    }

    private Tally tally(String topic) {
        Tally t = tallies.get(topic);
        if (t == null) {
            throw new IllegalArgumentException("not watching topic " + topic);
        }
        return t;
    }

    private void check() {
        RuntimeException e = failure;
        if (e != null) {
            throw new IllegalStateException("the output consumer failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one topic has delivered. */
    private static final class Tally {
        long[] latencies = new long[1024];
        int size;
        long lastNanos;

        void add(long latencyMs, long arrivalNanos) {
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = latencyMs;
            lastNanos = arrivalNanos;
        }
    }
}
