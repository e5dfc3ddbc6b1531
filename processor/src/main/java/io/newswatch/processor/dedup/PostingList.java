package io.newswatch.processor.dedup;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One capped posting list: at most {@code cap} entries, sorted by timestamp (ties in insertion order), the
 * newest kept when full. The same structure backs the in-memory postings and, encoded, the values of the
 * Kafka Streams postings store, so both answer every read identically. Mutable; not thread-safe.
 */
public final class PostingList {
    private static final byte VERSION = 1;

    private long[] timestamps;
    private String[] ids;
    private int size;

    /** An empty list. */
    public PostingList() {
        this(new long[2], new String[2], 0);
    }

    private PostingList(long[] timestamps, String[] ids, int size) {
        this.timestamps = timestamps;
        this.ids = ids;
        this.size = size;
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
     * Inserts an entry after every entry with a timestamp at or before its own; when that makes the list longer
     * than {@code cap}, the oldest entry goes (which may be the new one).
     */
    public void add(Posting posting, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1, was " + cap);
        }
        int at = size;
        while (at > 0 && timestamps[at - 1] > posting.timestamp()) {
            at--;
        }
        if (size == timestamps.length) {
            // Grow by doubling, but never past one slot beyond the cap: popular keys sit at the cap for good.
            int grown = Math.max(size + 1, Math.min(size * 2, cap + 1));
            timestamps = Arrays.copyOf(timestamps, grown);
            ids = Arrays.copyOf(ids, grown);
        }
        System.arraycopy(timestamps, at, timestamps, at + 1, size - at);
        System.arraycopy(ids, at, ids, at + 1, size - at);
        timestamps[at] = posting.timestamp();
        ids[at] = posting.articleId();
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
                out.add(new Posting(ids[i], timestamps[i]));
            }
        }
        return out;
    }

    /** The oldest entry with {@code from <= timestamp <= to}. */
    public Optional<Posting> oldest(long from, long to) {
        for (int i = 0; i < size && timestamps[i] <= to; i++) {
            if (timestamps[i] >= from) {
                return Optional.of(new Posting(ids[i], timestamps[i]));
            }
        }
        return Optional.empty();
    }

    /** The list as bytes: a version byte, the entry count, then per entry the timestamp and the UTF-8 id. */
    public byte[] encode() {
        byte[][] idBytes = new byte[size][];
        int length = 3;
        for (int i = 0; i < size; i++) {
            idBytes[i] = ids[i].getBytes(StandardCharsets.UTF_8);
            length += 10 + idBytes[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(VERSION).putShort((short) size);
        for (int i = 0; i < size; i++) {
            out.putLong(timestamps[i]).putShort((short) idBytes[i].length).put(idBytes[i]);
        }
        return out.array();
    }

    /** Reads a list written by {@link #encode()}. */
    public static PostingList decode(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalStateException("posting list format " + version + " is not " + VERSION
                        + "; reset the application's state after an incompatible upgrade");
            }
            int n = Short.toUnsignedInt(in.getShort());
            long[] ts = new long[Math.max(n, 2)];
            String[] ids = new String[ts.length];
            for (int i = 0; i < n; i++) {
                ts[i] = in.getLong();
                int len = Short.toUnsignedInt(in.getShort());
                ids[i] = new String(data, in.position(), len, StandardCharsets.UTF_8);
                in.position(in.position() + len);
            }
            return new PostingList(ts, ids, n);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException("corrupt posting list: " + e, e);
        }
    }

    private void dropOldest(int n) {
        if (n <= 0) {
            return;
        }
        System.arraycopy(timestamps, n, timestamps, 0, size - n);
        System.arraycopy(ids, n, ids, 0, size - n);
        Arrays.fill(ids, size - n, size, null);
        size -= n;
    }
}
