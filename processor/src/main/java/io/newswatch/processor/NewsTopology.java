package io.newswatch.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.model.Article;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.Match;
import io.newswatch.model.SourcePosition;
import io.newswatch.model.topic.DeadLetters;
import io.newswatch.processor.story.AnalysedArticle;
import io.newswatch.processor.story.AssignedMatch;
import io.newswatch.processor.story.AssignmentListener;
import io.newswatch.processor.story.StoryFeatures;
import io.newswatch.processor.story.StoryInput;
import io.newswatch.processor.story.StoryInputSerde;
import io.newswatch.processor.story.StoryProcessor;
import io.newswatch.processor.story.StoryConfig;
import io.newswatch.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds the processor's topology; see the package documentation for the diagram, the stores and the
 * error routing. A pure function of its arguments: no I/O, no clock reads, no {@code KafkaStreams}. Internal:
 * {@link ProcessorFactory} builds the running applications from it.
 */
final class NewsTopology {
    private static final Logger LOG = LoggerFactory.getLogger(NewsTopology.class);

    /** The global store holding the rule set read from the rules topic. */
    static final String RULES_STORE = "rules";

    /**
     * The dedup and story stage: a processor from {@link StoryInput} to {@link AssignedMatch}, the stores it uses, and the
     * settings with which the analyse stage computes each article's {@link StoryFeatures}.
     */
    record StoryStage(ProcessorSupplier<String, StoryInput, String, AssignedMatch> processor, List<StoreBuilder<?>> stores,
                             StoryConfig settings, Duration reorderGrace) {
        public StoryStage {
            stores = List.copyOf(stores);
            Objects.requireNonNull(processor, "processor");
            Objects.requireNonNull(settings, "settings");
            if (reorderGrace == null || reorderGrace.isNegative()) {
                throw new IllegalArgumentException("reorderGrace must be a non-negative duration, was " + reorderGrace);
            }
        }

        /** The standard stage without reordering (articles in arrival order): a {@link StoryProcessor} and its stores. */
        static StoryStage of(StoryConfig settings, AssignmentListener listener) {
            return of(settings, listener, Duration.ZERO);
        }

        /** The standard stage behind a {@link StoryOrder} buffer with this grace (zero: none). */
        static StoryStage of(StoryConfig settings, AssignmentListener listener, Duration reorderGrace) {
            return new StoryStage(() -> new StoryProcessor(settings, listener), List.of(StoryProcessor.storeBuilders(settings)), settings,
                    reorderGrace);
        }
    }

    private NewsTopology() {
    }

    /**
     * Both stages in one topology, as {@link org.apache.kafka.streams.TopologyTestDriver} tests run them. The service
     * runs them as two applications instead ({@link #analysis}, {@link #ordered}; see {@link ProcessorStreams}).
     *
     * @param topics   the topics
     * @param pipeline entity tagging and rule matching
     * @param stories  the dedup and story stage
     * @param metrics  where counters go
     */
    static Topology build(Topics topics, ArticlePipeline pipeline, StoryStage stories, MeterRegistry metrics) {
        Topology t = new Topology();
        addAnalysis(t, topics, pipeline, stories, metrics);
        addOrdered(t, topics, stories, metrics);
        addDeadLetters(t, topics, "analyze", "decode");
        addRules(t, topics, pipeline, metrics);
        return t;
    }

    /**
     * Stage 1, parallel per article partition: read, analyse, hand every article to the ordered stage through the
     * stories topic. Also holds the rules' global table.
     */
    static Topology analysis(Topics topics, ArticlePipeline pipeline, StoryStage stories, MeterRegistry metrics) {
        Topology t = new Topology();
        addAnalysis(t, topics, pipeline, stories, metrics);
        addDeadLetters(t, topics, "analyze");
        addRules(t, topics, pipeline, metrics);
        return t;
    }

    /** Stage 2, one partition so that dedup and story ids are a deterministic function of the input order. */
    static Topology ordered(Topics topics, StoryStage stories, MeterRegistry metrics) {
        Topology t = new Topology();
        addOrdered(t, topics, stories, metrics);
        addDeadLetters(t, topics, "decode");
        return t;
    }

