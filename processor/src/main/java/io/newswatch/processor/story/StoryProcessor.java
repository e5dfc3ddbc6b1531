package io.newswatch.processor.story;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stories stage of the topology: reads {@link StoryInput} records (the article's match with rule hits and
 * entities filled, and its {@link StoryFeatures}; key: article id), assigns each article with a
 * {@link StoryAssigner} over Kafka Streams state, drops exact duplicates, and forwards the rest as
 * {@link AssignedMatch}es (the match with {@code storyId} and {@code duplicateOf} set), keyed by story id and with
 * the input timestamp. Articles no rule matched are forwarded too: they are counted downstream, not published.
 *
 * <p>Wiring, with the store this class declares:
 * <pre>{@code
 * topology.addProcessor("stories", () -> new StoryProcessor(settings, listener), parent);
 * for (StoreBuilder<?> b : StoryProcessor.storeBuilders(settings)) {
 *     topology.addStateStore(b, "stories");
 * }
 * }</pre>
 *
 * <p>The event time of an article is its record's timestamp. Story ids are deterministic only if every article
 * passes through one task in a fixed order, so this stage must read a single-partition topic (or a repartition to
 * one partition); replaying that topic reproduces every decision.
 *
 * <h2>State and its bound</h2>
 * The state of record is one changelogged window store, {@link #ARTICLES_STORE}: one {@link StoredArticle} per
 * article (fingerprint, MinHash signature, entity and term weights; about 2 KB), kept for
 * {@code settings.retention()} = window + grace (84 h by default) behind the stream time. The posting lists that
 * find candidates are derived from it and live on the heap: rebuilt from the store before the task's first record
 * (Kafka Streams restores the store and then calls {@link #init}), extended as articles arrive, swept as they
 * leave the retention. Each article adds at most {@code 2 + 32 + entities + termsPerArticle} entries (about 100)
 * and no list holds more than {@code postingCap}. A key with one entry costs 16-24 bytes (an int in an
 * open-addressing map; the entry itself is shared by all the article's keys), an entry in a longer list 12: at
 * most about 2.4 KB per article in the retention, when all its keys are its own, and about 1 KB measured on the
 * benchmark's synthetic articles (108,000 articles filed under 3.1 million keys: ~107 MB), so 100-240 MB for
 * 100,000 articles, the volume of about 1,000 busy feeds over 84 h. Restarting a task re-reads the store once.
 *
 * <p>Run with {@code processing.guarantee=exactly_once_v2} for exact replays; under at-least-once, a record
 * reprocessed after a crash is recognised as itself (same id, time and text) and gets its first assignment again
 * rather than being dropped as its own duplicate.
 *
 * <p>A record with a null value is logged and skipped. Not thread-safe; Kafka Streams makes one instance per task.
 */
public final class StoryProcessor implements Processor<String, StoryInput, String, AssignedMatch> {
    /** Window store of {@link StoredArticle}s, key: article id, window start: event time. */
    public static final String ARTICLES_STORE = "story-articles";

    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);

    private final StoryConfig settings;
    private final AssignmentListener listener;
    private ProcessorContext<String, AssignedMatch> context;
    private StoryAssigner assigner;
    private StoreBackedStoryState state;
    private boolean indexed;

    /** A processor that reports to nobody. */
    public StoryProcessor(StoryConfig settings) {
        this(settings, AssignmentListener.NONE);
    }

    /**
     * @param settings window, thresholds and caps; must match those given to {@link #storeBuilders}
     * @param listener told of every assignment, including dropped exact duplicates
     */
    public StoryProcessor(StoryConfig settings, AssignmentListener listener) {
        if (settings == null || listener == null) {
            throw new IllegalArgumentException("settings and listener must not be null");
        }
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * The store the processor needs: {@link #ARTICLES_STORE}, a RocksDB window store retained for
     * {@code settings.retention()} (window + grace) behind the stream time and changelogged; its segments expire
     * whole, so up to half a retention more may linger on disk. Reads never see expired entries, because every
     * read names its time range.
     */
    public static StoreBuilder<?>[] storeBuilders(StoryConfig settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        // Entries are points in time: a window of 1 ms makes the window start the event time.
        StoreBuilder<WindowStore<String, byte[]>> articles = Stores.windowStoreBuilder(
                Stores.persistentWindowStore(ARTICLES_STORE, settings.retention(), Duration.ofMillis(1), false),
                Serdes.String(), Serdes.ByteArray());
        return new StoreBuilder<?>[] {articles};
    }

    /** How often, in stream time, posting lists that left the retention are swept. */
    static Duration purgeInterval(StoryConfig settings) {
        Duration d = settings.retention().dividedBy(12);
        return d.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : d;
    }

    @Override
    public void init(ProcessorContext<String, AssignedMatch> context) {
        this.context = context;
        // A fresh index each time: Kafka Streams calls init again when it revives a task after wiping its state.
        // The index is filled from the store before the first record, once the store holds what was restored.
        this.state = new StoreBackedStoryState(context.getStateStore(ARTICLES_STORE), settings);
        this.assigner = new StoryAssigner(state, settings);
        this.indexed = false;
        long retentionMs = settings.retention().toMillis();
        context.schedule(purgeInterval(settings), PunctuationType.STREAM_TIME, now -> state.purge(now - retentionMs));
    }

    private void ensureIndexed() {
        if (indexed) {
            return;
        }
        long start = System.nanoTime();
        long n = state.rebuild(assigner::reindex);
        indexed = true;
        if (n > 0) {
            LOG.info("story index of task {} rebuilt from {} stored articles in {} ms", context.taskId(), n,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override
    public void process(Record<String, StoryInput> record) {
        StoryInput input = record.value();
        if (input == null) {
            LOG.warn("skipping record without a value, key={} timestamp={}", record.key(), record.timestamp());
            return;
        }
        ensureIndexed();
        // Features come computed from the analyse stage; a record without them (written by hand, or by an older
        // version) gets them here, with the same result.
        StoryFeatures features = input.features() != null ? input.features()
                : StoryFeatures.of(input.analysed().article(), settings.termsPerArticle());
        Assignment a = assigner.assign(input.articleId(), features, input.entities(), Instant.ofEpochMilli(record.timestamp()));
        listener.onAssignment(input.articleId(), a);
        if (a.kind() == Assignment.Kind.EXACT_DUPLICATE) {
            return;
        }
        context.forward(record.withKey(a.storyId()).withValue(AssignedMatch.of(input, a.storyId(), a.duplicateOf())));
    }
}
