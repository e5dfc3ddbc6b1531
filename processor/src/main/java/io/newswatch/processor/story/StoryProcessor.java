package io.newswatch.processor.story;

import io.newswatch.model.Match;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stories stage of the topology: reads {@link Match} records (article, rule hits and entities filled; key:
 * article id), assigns each article with a {@link StoryAssigner} over Kafka Streams state, drops exact
 * duplicates, and forwards the rest with {@code storyId} and {@code duplicateOf} set, keyed by story id and with
 * the input timestamp.
 *
 * <p>Wiring, with the stores this class declares:
 * <pre>{@code
 * topology.addProcessor("stories", () -> new StoryProcessor(settings, listener), parent);
 * for (StoreBuilder<?> b : StoryProcessor.storeBuilders(settings)) {
 *     topology.addStateStore(b, "stories");
 * }
 * }</pre>
 *
 * <p>The event time of an article is its record's timestamp. Each article costs about a hundred point reads and
 * writes of small values (its features' posting lists) plus up to 32 candidate reads; see {@code StoryBenchmark}
 * for figures. Story ids are deterministic only if every article
 * passes through one task in a fixed order, so this stage must read a single-partition topic (or a repartition
 * to one partition). State lives only in the two stores, which are changelogged: a restarted or moved task resumes
 * with the same decisions. Run with {@code processing.guarantee=exactly_once_v2} for exact replays; under
 * at-least-once, a record reprocessed after a crash is recognised as itself (same id, time and text) and gets its
 * first assignment again rather than being dropped as its own duplicate.
 *
 * <p>A record with a null value or without an article is logged, reported to the listener as nothing, and
 * skipped. Not thread-safe; Kafka Streams makes one instance per task.
 */
public final class StoryProcessor implements Processor<String, Match, String, Match> {
    /** Window store of {@link StoredArticle}s, key: article id, window start: event time. */
    public static final String ARTICLES_STORE = "story-articles";
    /** Key-value store of capped posting lists (LSH buckets, fingerprints, entities, terms), key: feature. */
    public static final String POSTINGS_STORE = "story-postings";

    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);

    private final StorySettings settings;
    private final AssignmentListener listener;
    private ProcessorContext<String, Match> context;
    private StoryAssigner assigner;
    private StoreBackedStoryState state;

    /** A processor that reports to nobody. */
    public StoryProcessor(StorySettings settings) {
        this(settings, AssignmentListener.NONE);
    }

    /**
     * @param settings window, thresholds and caps; must match those given to {@link #storeBuilders}
     * @param listener told of every assignment, including dropped exact duplicates
     */
    public StoryProcessor(StorySettings settings, AssignmentListener listener) {
        if (settings == null || listener == null) {
            throw new IllegalArgumentException("settings and listener must not be null");
        }
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * The two stores the processor needs, RocksDB-backed and changelogged:
     * <ul>
     *   <li>{@link #ARTICLES_STORE}, a window store retained for {@code settings.retention()} (window + grace)
     *       behind the stream time; its segments expire whole, so up to half a retention more may linger on disk;</li>
     *   <li>{@link #POSTINGS_STORE}, a cached key-value store of lists capped at {@code settings.postingCap()}
     *       entries; lists idle for longer than the retention are deleted by a punctuation every
     *       {@code retention / 12} of stream time (7 h by default).</li>
     * </ul>
     * Reads never see expired entries either way, because every read names its time range.
     */
    public static StoreBuilder<?>[] storeBuilders(StorySettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        // Entries are points in time: a window of 1 ms makes the window start the event time.
        StoreBuilder<WindowStore<String, byte[]>> articles = Stores.windowStoreBuilder(
                Stores.persistentWindowStore(ARTICLES_STORE, settings.retention(), Duration.ofMillis(1), false),
                Serdes.String(), Serdes.ByteArray());
        // Caching coalesces the rewrites of popular lists between commits before they reach the changelog.
        StoreBuilder<KeyValueStore<String, byte[]>> postings = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(POSTINGS_STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled();
        return new StoreBuilder<?>[] {articles, postings};
    }

    /** How often, in stream time, idle posting lists are purged. */
    static Duration purgeInterval(StorySettings settings) {
        Duration d = settings.retention().dividedBy(12);
        return d.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : d;
    }

    @Override
    public void init(ProcessorContext<String, Match> context) {
        this.context = context;
        WindowStore<String, byte[]> articles = context.getStateStore(ARTICLES_STORE);
        KeyValueStore<String, byte[]> postings = context.getStateStore(POSTINGS_STORE);
        this.state = new StoreBackedStoryState(articles, postings, settings.postingCap());
        this.assigner = new StoryAssigner(state, settings);
        long retentionMs = settings.retention().toMillis();
        context.schedule(purgeInterval(settings), PunctuationType.STREAM_TIME, now -> state.purge(now - retentionMs));
    }

    @Override
    public void process(Record<String, Match> record) {
        Match match = record.value();
        if (match == null || match.article() == null) {
            LOG.warn("skipping record without an article, key={} timestamp={}", record.key(), record.timestamp());
            return;
        }
        Assignment a;
        try {
            a = assigner.assign(match.article(), match.entities(), Instant.ofEpochMilli(record.timestamp()));
            state.flush();
        } catch (RuntimeException e) {
            state.discard();
            throw e;
        }
        listener.onAssignment(match.articleId(), a);
        if (a.kind() == Assignment.Kind.EXACT_DUPLICATE) {
            return;
        }
        Match out = new Match(match.schemaVersion(), match.article(), match.rules(), match.entities(), a.duplicateOf(),
                a.storyId(), match.source(), match.matchedAt());
        context.forward(record.withKey(a.storyId()).withValue(out));
    }
}