    private static void addAnalysis(Topology t, Topics topics, ArticlePipeline pipeline, StoryStage stories,
                                    MeterRegistry metrics) {
        t.addSource("articles", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.articles().name());
        int terms = stories.settings().termsPerArticle();
        t.addProcessor("analyze", () -> new Analyze(topics, pipeline, terms, metrics), "articles");
        t.addSink("to-stories", topics.stories().name(), Serdes.String().serializer(), new StoryInputSerde().serializer(), "analyze");
    }

    private static void addOrdered(Topology t, Topics topics, StoryStage stories, MeterRegistry metrics) {
        t.addSource("stories-in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.stories().name());
        t.addProcessor("decode", () -> new Decode<>(new StoryInputSerde(), "order", topics, metrics), "stories-in");
        t.addProcessor("order", () -> new StoryOrder(stories.reorderGrace(), metrics), "decode");
        t.addStateStore(StoryOrder.storeBuilder(), "order");
        t.addProcessor("stories", stories.processor(), "order");
        for (StoreBuilder<?> store : stories.stores()) {
            t.addStateStore(store, "stories");
        }
        t.addProcessor("emit", () -> new Emit(metrics), "stories");
        t.addSink("matches", topics.matches().name(), Serdes.String().serializer(), AssignedMatch.serializer(), "emit");
    }

    /** The dead-letter sink, fed by the named processors (each forwards there by the sink's name, "dlq"). */
    private static void addDeadLetters(Topology t, Topics topics, String... parents) {
        t.addSink("dlq", topics.dlq().name(), Serdes.String().serializer(), topics.dlq().valueSerde().serializer(), parents);
    }

    /** Rules: a global table fed by the compacted rules topic; each update re-registers the rule. */
    private static void addRules(Topology t, Topics topics, ArticlePipeline pipeline, MeterRegistry metrics) {
        t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                "rules-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.rules().name(),
                "rules-apply", () -> new RuleUpdater(topics, pipeline.matcher(), metrics));
    }

    /** Reads an article, analyses it and forwards it as a (possibly rule-less) match; bad records go to the DLQ. */
    private static final class Analyze extends ContextualProcessor<String, byte[], String, Object> {
        private final Topics topics;
        private final ArticlePipeline pipeline;
        private final int termsPerArticle;
        private final MeterRegistry metrics;
        private final Counter articles;

        Analyze(Topics topics, ArticlePipeline pipeline, int termsPerArticle, MeterRegistry metrics) {
            this.topics = topics;
            this.pipeline = pipeline;
            this.termsPerArticle = termsPerArticle;
            this.metrics = metrics;
            this.articles = metrics.counter("newswatch.processor.articles");
        }

        @Override
        public void process(Record<String, byte[]> record) {
            RecordMetadata md = context().recordMetadata().orElseThrow();
            Article article;
            try {
                article = topics.articles().valueSerde().deserializer().deserialize(md.topic(), record.value());
                if (article == null) {
                    throw new IllegalArgumentException("article record has no value (tombstones are not articles)");
                }
                var analysis = pipeline.analyze(article);
                // one series per rule: bounded by the rule set
                analysis.outcome().hits().forEach(h -> metrics.counter("newswatch.processor.rule.matches", "rule", h.id()).increment());
                analysis.outcome().errors().forEach((rule, why) -> {
                    metrics.counter("newswatch.processor.rule.errors", "rule", rule).increment();
                    try (MDC.MDCCloseable r = MDC.putCloseable("rule", rule); MDC.MDCCloseable a = MDC.putCloseable("articleId", article.id())) {
                        LOG.warn("rule {} failed on article {} ({}): {}", rule, article.id(), article.url(), why);
                    }
                });
                AnalysedArticle analysed = new AnalysedArticle(Match.SCHEMA_VERSION, article, analysis.outcome().hits(), analysis.entities(),
                        new SourcePosition(md.topic(), md.partition(), md.offset()), Instant.ofEpochMilli(record.timestamp()));
                // Story features need no state: computed here, in parallel, the ordered stage only looks them up.
                StoryInput input = new StoryInput(analysed, StoryFeatures.of(article, termsPerArticle));
                articles.increment();
                context().forward(new Record<>(article.id(), input, record.timestamp(), record.headers()), "to-stories");
            } catch (RuntimeException | StackOverflowError e) {
                // a stack overflow in the analysis of one hostile article has unwound by now: dead-letter it and go on
                deadLetter(context(), topics, md, record, e, metrics);
                if (record.headers().lastHeader(ReplaySequence.HEADER) != null) {
                    // a replay's story stage waits for every number: this one goes on empty
                    context().forward(new Record<>(record.key(), null, record.timestamp(), record.headers()), "to-stories");
                }
            }
        }
    }

