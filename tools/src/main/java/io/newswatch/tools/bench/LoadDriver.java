package io.newswatch.tools.bench;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces benchmark input, each record stamped with the wall-clock time of its send: that timestamp is where
 * the record's latency starts, and the topologies under test carry it to their outputs unchanged. Values are
 * serialised beforehand, so the producer's own cost is just batching and the network. Not thread-safe; one
 * driver per benchmark thread.
 */
final class LoadDriver implements AutoCloseable {
    /** One input record, already serialised. */
    record Payload(String key, byte[] value) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private long sent;
    private BiConsumer<String, Long> onSend = (key, millis) -> { };

    /** @param producerProps producer settings; keys and values are written as UTF-8 strings and raw bytes */
    LoadDriver(Properties producerProps) {
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
    }

    /** Tells {@code listener} each record's key and timestamp (its send time, ms) as it is sent. */
    void onSend(BiConsumer<String, Long> listener) {
        onSend = listener;
    }

    /** Records handed to the producer since this driver was made. */
    long sent() {
        return sent;
    }

    /**
     * Sends every payload as fast as the producer accepts them, then flushes.
     *
     * @return {@link System#nanoTime()} just before the first send: the start of the burst
     */
    long burst(String topic, List<Payload> payloads) {
        long start = System.nanoTime();
        for (Payload p : payloads) {
            send(topic, p);
        }
        flush();
        return start;
    }

    /**
     * Sends the payloads at {@code perSecond}, one every {@code 1/perSecond} s; after a late send the
     * schedule restarts from it rather than catching up in a burst.
     */
    void paced(String topic, List<Payload> payloads, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be > 0, was " + perSecond);
        }
        long interval = Math.max(1, (long) (1e9 / perSecond));
        long next = System.nanoTime();
        for (Payload p : payloads) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(topic, p);
            next = Math.max(next, System.nanoTime()) + interval;
        }
        flush();
    }

    /**
     * Sends the payloads on a fixed schedule of {@code perSecond}: the i-th at {@code start + i/perSecond}, catching
     * up after a late send, so that the offered rate is the nominal one even when the thread oversleeps.
     */
    void scheduled(String topic, List<Payload> payloads, double perSecond) {
        scheduled(topic, payloads.size(), perSecond, payloads::get);
    }

    /**
     * As {@link #scheduled(String, List, double)}, but each payload is made at its send time by {@code payload}
     * (given its index), for input that carries the time it was produced, as ingest stamps {@code fetchedAt}.
     */
    void scheduled(String topic, int n, double perSecond, IntFunction<Payload> payload) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be > 0, was " + perSecond);
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(topic, payload.apply(i));
        }
        flush();
    }

    private void send(String topic, Payload p) {
        long now = System.currentTimeMillis();
        onSend.accept(p.key(), now);
        producer.send(new ProducerRecord<>(topic, null, now, p.key(), p.value()), (md, e) -> {
            if (e != null) {
                sendFailure.compareAndSet(null, e);
            }
        });
        sent++;
    }

    private void flush() {
        producer.flush();
        Exception e = sendFailure.get();
        if (e != null) {
            throw new IllegalStateException("benchmark input could not be produced: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
