package io.newswatch.processor.dedup;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link TimedPostings} in an open-addressing map from key to list. The stream time is the largest timestamp
 * added; whenever it has moved a quarter of the retention since the last sweep, lists whose newest entry is older
 * than {@code streamTime - retention} are dropped, so memory holds at most 1.25 × retention of keys, each with at
 * most {@code cap} entries.
 *
 * <p>Most keys hold one entry (an article's LSH buckets and its rarer terms and names are its own), so a key with
 * one entry maps straight to its {@link Posting}, shared by every key the article is filed under, and only a
 * second entry makes it a {@link PostingList}. A key with one entry then costs a long and a reference in the
 * map's arrays, some 16-24 bytes, where a hash map of string keys to lists took about 180.
 */
final class InMemoryTimedPostings implements TimedPostings {
    private final long retentionMs;
    private final int cap;
    /** Key → its one {@link Posting}, or its {@link PostingList} once it has more. */
    private final Long2ObjectOpenHashMap<Object> lists = new Long2ObjectOpenHashMap<>();
    private long streamTime = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;
    private Posting last;

    InMemoryTimedPostings(Duration retention, int cap) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1, was " + cap);
        }
        this.retentionMs = retention.toMillis();
        this.cap = cap;
    }

    @Override
    public void add(long key, String articleId, long timestamp) {
        // An article is filed under a hundred keys in a row: they share one entry object.
        Posting posting = last != null && last.timestamp() == timestamp && last.articleId().equals(articleId)
                ? last : new Posting(articleId, timestamp);
        last = posting;
        Object current = lists.get(key);
        if (current == null) {
            if (cap == 1) {
                PostingList list = new PostingList();
                list.add(posting, cap);
                lists.put(key, list);
            } else {
                lists.put(key, posting);
            }
        } else if (current instanceof Posting single) {
            PostingList list = new PostingList();
            list.add(single, cap);
            list.add(posting, cap);
            lists.put(key, list);
        } else {
            ((PostingList) current).add(posting, cap);
        }
        streamTime = Math.max(streamTime, timestamp);
        if (lastSweep == Long.MIN_VALUE || streamTime - lastSweep >= retentionMs / 4) {
            lastSweep = streamTime;
            purge(streamTime - retentionMs);
        }
    }

    @Override
    public List<Posting> newest(long key, long from, long to, int limit) {
        Object current = lists.get(key);
        if (current instanceof Posting single) {
            return limit > 0 && single.timestamp() >= from && single.timestamp() <= to ? List.of(single) : List.of();
        }
        return current == null ? List.of() : ((PostingList) current).newest(from, to, limit);
    }

    @Override
    public Optional<Posting> oldest(long key, long from, long to) {
        Object current = lists.get(key);
        if (current instanceof Posting single) {
            return single.timestamp() >= from && single.timestamp() <= to ? Optional.of(single) : Optional.empty();
        }
        return current == null ? Optional.empty() : ((PostingList) current).oldest(from, to);
    }

    @Override
    public void purge(long cutoff) {
        lists.values().removeIf(v -> newestTimestamp(v) < cutoff);
    }

    private static long newestTimestamp(Object list) {
        return list instanceof Posting single ? single.timestamp() : ((PostingList) list).newestTimestamp();
    }

    /** Number of keys held. */
    int keys() {
        return lists.size();
    }
}
