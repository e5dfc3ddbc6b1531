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
 *
 * <p>Keys are 64-bit hashes: {@link #key(String)} for named keys, or a caller's own well-mixed hash (LSH buckets
 * are one already). Two names that hash alike would share a list; among ten million keys the chance that any two
 * do is about three in a million, and the hash is fixed, so a replay gives the same answers as production.
 */
public interface TimedPostings {

    /** Files {@code articleId} under {@code key} at {@code timestamp}. Duplicates are kept. */
    void add(long key, String articleId, long timestamp);

    /** The newest entries under {@code key} with {@code from <= timestamp <= to}, newest first, at most {@code limit}. */
    List<Posting> newest(long key, long from, long to, int limit);

    /** The oldest entry under {@code key} with {@code from <= timestamp <= to}, if any. */
    Optional<Posting> oldest(long key, long from, long to);

    /** Drops every list whose newest entry is older than {@code cutoff}; only reclaims space. */
    void purge(long cutoff);

    /** As {@link #add(long, String, long)} under {@link #key(String) key(name)}. */
    default void add(String name, String articleId, long timestamp) {
        add(key(name), articleId, timestamp);
    }

    /** As {@link #newest(long, long, long, int)} under {@link #key(String) key(name)}. */
    default List<Posting> newest(String name, long from, long to, int limit) {
        return newest(key(name), from, to, limit);
    }

    /** As {@link #oldest(long, long, long)} under {@link #key(String) key(name)}. */
    default Optional<Posting> oldest(String name, long from, long to) {
        return oldest(key(name), from, to);
    }

    /** The key of a name: FNV-1a over its UTF-16 units, then the SplitMix64 finaliser. Fixed forever. */
    static long key(String name) {
        return key("", name);
    }

    /** The key of {@code prefix + name}, without building that string. */
    static long key(String prefix, String name) {
        if (prefix == null || name == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        return Hashing.mix64(Hashing.fnv1a(Hashing.fnv1a(prefix), name));
    }

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
