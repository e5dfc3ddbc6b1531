package io.newswatch.processor.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One capped posting list: at most {@code cap} entries, sorted by timestamp then article id, the newest kept
 * when full; the content is therefore the same whatever order the entries were added in. Mutable; not
 * thread-safe.
 */
public final class PostingList {
    // Entries are kept as the Posting objects they were added as: reads hand them out without copying.
    private long[] timestamps = new long[2];
    private Posting[] postings = new Posting[2];
    private int size;

    /** An empty list. */
    public PostingList() {
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** True when there are no entries. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Timestamp of the newest entry; {@code Long.MIN_VALUE} when empty. */
    public long newestTimestamp() {
        return size == 0 ? Long.MIN_VALUE : timestamps[size - 1];
    }

    /**
     * Inserts an entry in (timestamp, id) order; when that makes the list longer
     * than {@code cap}, the oldest entry goes (which may be the new one).
     */
    public void add(Posting posting, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1, was " + cap);
        }
        int at = size;
        while (at > 0 && (timestamps[at - 1] > posting.timestamp()
                || timestamps[at - 1] == posting.timestamp() && postings[at - 1].articleId().compareTo(posting.articleId()) > 0)) {
            at--;
        }
        if (size == timestamps.length) {
            // Grow by doubling, but never past one slot beyond the cap: popular keys sit at the cap for good.
            int grown = Math.max(size + 1, Math.min(size * 2, cap + 1));
            timestamps = Arrays.copyOf(timestamps, grown);
            postings = Arrays.copyOf(postings, grown);
        }
        System.arraycopy(timestamps, at, timestamps, at + 1, size - at);
        System.arraycopy(postings, at, postings, at + 1, size - at);
        timestamps[at] = posting.timestamp();
        postings[at] = posting;
        size++;
        if (size > cap) {
            dropOldest(size - cap);
        }
    }

    /** Removes the entries older than {@code cutoff}. */
    public void dropBefore(long cutoff) {
        int n = 0;
        while (n < size && timestamps[n] < cutoff) {
            n++;
        }
        dropOldest(n);
    }

    /** Entries with {@code from <= timestamp <= to}, newest first, at most {@code limit}. */
    public List<Posting> newest(long from, long to, int limit) {
        List<Posting> out = new ArrayList<>(Math.min(Math.max(limit, 0), size));
        for (int i = size - 1; i >= 0 && out.size() < limit; i--) {
            if (timestamps[i] < from) {
                break;
            }
            if (timestamps[i] <= to) {
                out.add(postings[i]);
            }
        }
        return out;
    }

    /** The oldest entry with {@code from <= timestamp <= to}. */
    public Optional<Posting> oldest(long from, long to) {
        for (int i = 0; i < size && timestamps[i] <= to; i++) {
            if (timestamps[i] >= from) {
                return Optional.of(postings[i]);
            }
        }
        return Optional.empty();
    }

    private void dropOldest(int n) {
        if (n <= 0) {
            return;
        }
        System.arraycopy(timestamps, n, timestamps, 0, size - n);
        System.arraycopy(postings, n, postings, 0, size - n);
        Arrays.fill(postings, size - n, size, null);
        size -= n;
    }
}
