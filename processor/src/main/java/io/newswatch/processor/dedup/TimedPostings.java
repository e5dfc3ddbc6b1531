package io.newswatch.processor.dedup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Posting lists whose entries carry an event time and expire: the one kind of state that duplicate detection
 * and story clustering need (LSH bucket → articles, content fingerprint → articles, entity or term → articles).
 *
 * <p>Reads always name a time range, so what a lookup returns never depends on when expired entries happen to
 * be purged; that keeps results a function of the input alone. Implementations drop entries older than their
 * retention behind the latest timestamp seen, and ignore adds that are already that old. Entries with equal
 * timestamps keep their insertion order. Not thread-safe: one stream task owns one instance.
 */
public interface TimedPostings {

    /** Files {@code articleId} under {@code key} at {@code timestamp}. Duplicates are kept. */
    void add(String key, String articleId, long timestamp);

    /**
     * The newest entries under {@code key} with {@code from <= timestamp <= to}, newest first, at most
     * {@code limit} of them; the cap bounds the work of one lookup however popular the key.
     */
    List<Posting> newest(String key, long from, long to, int limit);

    /** The oldest entry under {@code key} with {@code from <= timestamp <= to}, if any. */
    Optional<Posting> oldest(String key, long from, long to);

    /** Posting lists on the heap, for the offline scan and for tests; entries expire after {@code retention}. */
    static TimedPostings inMemory(Duration retention) {
        return new InMemoryTimedPostings(retention);
    }
}
