package io.newswatch.processor.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TimedPostings} in hash maps of time-sorted lists. Expiry mirrors a Kafka Streams window store: the
 * stream time is the largest timestamp added; entries older than {@code streamTime - retention} are swept out
 * whenever the stream time has moved a quarter of the retention since the last sweep (so the sweep cost is
 * amortised and memory stays within 1.25 × retention of input), and adds older than that are ignored.
 */
final class InMemoryTimedPostings implements TimedPostings {
    private final long retentionMs;
    private final Map<String, List<Posting>> lists = new HashMap<>();
    private long streamTime = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;

    InMemoryTimedPostings(Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void add(String key, String articleId, long timestamp) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        Posting posting = new Posting(articleId, timestamp);
        if (streamTime != Long.MIN_VALUE && timestamp < streamTime - retentionMs) {
            return;
        }
        streamTime = Math.max(streamTime, timestamp);
        List<Posting> list = lists.computeIfAbsent(key, k -> new ArrayList<>(2));
        // Insert after every entry with timestamp <= this one: time order, ties in insertion order.
        int at = list.size();
        while (at > 0 && list.get(at - 1).timestamp() > timestamp) {
            at--;
        }
        list.add(at, posting);
        maybeSweep();
    }

    @Override
    public List<Posting> newest(String key, long from, long to, int limit) {
        List<Posting> list = lists.get(key);
        List<Posting> out = new ArrayList<>();
        if (list == null || limit <= 0) {
            return out;
        }
        for (int i = list.size() - 1; i >= 0 && out.size() < limit; i--) {
            Posting p = list.get(i);
            if (p.timestamp() < from) {
                break;
            }
            if (p.timestamp() <= to) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Optional<Posting> oldest(String key, long from, long to) {
        List<Posting> list = lists.get(key);
        if (list != null) {
            for (Posting p : list) {
                if (p.timestamp() > to) {
                    break;
                }
                if (p.timestamp() >= from) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Number of entries held, expired or not yet swept included. */
    int size() {
        int n = 0;
        for (List<Posting> l : lists.values()) {
            n += l.size();
        }
        return n;
    }

    private void maybeSweep() {
        if (lastSweep != Long.MIN_VALUE && streamTime - lastSweep < retentionMs / 4) {
            return;
        }
        lastSweep = streamTime;
        long cutoff = streamTime - retentionMs;
        for (Iterator<List<Posting>> it = lists.values().iterator(); it.hasNext(); ) {
            List<Posting> list = it.next();
            int drop = 0;
            while (drop < list.size() && list.get(drop).timestamp() < cutoff) {
                drop++;
            }
            if (drop == list.size()) {
                it.remove();
            } else if (drop > 0) {
                list.subList(0, drop).clear();
            }
        }
    }
}
