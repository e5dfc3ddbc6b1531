package io.newswatch.tools.bench;

/**
 * A running Kafka Streams application under measurement, seen from outside: where input goes, how much of it
 * has been processed, and whether everything produced so far has come out the other end.
 */
interface Pipeline extends AutoCloseable {
    /** The topic the benchmark produces to. */
    String inputTopic();

    /** Input records processed so far (their output may still sit in an open transaction). */
    long processed();

    /** True once the first {@code inputs} records are processed and all their output is visible to read_committed readers. */
    boolean drained(long inputs);

    /** {@link System#nanoTime()} when the last output record seen so far arrived at the benchmark's reader. */
    long lastOutputNanos();

    /** @throws IllegalStateException when the application has stopped or failed */
    void checkRunning();

    @Override
    void close();
}
