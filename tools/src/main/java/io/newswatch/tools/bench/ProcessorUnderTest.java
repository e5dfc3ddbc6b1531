package io.newswatch.tools.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.topic.TopicCreator;
import io.newswatch.model.topic.TopicSpec;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ArticlePipeline;
import io.newswatch.processor.NewsTopology;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorService;
import io.newswatch.processor.ProcessorStreams;
import io.newswatch.processor.rules.WatchRule;
import io.newswatch.processor.story.AssignmentListener;
import io.newswatch.processor.story.StoryProcessor;
import io.newswatch.processor.story.StorySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The processor's real topology ({@link NewsTopology} with the given pipeline and the real {@link StoryProcessor}
 * stage, as the two applications of {@link ProcessorStreams}), set up the way {@link ProcessorService} sets it up: every topic created, the single-partition stories
 * topic beside them, the rules published to the rules topic, exactly_once_v2. Only the metrics registry is the
 * benchmark's own, so that it can count what the story stage has processed.
 *
 * <p>Every article the analyse stage reads comes out once on the stories topic; only matched ones reach the
 * matches topic. So the input is through when the stories topic holds all of it, the story stage has processed
 * all of it (its matched + unmatched counters), and the matches topic holds every match it emitted. Both topics
 * are read with read_committed by an {@link OutputWatcher}. Not thread-safe.
 */
final class ProcessorUnderTest implements Pipeline {
    private final Config config;
    private final ProcessorConfig settings;
    private final Topics topics;
    private final ArticlePipeline pipeline;
    private final int partitions;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private ProcessorStreams streams;
    private OutputWatcher watcher;

    /**
     * @param config     the topic prefix, processor settings and Kafka clients of this run; {@code topics.partitions}
     *                   applies to the article and match topics
     * @param pipeline   entity tagging and matching, with the rules already registered
     */
    ProcessorUnderTest(Config config, ArticlePipeline pipeline) {
        this.config = config;
        this.settings = ProcessorConfig.from(config);
        this.topics = TopicKeys.topics(config);
        this.pipeline = pipeline;
        this.partitions = config.get(TopicKeys.PARTITIONS);
    }

    Topics topics() {
        return topics;
    }

    String storiesTopic() {
        return settings.storiesTopic();
    }

    /** Creates the topics and publishes the rules, as the processor does at start-up. */
    void prepare(List<WatchRule> rules) {
        short replication = (short) (int) config.get(TopicKeys.REPLICATION);
        Properties admin = KafkaClients.common(config, "newswatch-bench-admin");
        TopicCreator.ensure(admin, topics.all(), partitions, replication, spec -> TopicKeys.retentionOf(config, topics, spec));
        TopicCreator.ensure(admin, List.of(new TopicSpec<>(settings.storiesTopic(), Serdes.String(), Serdes.ByteArray(), false)), 1,
                replication, spec -> Duration.ofDays(1));
        ProcessorService.publish(config, topics, rules);
    }

    /**
     * Starts the two Kafka Streams applications, as {@link ProcessorService} does, and the output watcher, and returns
     * once both are RUNNING (the global rules store restored, tasks assigned).
     *
     * @param analysis the analysis application's Kafka Streams settings, application id and state directory included
     * @param ordered  the ordered stage's
     */
    void start(Properties analysis, Properties ordered, Duration timeout) throws InterruptedException {
        StorySettings story = settings.storySettings();
        var stage = NewsTopology.StoryStage.of(story, AssignmentListener.NONE);
        streams = new ProcessorStreams(settings, topics, pipeline, stage, metrics, analysis, ordered);
        // A benchmark must not quietly carry on with fewer threads than it reports.
        streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.start();
        for (KafkaStreams app : streams.applications()) {
            StreamsLifecycle.awaitRunning(app, timeout);
        }
        List<TopicPartition> outputs = new ArrayList<>();
        outputs.add(new TopicPartition(settings.storiesTopic(), 0));
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
        return Math.max(watcher.lastArrivalNanos(settings.storiesTopic()), watcher.lastArrivalNanos(topics.matches().name()));
    }

    @Override
    public boolean drained(long inputs) {
        return watcher.count(settings.storiesTopic()) >= inputs && processed() >= inputs
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
