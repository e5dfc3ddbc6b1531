package io.newswatch.tools.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.app.TopicSetup;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorFactory;
import io.newswatch.processor.ProcessorService;
import io.newswatch.processor.ProcessorStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The processor's real topology, built by {@link ProcessorFactory} exactly as {@link ProcessorService} builds it (the
 * two applications of {@link ProcessorStreams}, exactly_once_v2), on topics created by {@link TopicSetup} as every
 * command creates them, with the rules published to the rules topic. Only the metrics registry is the benchmark's
 * own, so that it can count what the story stage has processed.
 *
 * <p>Every article the analyse stage reads comes out once on the stories topic; only matched ones reach the
 * matches topic. So the input is through when the stories topic holds all of it, the story stage has processed
 * all of it (its matched + unmatched counters), and the matches topic holds every match it emitted. Both topics
 * are read with read_committed by an {@link OutputWatcher}. Not thread-safe.
 */
final class ProcessorUnderTest implements Pipeline {
    private final Config config;
    private final ProcessorFactory processor;
    private final Topics topics;
    private final int partitions;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private ProcessorStreams streams;
    private OutputWatcher watcher;

    /**
     * @param config    the topic prefix, processor settings and Kafka clients of this run; {@code topics.partitions}
     *                  applies to the article and match topics
     * @param processor the processor under test, built from the same config
     */
    ProcessorUnderTest(Config config, ProcessorFactory processor) {
        this.config = config;
        this.processor = processor;
        this.topics = processor.topics();
        this.partitions = config.get(TopicKeys.PARTITIONS);
    }

    Topics topics() {
        return topics;
    }

    String storiesTopic() {
        return topics.stories().name();
    }

    /** Creates the topics and publishes the rules, as the commands and the processor do at start-up. */
    void prepare() {
        TopicSetup.createAll(config);
        processor.publishRules();
    }

    /**
     * Starts the two Kafka Streams applications, as {@link ProcessorService} does, and the output watcher, and returns
     * once both are RUNNING (the global rules store restored, tasks assigned).
     */
    void start(Duration timeout) throws InterruptedException {
        streams = processor.streams(metrics);
        // A benchmark must not quietly carry on with fewer threads than it reports.
        streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.start();
        for (KafkaStreams app : streams.applications()) {
            StreamsLifecycle.awaitRunning(app, timeout);
        }
        List<TopicPartition> outputs = new ArrayList<>();
        outputs.add(new TopicPartition(storiesTopic(), 0));
        for (int p = 0; p < partitions; p++) {
            outputs.add(new TopicPartition(topics.matches().name(), p));
        }
        watcher = new OutputWatcher(KafkaClients.consumer(config, "newswatch-bench-watcher", null), outputs);
    }

    OutputWatcher watcher() {
        return watcher;
    }

    @Override
    public String inputTopic() {
        return topics.articles().name();
    }

    /** Articles the story stage has finished with (matched or not). */
    @Override
    public long processed() {
        return count("newswatch.processor.matches") + count("newswatch.processor.unmatched");
    }

    @Override
    public long lastOutputNanos() {
        return Math.max(watcher.lastArrivalNanos(storiesTopic()), watcher.lastArrivalNanos(topics.matches().name()));
    }

    @Override
    public boolean drained(long inputs) {
        return watcher.count(storiesTopic()) >= inputs && processed() >= inputs
                && watcher.count(topics.matches().name()) >= count("newswatch.processor.matches");
    }

    /** Records sent to the dead-letter topic; a clean benchmark has none. */
    long deadLetters() {
        return count("newswatch.processor.dead.letters");
    }

    /** Rule failures on single articles (the other rules still matched). */
    long ruleErrors() {
        return count("newswatch.processor.rule.errors");
    }

    @Override
    public void checkRunning() {
        StreamsLifecycle.checkRunning(streams.applications().get(0), "the processor's analysis stage");
        StreamsLifecycle.checkRunning(streams.applications().get(1), "the processor's ordered stage");
    }

    private long count(String name) {
        return Math.round(metrics.find(name).counters().stream().mapToDouble(Counter::count).sum());
    }

    /** Stops the watcher and Kafka Streams and removes the local state. */
    @Override
    public void close() {
        StreamsLifecycle.close(watcher, streams == null ? List.of() : streams.applications());
        metrics.close();
    }
}
