package io.newswatch.processor.dedup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Posting lists whose entries carry an event time: the one kind of state that duplicate detection and story
 * clustering need (LSH bucket → articles, content fingerprint → articles, entity or term → articles).
 *
 * <p>Each list keeps at most {@code cap} entries, the newest by event time; this bounds both the state per key
 * and the work of one lookup, however popular the key. Reads always name a time range, so what a lookup returns
 * never depends on when expired lists happen to be purged: results are a function of the input alone. Lists
 * whose newest entry is older than the retention behind the stream time are purged. Entries with equal
 * timestamps are ordered by article id, so a list is the same whatever the order entries were added in. Not
 * thread-safe: one stream task owns one instance.
 */
public interface TimedPostings {

    /** Files {@code articleId} under {@code key} at {@code timestamp}. Duplicates are kept. */
    void add(String key, String articleId, long timestamp);

    /** The newest entries under {@code key} with {@code from <= timestamp <= to}, newest first, at most {@code limit}. */
    List<Posting> newest(String key, long from, long to, int limit);

    /** The oldest entry under {@code key} with {@code from <= timestamp <= to}, if any. */
    Optional<Posting> oldest(String key, long from, long to);

    /** Drops every list whose newest entry is older than {@code cutoff}; only reclaims space. */
    void purge(long cutoff);

    /**
     * Posting lists on the heap, for the offline scan and for tests.
     *
     * @param retention how far behind the largest timestamp seen lists are kept
     * @param cap       entries kept per list
     */
    static TimedPostings inMemory(Duration retention, int cap) {
        return new InMemoryTimedPostings(retention, cap);
    }
}
