package io.newswatch.processor.dedup;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TimedPostings} in a hash map of {@link PostingList}s. The stream time is the largest timestamp added;
 * whenever it has moved a quarter of the retention since the last sweep, lists whose newest entry is older than
 * {@code streamTime - retention} are dropped, so memory holds at most 1.25 × retention of keys, each with at
 * most {@code cap} entries.
 */
final class InMemoryTimedPostings implements TimedPostings {
    private final long retentionMs;
    private final int cap;
    private final Map<String, PostingList> lists = new HashMap<>();
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
    public void add(String key, String articleId, long timestamp) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        // An article is filed under a hundred keys in a row: they share one entry object.
        Posting posting = last != null && last.timestamp() == timestamp && last.articleId().equals(articleId)
                ? last : new Posting(articleId, timestamp);
        last = posting;
        lists.computeIfAbsent(key, k -> new PostingList()).add(posting, cap);
        streamTime = Math.max(streamTime, timestamp);
        if (lastSweep == Long.MIN_VALUE || streamTime - lastSweep >= retentionMs / 4) {
            lastSweep = streamTime;
            purge(streamTime - retentionMs);
        }
    }

    @Override
    public List<Posting> newest(String key, long from, long to, int limit) {
        PostingList list = lists.get(key);
        return list == null ? List.of() : list.newest(from, to, limit);
    }

    @Override
    public Optional<Posting> oldest(String key, long from, long to) {
        PostingList list = lists.get(key);
        return list == null ? Optional.empty() : list.oldest(from, to);
    }

    @Override
    public void purge(long cutoff) {
        lists.values().removeIf(l -> l.newestTimestamp() < cutoff);
    }

    /** Number of keys held. */
    int keys() {
        return lists.size();
    }
}
