package io.newswatch.processor.dedup;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link TimedPostings} in an open-addressing map from key to list. The stream time is the largest timestamp
 * added; whenever it has moved a quarter of the retention since the last sweep, lists whose newest entry is older
 * than {@code streamTime - retention} are dropped, so memory holds at most 1.25 × retention of keys, each with at
 * most {@code cap} entries.
 *
 * <p>Most keys hold one entry (an article's LSH buckets and its rarer terms and names are its own). The map
 * therefore holds ints, not references: a key with one entry maps to the slot of its {@link Posting} in an arena
 * where each article has one slot for all its keys, and only a second entry gives the key a {@link PostingList}
 * (a negative value names its slot in the list arena). A key with one entry costs some 16 bytes (a hash map of
 * string keys to lists took about 180), and the map, tens of megabytes at a few million keys, holds no
 * references: each new entry written into an array of references that large dirties a card of the old
 * generation, and every young collection scanned them all again.
 *
 * <p>The arenas only grow at their end between sweeps; a sweep compacts the posting arena to the slots still
 * used.
 */
final class InMemoryTimedPostings implements TimedPostings {
    private static final int ABSENT = Integer.MIN_VALUE;

    private final long retentionMs;
    private final int cap;
    /** Key → the slot of its one entry in {@link #postings} (>= 0), or {@code -1 - } the slot of its list in {@link #lists}. */
    private final Long2IntOpenHashMap keys = new Long2IntOpenHashMap();
    /** Entries of the keys that hold one; an article's entry has one slot for all its keys. */
    private final ObjectArrayList<Posting> postings = new ObjectArrayList<>();
    /** Lists of the keys that hold more than one entry; a {@code null} slot is free (and in {@link #freeLists}). */
    private final ObjectArrayList<PostingList> lists = new ObjectArrayList<>();
    private final IntArrayList freeLists = new IntArrayList();
    private long streamTime = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;
    /** Slot of the entry added last: an article is filed under a hundred keys in a row. */
    private int lastSlot = -1;

    InMemoryTimedPostings(Duration retention, int cap) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1, was " + cap);
        }
        this.retentionMs = retention.toMillis();
        this.cap = cap;
        keys.defaultReturnValue(ABSENT);
    }

    @Override
    public void add(long key, String articleId, long timestamp) {
        int slot = slotOf(articleId, timestamp);
        Posting posting = postings.get(slot);
        int value = keys.get(key);
        if (value == ABSENT) {
            keys.put(key, cap == 1 ? listValue(posting, null) : slot);
        } else if (value >= 0) {
            keys.put(key, listValue(postings.get(value), posting));
        } else {
            lists.get(-1 - value).add(posting, cap);
        }
        streamTime = Math.max(streamTime, timestamp);
        if (lastSweep == Long.MIN_VALUE || streamTime - lastSweep >= retentionMs / 4) {
            lastSweep = streamTime;
            purge(streamTime - retentionMs);
        }
    }

    /** The arena slot of this entry: the last one when it is the same, else a new one. */
    private int slotOf(String articleId, long timestamp) {
        if (lastSlot >= 0) {
            Posting last = postings.get(lastSlot);
            if (last.timestamp() == timestamp && last.articleId().equals(articleId)) { // new Posting checks the id
                return lastSlot;
            }
        }
        postings.add(new Posting(articleId, timestamp));
        lastSlot = postings.size() - 1;
        return lastSlot;
    }

    /** Files a new list of these entries ({@code second} may be null) and returns its map value. */
    private int listValue(Posting first, Posting second) {
        PostingList list = new PostingList();
        list.add(first, cap);
        if (second != null) {
            list.add(second, cap);
        }
        int slot;
        if (freeLists.isEmpty()) {
            lists.add(list);
            slot = lists.size() - 1;
        } else {
            slot = freeLists.popInt();
            lists.set(slot, list);
        }
        return -1 - slot;
    }

    @Override
    public List<Posting> newest(long key, long from, long to, int limit) {
        int value = keys.get(key);
        if (value == ABSENT) {
            return List.of();
        }
        if (value >= 0) {
            Posting single = postings.get(value);
            return limit > 0 && single.timestamp() >= from && single.timestamp() <= to ? List.of(single) : List.of();
        }
        return lists.get(-1 - value).newest(from, to, limit);
    }

    @Override
    public Optional<Posting> oldest(long key, long from, long to) {
        int value = keys.get(key);
        if (value == ABSENT) {
            return Optional.empty();
        }
        if (value >= 0) {
            Posting single = postings.get(value);
            return single.timestamp() >= from && single.timestamp() <= to ? Optional.of(single) : Optional.empty();
        }
        return lists.get(-1 - value).oldest(from, to);
    }

    @Override
    public void purge(long cutoff) {
        boolean[] used = new boolean[postings.size()];
        for (var it = keys.long2IntEntrySet().fastIterator(); it.hasNext(); ) {
            Long2IntMap.Entry e = it.next();
            int value = e.getIntValue();
            if (value >= 0) {
                if (postings.get(value).timestamp() < cutoff) {
                    it.remove();
                } else {
                    used[value] = true;
                }
            } else if (lists.get(-1 - value).newestTimestamp() < cutoff) {
                it.remove();
                lists.set(-1 - value, null);
                freeLists.add(-1 - value);
            }
        }
        // Compact the posting arena to the slots still used; the lists hold their entries themselves.
        int[] moved = new int[used.length];
        int kept = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                postings.set(kept, postings.get(i));
                moved[i] = kept++;
            }
        }
        if (kept < used.length) {
            postings.size(kept);
            postings.trim(Math.max(16, kept));
            for (var it = keys.long2IntEntrySet().fastIterator(); it.hasNext(); ) {
                Long2IntMap.Entry e = it.next();
                if (e.getIntValue() >= 0) {
                    e.setValue(moved[e.getIntValue()]);
                }
            }
        }
        lastSlot = -1;
    }

    /** Number of keys held. */
    int keys() {
        return keys.size();
    }

    /** Entries held in the arena of single entries (for tests: it must not outgrow the keys that use it). */
    int singleEntries() {
        return postings.size();
    }
}
