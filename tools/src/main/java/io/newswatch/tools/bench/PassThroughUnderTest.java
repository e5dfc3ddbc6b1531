package io.newswatch.tools.bench;

import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.app.TopicSetup;
import io.newswatch.model.topic.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The Kafka ceiling for the processor: a topology of the processor's shape that does no work. Records go from an
 * input topic of N partitions to a single-partition topic and from there to an output topic of N partitions, as
 * articles go through the stories topic to the matches topic, each hop a source and a sink of raw bytes under the
 * same Streams settings (exactly_once_v2). Whatever the processor does beyond this is the cost of its own work.
 * Not thread-safe.
 */
final class PassThroughUnderTest implements Pipeline {
    private final Config config;
    private final String in;
    private final String middle;
    private final String out;
    private final int partitions;
    private KafkaStreams streams;
    private OutputWatcher watcher;

    /** @param prefix names this run's topics: {@code prefix.in}, {@code prefix.middle}, {@code prefix.out} */
    PassThroughUnderTest(Config config, String prefix) {
        this.config = config;
        this.in = prefix + ".in";
        this.middle = prefix + ".middle";
        this.out = prefix + ".out";
        this.partitions = config.get(TopicKeys.PARTITIONS);
    }

    /** Creates the topics, starts Kafka Streams and the output watcher, and returns once RUNNING. */
    void start(Properties streamsProps, Duration timeout) throws InterruptedException {
        TopicSetup.create(config, List.of(spec(in, TopicSpec.CONFIGURED_PARTITIONS), spec(middle, 1), spec(out, TopicSpec.CONFIGURED_PARTITIONS)));

        Topology t = new Topology();
        t.addSource("in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), in);
        t.addSink("to-middle", middle, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "in");
        t.addSource("middle", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), middle);
        t.addSink("out", out, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "middle");
        streams = new KafkaStreams(t, streamsProps);
        streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.start();
        StreamsLifecycle.awaitRunning(streams, timeout);
        List<TopicPartition> outputs = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            outputs.add(new TopicPartition(out, p));
        }
        watcher = new OutputWatcher(KafkaClients.consumer(config, "newswatch-bench-watcher", null), outputs);
    }

    private static TopicSpec<String, byte[]> spec(String name, int partitions) {
        return new TopicSpec<>(name, Serdes.String(), Serdes.ByteArray(), TopicSpec.Cleanup.delete(Duration.ofDays(1)), partitions);
    }

    @Override
    public String inputTopic() {
        return in;
    }

    /** Records out of the second hop (nothing is counted inside, so processed means visible here). */
    @Override
    public long processed() {
        return watcher.count(out);
    }

    @Override
    public long lastOutputNanos() {
        return watcher.lastArrivalNanos(out);
    }

    @Override
    public boolean drained(long inputs) {
        return watcher.count(out) >= inputs;
    }

    @Override
    public void checkRunning() {
        StreamsLifecycle.checkRunning(streams, "the pass-through topology");
    }

    @Override
    public void close() {
        StreamsLifecycle.close(watcher, streams == null ? java.util.List.of() : java.util.List.of(streams));
    }
}
