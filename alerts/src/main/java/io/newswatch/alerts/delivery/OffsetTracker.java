package io.newswatch.alerts.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which alert records are settled on every channel, so the delivery group commits only offsets below which
 * nothing is pending: a record waiting in a slow channel's queue, in a retry, or in an open digest holds its
 * partition's commit back (other partitions and channels go on). A restart then re-reads from the oldest
 * unsettled record, and the ledger skips what was already delivered. Thread-safe.
 */
final class OffsetTracker {
    private final Map<TopicPartition, TreeMap<Long, Integer>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();

    /** Notes that record {@code offset} waits for {@code jobs} settlements (0 = settled already). */
    synchronized void read(TopicPartition tp, long offset, int jobs) {
        next.put(tp, offset + 1);
        if (jobs > 0) {
            pending.computeIfAbsent(tp, k -> new TreeMap<>()).put(offset, jobs);
        }
    }

    /** One more job of record {@code offset} added later (e.g. its digest). */
    synchronized void add(TopicPartition tp, long offset) {
        pending.computeIfAbsent(tp, k -> new TreeMap<>()).merge(offset, 1, Integer::sum);
    }

    /** One job of record {@code offset} settled. */
    synchronized void settled(TopicPartition tp, long offset) {
        TreeMap<Long, Integer> p = pending.get(tp);
        if (p != null) {
            p.computeIfPresent(offset, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Offsets that may be committed now. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        next.forEach((tp, n) -> {
            TreeMap<Long, Integer> p = pending.get(tp);
            out.put(tp, new OffsetAndMetadata(p == null || p.isEmpty() ? n : p.firstKey()));
        });
        return out;
    }

    synchronized int pendingCount() {
        return pending.values().stream().mapToInt(Map::size).sum();
    }

    /** Forgets partitions this instance no longer owns. */
    synchronized void forget(Iterable<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            pending.remove(tp);
            next.remove(tp);
        }
    }
}
