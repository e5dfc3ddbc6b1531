package io.newswatch.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.WatchRuleRecord;
import io.newswatch.model.topic.TopicCreator;
import io.newswatch.model.topic.TopicSpec;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import io.newswatch.processor.rules.InvalidRuleException;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.RuleFileException;
import io.newswatch.processor.rules.RuleFiles;
import io.newswatch.processor.rules.RuleMatcher;
import io.newswatch.processor.rules.WatchRule;
import io.newswatch.processor.story.AssignmentListener;
import io.newswatch.processor.story.StorySettings;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor service: loads and validates the rules (refusing to start on an invalid one), publishes
 * them to the rules topic, and runs {@link NewsTopology} under exactly_once_v2 as two Streams applications
 * ({@link ProcessorStreams}).
 */
public final class ProcessorService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);

    private final ProcessorStreams streams;
    private final RuleMatcher matcher;
    private final List<KafkaStreamsMetrics> streamsMetrics;

    /**
     * @throws ConfigException when the rules or gazetteer cannot be loaded or a rule is invalid
     */
    public ProcessorService(Config config, MeterRegistry metrics) {
        ProcessorConfig settings = ProcessorConfig.from(config);
        Topics topics = TopicKeys.topics(config);
        List<WatchRule> rules = loadRules(settings);
        matcher = new LuceneRuleMatcher();
        try {
            matcher.register(rules);
        } catch (InvalidRuleException e) {
            throw new ConfigException("invalid watch rule: " + e.getMessage(), e);
        }
        Gazetteer gazetteer = loadGazetteer(settings);
        ArticlePipeline pipeline = new ArticlePipeline(matcher, new GazetteerTagger(gazetteer));
        StorySettings storySettings = settings.storySettings();

        Properties admin = KafkaClients.common(config, "newswatch-processor-admin");
        TopicCreator.ensure(admin, List.of(new TopicSpec<>(settings.storiesTopic(), Serdes.String(), Serdes.ByteArray(), false)), 1,
                (short) (int) config.get(TopicKeys.REPLICATION), spec -> Duration.ofDays(1));
        publish(config, topics, rules);

        var stage = NewsTopology.StoryStage.of(storySettings, AssignmentListener.NONE);
        streams = new ProcessorStreams(settings, topics, pipeline, stage, metrics, ProcessorStreams.analysisProperties(config, settings),
                ProcessorStreams.orderedProperties(config, settings));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("processor stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = streams.applications().stream().map(KafkaStreamsMetrics::new).toList();
        streamsMetrics.forEach(m -> m.bindTo(metrics));
        LOG.info("processor ready: {} rules, {} entities, story window {}", rules.size(), gazetteer.size(), settings.storyWindow());
    }

    /** Loads the configured rules, or the bundled pack, and checks every one compiles. */
    public static List<WatchRule> loadRules(ProcessorConfig settings) {
        try {
            List<WatchRule> rules = settings.rules() == null ? RuleFiles.loadDefault() : RuleFiles.load(settings.rules());
            RuleFiles.validate(rules);
            return rules;
        } catch (RuleFileException e) {
            throw new ConfigException("invalid watch rules (the processor does not start until they are fixed):\n" + e.getMessage(), e);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot load watch rules from "
                    + (settings.rules() == null ? "the bundled pack" : settings.rules()) + ": " + e.getMessage(), e);
        }
    }

    /** Loads the configured gazetteer, or the bundled one. */
    public static Gazetteer loadGazetteer(ProcessorConfig settings) {
        try {
            return settings.gazetteer() == null ? Gazetteer.loadDefault() : Gazetteer.load(settings.gazetteer());
        } catch (RuntimeException e) {
            throw new ConfigException("cannot load the gazetteer " + (settings.gazetteer() == null ? "(bundled)" : settings.gazetteer())
                    + ": " + e.getMessage(), e);
        }
    }

    /** Publishes the rules to the compacted rules topic, so every processor instance picks them up. */
    public static void publish(Config config, Topics topics, List<WatchRule> rules) {
        Properties p = KafkaClients.producer(config, "newswatch-rules-publisher");
        try (KafkaProducer<String, WatchRuleRecord> producer = new KafkaProducer<>(p, topics.rules().keySerde().serializer(),
                topics.rules().valueSerde().serializer())) {
            // send all, then wait: one round trip per batch, not per rule (thousands of rules publish in a second)
            List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>(rules.size());
            for (WatchRule r : rules) {
                acks.add(producer.send(new ProducerRecord<>(topics.rules().name(), r.id(), r.toRecord())));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish rules to " + topics.rules().name() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing rules", e);
        }
    }

    public ProcessorService start() {
        streams.start();
        return this;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
        matcher.close();
    }
}
