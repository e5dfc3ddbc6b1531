package io.newswatch.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.WatchRuleRecord;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import io.newswatch.processor.rules.InvalidRuleException;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.RuleFileException;
import io.newswatch.processor.rules.RuleFiles;
import io.newswatch.processor.rules.WatchRule;
import io.newswatch.processor.story.AssignmentListener;
import io.newswatch.processor.story.StoryAssigner;
import io.newswatch.processor.story.StoryConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The processor, built from {@link Config} in this one place: the watch rules (validated, registered in a
 * {@link LuceneRuleMatcher}), the gazetteer, the analysis pipeline, the story settings, and from them the two
 * Kafka Streams applications. {@link ProcessorService}, {@code scan}, the benchmarks, replay and the tests all
 * build the processor here, so they run exactly the same code with the same settings.
 *
 * <p>Building reads the rule and gazetteer files and fails with a {@link ConfigException} that names what to fix;
 * nothing touches Kafka until {@link #publishRules()} or {@link ProcessorStreams#start()}. Owns the matcher:
 * {@link #close()} releases it. The pipeline it hands out is shared by the stream threads (see
 * {@link ArticlePipeline}).
 */
public final class ProcessorFactory implements AutoCloseable {
    private final Config config;
    private final ProcessorConfig settings;
    private final Topics topics;
    private final List<WatchRule> rules;
    private final LuceneRuleMatcher matcher;
    private final Gazetteer gazetteer;
    private final ArticlePipeline pipeline;
    private final StoryConfig storyConfig;

    private ProcessorFactory(Config config, List<WatchRule> rules, Gazetteer gazetteer) {
        this.config = config;
        this.settings = ProcessorConfig.from(config);
        this.topics = TopicKeys.topics(config);
        this.rules = List.copyOf(rules);
        this.gazetteer = gazetteer;
        this.matcher = new LuceneRuleMatcher();
        try {
            matcher.register(this.rules);
        } catch (InvalidRuleException e) {
            matcher.close();
            throw new ConfigException("invalid watch rule: " + e.getMessage(), e);
        }
        this.pipeline = new ArticlePipeline(matcher, new GazetteerTagger(gazetteer));
        this.storyConfig = settings.storyConfig();
    }

    /**
     * The processor as configured: {@code processor.rules} (else the bundled pack) and {@code processor.gazetteer}
     * (else the bundled one).
     *
     * @throws ConfigException when the rules or the gazetteer cannot be loaded, or a rule is invalid
     */
    public static ProcessorFactory load(Config config) {
        ProcessorConfig settings = ProcessorConfig.from(config);
        return new ProcessorFactory(config, loadRules(settings), loadGazetteer(settings));
    }

    /**
     * The processor with the given rules and gazetteer instead of the configured ones (benchmarks, candidate rules);
     * everything else comes from {@code config}.
     *
     * @throws ConfigException when a rule is invalid
     */
    public static ProcessorFactory of(Config config, List<WatchRule> rules, Gazetteer gazetteer) {
        return new ProcessorFactory(config, rules, gazetteer);
    }

    /** Loads the configured rules, or the bundled pack, and checks every one compiles. */
    static List<WatchRule> loadRules(ProcessorConfig settings) {
        try {
            List<WatchRule> rules = settings.rules() == null ? RuleFiles.loadDefault() : RuleFiles.load(settings.rules());
            RuleFiles.validate(rules);
            return rules;
        } catch (RuleFileException e) {
            throw new ConfigException("invalid watch rules (the processor does not start until they are fixed):\n" + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot load watch rules from "
                    + (settings.rules() == null ? "the bundled pack" : settings.rules()) + ": " + e.getMessage(), e);
        }
    }

    private static Gazetteer loadGazetteer(ProcessorConfig settings) {
        try {
            return settings.gazetteer() == null ? Gazetteer.loadDefault() : Gazetteer.load(settings.gazetteer());
        } catch (RuntimeException e) {
            throw new ConfigException("cannot load the gazetteer " + (settings.gazetteer() == null ? "(bundled)" : settings.gazetteer())
                    + ": " + e.getMessage(), e);
        }
    }

    public ProcessorConfig settings() {
        return settings;
    }

    public Topics topics() {
        return topics;
    }

    /** The rules, in load order. */
    public List<WatchRule> rules() {
        return rules;
    }

    /** Entities the gazetteer knows. */
    public int entityCount() {
        return gazetteer.size();
    }

    /** Entity tagging and rule matching, exactly as the analysis stage runs them. */
    public ArticlePipeline pipeline() {
        return pipeline;
    }

    /** How stories and duplicates are decided ({@code processor.storyWindow} and the {@code processor.story.*} keys). */
    public StoryConfig storyConfig() {
        return storyConfig;
    }

    /** A fresh story assigner on in-memory state, deciding as the ordered stage does (for {@code scan}). */
    public StoryAssigner inMemoryStories() {
        return StoryAssigner.inMemory(storyConfig);
    }

    /**
     * The two Kafka Streams applications with this processor's topology and settings (exactly_once_v2,
     * {@code processor.threads}, state under {@code processor.stateDir}); not started.
     */
    public ProcessorStreams streams(MeterRegistry metrics) {
        var stage = NewsTopology.StoryStage.of(storyConfig, AssignmentListener.NONE, settings.reorderGrace());
        return new ProcessorStreams(topics, pipeline, stage, metrics,
                KafkaClients.streams(config, settings.applicationId(), settings.stateDir(), settings.threads()),
                KafkaClients.streams(config, settings.orderedApplicationId(), settings.stateDir(), 1));
    }

    /**
     * Publishes the rules to the compacted rules topic, so that every processor instance picks them up.
     *
     * @throws IllegalStateException when the cluster refuses them
     */
    public void publishRules() {
        publish(config, topics, rules);
    }

    /** Publishes {@code rules} to the rules topic of {@code config} ({@code newswatch rules publish} and the service). */
    public static void publish(Config config, Topics topics, List<WatchRule> rules) {
        try (KafkaProducer<String, WatchRuleRecord> producer = new KafkaProducer<>(KafkaClients.producer(config, "newswatch-rules-publisher"),
                topics.rules().keySerde().serializer(), topics.rules().valueSerde().serializer())) {
            // send all, then wait: one round trip per batch, not per rule (thousands of rules publish in a second)
            List<Future<?>> acks = new ArrayList<>(rules.size());
            for (WatchRule r : rules) {
                acks.add(producer.send(new ProducerRecord<>(topics.rules().name(), r.id(), r.toRecord())));
            }
            producer.flush();
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish rules to " + topics.rules().name() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing rules", e);
        }
    }

    @Override
    public void close() {
        matcher.close();
    }
}