    /** Reads the ordered stage's input; a record that cannot be read goes to the DLQ. */
    private static final class Decode<V> extends ContextualProcessor<String, byte[], String, Object> {
        private final Serde<V> serde;
        private final String next;
        private final Topics topics;
        private final MeterRegistry metrics;

        Decode(Serde<V> serde, String next, Topics topics, MeterRegistry metrics) {
            this.serde = serde;
            this.next = next;
            this.topics = topics;
            this.metrics = metrics;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            RecordMetadata md = context().recordMetadata().orElseThrow();
            boolean sequenced = record.headers().lastHeader(ReplaySequence.HEADER) != null;
            if (sequenced && record.value() == null) {
                // an article the replay's analysis dead-lettered: its number goes on, empty
                context().forward(new Record<>(record.key(), null, record.timestamp(), record.headers()), next);
                return;
            }
            try {
                V value = serde.deserializer().deserialize(md.topic(), record.value());
                if (value == null) {
                    throw new IllegalArgumentException("record has no value");
                }
                context().forward(new Record<>(record.key(), value, record.timestamp(), record.headers()), next);
            } catch (RuntimeException e) {
                deadLetter(context(), topics, md, record, e, metrics);
                if (sequenced) {
                    context().forward(new Record<>(record.key(), null, record.timestamp(), record.headers()), next);
                }
            }
        }
    }

    /** Keeps matched articles only, keyed by story, and counts the rest. */
    private static final class Emit extends ContextualProcessor<String, AssignedMatch, String, AssignedMatch> {
        private final Counter nearDuplicates;
        private final Counter unmatched;
        private final Counter matches;
        private final Counter storiesOpened;

        Emit(MeterRegistry metrics) {
            this.nearDuplicates = metrics.counter("newswatch.processor.near.duplicates");
            this.storiesOpened = metrics.counter("newswatch.processor.stories.opened");
            this.unmatched = metrics.counter("newswatch.processor.unmatched");
            this.matches = metrics.counter("newswatch.processor.matches");
        }

        @Override
        public void process(Record<String, AssignedMatch> record) {
            AssignedMatch m = record.value();
            if (m.duplicateOf() != null) {
                nearDuplicates.increment();
            } else if (m.storyId().equals(m.articleId())) {
                storiesOpened.increment(); // a new story takes the id of the article that opens it
            }
            if (!m.matched()) {
                unmatched.increment();
                return;
            }
            matches.increment();
            context().forward(record.withKey(m.storyId()));
        }
    }

    static void deadLetter(org.apache.kafka.streams.processor.api.ProcessorContext<String, Object> context, Topics topics, RecordMetadata md,
                           Record<String, byte[]> record, Throwable e, MeterRegistry metrics) {
        LOG.warn("dead-lettering {}-{}@{} (key {}): {}", md.topic(), md.partition(), md.offset(), record.key(),
                e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        metrics.counter("newswatch.processor.dead.letters", "topic", md.topic()).increment();
        DeadLetter dl = DeadLetters.of("processor", md.topic(), md.partition(), md.offset(), record.key(), record.value(), e,
                Instant.ofEpochMilli(record.timestamp()));
        context.forward(new Record<>(record.key(), dl, record.timestamp()), "dlq");
    }
}
