package io.newswatch.tools.bench;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/** Waiting for and checking the state of a Kafka Streams application under measurement. */
final class StreamsLifecycle {
    private StreamsLifecycle() {
    }

    /**
     * Waits until {@code streams} is RUNNING.
     *
     * @throws IllegalStateException when it fails or does not get there within {@code timeout}
     */
    static void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            checkRunning(streams, "the application");
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams not RUNNING after " + timeout.toSeconds() + " s (state " + streams.state() + ")");
            }
            Thread.sleep(20);
        }
    }

    /** @throws IllegalStateException when {@code streams} has failed or is shutting down */
    static void checkRunning(KafkaStreams streams, String what) {
        KafkaStreams.State s = streams.state();
        if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_ERROR || s == KafkaStreams.State.PENDING_SHUTDOWN
                || s == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException(what + " stopped (state " + s + "); see the log above for the cause");
        }
    }

    /** Stops the output watcher, then the Kafka Streams applications, and removes their local state; the watcher may be {@code null}. */
    static void close(OutputWatcher watcher, java.util.List<KafkaStreams> applications) {
        if (watcher != null) {
            watcher.close();
        }
        for (KafkaStreams streams : applications) {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
    }
}
