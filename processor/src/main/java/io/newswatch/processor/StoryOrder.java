package io.newswatch.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.processor.story.StoryInput;
import io.newswatch.processor.story.StoryInputSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reorder buffer in front of the story stage: hands analysed articles on in the order in which they entered the
 * pipeline, their fetch time ({@link StoryInput#fetchedAt()}, {@code Article.fetchedAt}, set once by ingest and
 * carried in the record), then article id, whichever analysis task appended them to the stories topic first. The
 * story stage's decisions (which copy opens a story, {@code duplicateOf}, and so the story and alert ids) depend on
 * that order, so this is what makes them the same for the same articles, whatever the article partitions, analysis
 * threads or interleaving; a replay sorts by the same key. Each record keeps its own timestamp (the event time,
 * usually the publication time), on which the story windows and retention run.
 *
 * <p>Why the fetch time and not the event time: live articles are published minutes or hours before they are
 * fetched, so ordered by publication time nearly all of them would already be behind a watermark that follows the
 * clock, and would go on in arrival order. The fetch time follows the clock: an article waits only as long as its
 * analysis may lag behind the others'.
 *
 * <p>An article waits in the persistent store {@value #STORE} (changelogged, so a restart keeps it and its order)
 * until the watermark passes its fetch time. The watermark is the latest fetch time seen minus the grace or, so that
 * a quiet hour does not hold the last articles back, the wall clock minus the grace, whichever is later; the wall
 * clock moves it every quarter of the grace. An article therefore leaves the buffer about a grace after it was
 * fetched: the buffer adds to an alert's delay only what is left of the grace once the article has been fetched,
 * published and analysed (with the defaults, 400 ms against some 150-250 ms upstream). The watermark never goes back
 * (it is stored too).
 *
 * <p><b>Late articles.</b> An article whose fetch time is already behind the watermark when it arrives is handed on at
 * once, not dropped, and counted in {@code newswatch.processor.reorder.late}: its analysis lagged more than the grace
 * behind the others' (a stalled or restarted analysis task), the clock of the ingest instance that fetched it is
 * behind by more than the grace, or it was imported with an old fetch time into a running deployment. Its place in
 * the order then depends on when it arrived, so a replay, which orders every article exactly, may decide its story
 * differently; a window with no late articles replays exactly.
 *
 * <p>A grace of zero turns the buffer off: articles go on in arrival order (the topology tests do this).
 *
 * <p><b>Replays.</b> A replay numbers its articles in this same order and analyses them in parallel
 * ({@link ReplaySequence}); an article that carries its number goes on strictly by number, whatever the grace: one
 * that comes early waits in the store for those before it, and an empty record (an article the analysis
 * dead-lettered) only takes its number. The next number is stored too. Not thread-safe; one instance per task.
 */
final class StoryOrder extends ContextualProcessor<String, StoryInput, String, StoryInput> {
    /**
     * Buffered articles, key: fetch time (8 bytes, sign-flipped big-endian) + article id; value: {@link #TIMESTAMPED},
     * the record timestamp (8 bytes) and the encoded input. A value without the marker (written before the order
     * key was the fetch time) is an encoded input whose record timestamp is the key's time.
     */
    static final String STORE = "story-order";
    private static final Logger LOG = LoggerFactory.getLogger(StoryOrder.class);
    /** The store's key under which the watermark is kept: shorter than any article's key, so it sorts first. */
    private static final Bytes WATERMARK_KEY = Bytes.wrap(new byte[] {0});
    /**
     * Below every fetch-time key (an Instant's epoch milliseconds are above -2^55, so their flipped first byte is 0x7f
     * or more) and above the watermark, next-number and replay keys (first bytes 0, 1 and 2).
     */
    private static final Bytes FIRST_ARTICLE_KEY = key(Long.MIN_VALUE / 2, "");
    /** The store's key under which a replay's next number is kept. */
    private static final Bytes NEXT_KEY = Bytes.wrap(new byte[] {1});
    /** First byte of a replay article's key (see {@link #sequenceKey}). */
    private static final byte SEQUENCE = 2;
    /** First byte of a buffered value that starts with its record timestamp; never the first byte of an encoded input. */
    private static final byte TIMESTAMPED = 1;

    private final long grace;
    /** How often the wall clock moves the watermark: a quarter of the grace, within 10 ms and 1 s. */
    private final long tick;
    private final Counter late;
    private final StoryInputSerde serde = new StoryInputSerde();
    private KeyValueStore<Bytes, byte[]> buffer;
    private long watermark = Long.MIN_VALUE;
    /** The number of the replay article to hand on next. */
    private long next;
    /** The latest fetch time seen. */
    private long fetchClock = Long.MIN_VALUE;

    /**
     * @param grace how long an article waits for earlier ones, not negative; zero hands every article on at once
     */
    StoryOrder(Duration grace, MeterRegistry metrics) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be a non-negative duration, was " + grace);
        }
        this.grace = grace.toMillis();
        this.tick = Math.clamp(this.grace / 4, 10, 1000);
        this.late = metrics.counter("newswatch.processor.reorder.late");
    }

    /** The store the buffer needs, persistent and changelogged. */
    static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.Bytes(), Serdes.ByteArray());
    }

    @Override
    public void init(ProcessorContext<String, StoryInput> context) {
        super.init(context);
        buffer = context.getStateStore(STORE);
        byte[] stored = buffer.get(NEXT_KEY);
        next = stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
        if (grace == 0) {
            return;
        }
        stored = buffer.get(WATERMARK_KEY);
        watermark = stored == null ? Long.MIN_VALUE : ByteBuffer.wrap(stored).getLong();
        context.schedule(Duration.ofMillis(tick), PunctuationType.WALL_CLOCK_TIME, now -> release(Math.max(fetchClock, now) - grace));
    }

    @Override
    public void process(Record<String, StoryInput> record) {
        OptionalLong place = ReplaySequence.of(record.headers());
        if (place.isPresent()) {
            sequenced(place.getAsLong(), record);
            return;
        }
        if (grace == 0) {
            context().forward(record);
            return;
        }
        long fetched = record.value().fetchedAt();
        if (fetched <= watermark) {
            late.increment();
            LOG.debug("article {} fetched at {} arrived behind the watermark {}: handed on at once", record.key(), fetched, watermark);
            context().forward(record);
            return;
        }
        byte[] input = serde.serializer().serialize(null, record.value());
        buffer.put(key(fetched, record.value().articleId()),
                ByteBuffer.allocate(1 + Long.BYTES + input.length).put(TIMESTAMPED).putLong(record.timestamp()).put(input).array());
        if (fetched > fetchClock) {
            fetchClock = fetched;
            if (fetchClock - grace >= watermark + tick) {
                release(fetchClock - grace);
            }
        }
    }

    /**
     * A replay's article ({@link ReplaySequence}): handed on when it is the next number, else kept until the numbers
     * before it have come; an empty record (an article the analysis dead-lettered) only takes its number.
     */
    private void sequenced(long place, Record<String, StoryInput> record) {
        if (place < next) {
            LOG.warn("replay article {} numbered {} came again after {}: ignored", record.key(), place, next - 1);
            return;
        }
        if (place > next) {
            byte[] input = record.value() == null ? new byte[0] : serde.serializer().serialize(null, record.value());
            buffer.put(sequenceKey(place), ByteBuffer.allocate(Long.BYTES + input.length).putLong(record.timestamp()).put(input).array());
            return;
        }
        if (record.value() != null) {
            context().forward(new Record<>(record.key(), record.value(), record.timestamp()));
        }
        next++;
        for (byte[] kept; (kept = buffer.get(sequenceKey(next))) != null; next++) {
            buffer.delete(sequenceKey(next));
            if (kept.length > Long.BYTES) {
                StoryInput input = serde.deserializer().deserialize(null, Arrays.copyOfRange(kept, Long.BYTES, kept.length));
                context().forward(new Record<>(input.articleId(), input, ByteBuffer.wrap(kept).getLong()));
            }
        }
        buffer.put(NEXT_KEY, ByteBuffer.allocate(Long.BYTES).putLong(next).array());
    }

    /** The buffer key of a replay's article: a marker byte above any fetch-time key's first byte's use, then the number. */
    private static Bytes sequenceKey(long place) {
        return Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES).put(SEQUENCE).putLong(place).array());
    }

    /** Hands on, in order, every buffered article up to {@code upTo}, and moves the watermark there. */
    private void release(long upTo) {
        if (upTo <= watermark) {
            return;
        }
        List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = buffer.range(FIRST_ARTICLE_KEY, key(upTo, "\uffff"))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<Bytes, byte[]> kv : due) {
            long ts;
            StoryInput input;
            if (kv.value.length > 0 && kv.value[0] == TIMESTAMPED) {
                ByteBuffer value = ByteBuffer.wrap(kv.value);
                value.get();
                ts = value.getLong();
                input = serde.deserializer().deserialize(null, java.util.Arrays.copyOfRange(kv.value, 1 + Long.BYTES, kv.value.length));
            } else {
                ts = timestampOf(kv.key);
                input = serde.deserializer().deserialize(null, kv.value);
            }
            buffer.delete(kv.key);
            context().forward(new Record<>(input.articleId(), input, ts));
        }
        watermark = upTo;
        buffer.put(WATERMARK_KEY, ByteBuffer.allocate(Long.BYTES).putLong(upTo).array());
    }

    /** The buffer key: fetch time, then article id, so that the store's order is the story stage's order. */
    static Bytes key(long timestamp, String articleId) {
        byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
        // flipping the sign bit makes the unsigned byte order of RocksDB the numeric order of the timestamps
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + id.length).putLong(timestamp ^ Long.MIN_VALUE).put(id).array());
    }

    private static long timestampOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE;
    }
}
