package io.newswatch.alerts.desk;

import io.newswatch.model.Alert;
import io.newswatch.model.Feedback;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The live feed of the desk: every alert version as it is indexed, with its position in the alerts topic, handed
 * to each subscriber's bounded queue. A position is the vector of next offsets of the alerts topic's partitions,
 * written {@code "o0.o1.o2"}: it is the SSE event id, and a client that reconnects with it as
 * {@code Last-Event-ID} gets from {@link DeskStore#events} exactly the versions at or after it, then the live
 * ones, with none twice ({@link Subscription#accepts}). Thread-safe.
 */
public final class DeskEvents {
    /** Events a slow subscriber may have waiting before it is cut off (it then resumes from its last id). */
    static final int QUEUE = 10_000;

    /** An alert version at {@code offset} of {@code partition}, or (with partition -1) a triage change. */
    public record Event(int partition, long offset, Alert alert, Feedback feedback) {
    }

    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private long[] positions;

    /** Sets where the index stands when it starts (next offset per partition). */
    synchronized void start(long[] next) {
        positions = next.clone();
        notifyAll();
    }

    /** Called by the indexer once the version at {@code offset} is stored. */
    synchronized void published(int partition, long offset, Alert a) {
        if (partition >= positions.length) {
            positions = Arrays.copyOf(positions, partition + 1);
        }
        positions[partition] = offset + 1;
        Event e = new Event(partition, offset, a, null);
        subscribers.forEach(s -> s.offer(e));
    }

    /** Called once a triage change is stored. */
    void feedback(Feedback f) {
        Event e = new Event(-1, -1, null, f);
        subscribers.forEach(s -> s.offer(e));
    }

    /** Ends every subscription: each is told it overflowed and woken, so its stream closes (the service stops). */
    public void closeAll() {
        for (Subscription s : subscribers) {
            s.overflowed = true;
            s.queue.offer(new Event(-1, -1, null, null));
        }
    }

    /**
     * A new subscription; the positions it starts from are those of every alert version already stored.
     *
     * @throws IllegalStateException when the index has not started within {@code waitMillis}
     */
    public synchronized Subscription subscribe(long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (positions == null && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
        if (positions == null) {
            throw new IllegalStateException("the alert history is still loading");
        }
        Subscription s = new Subscription(positions.clone());
        subscribers.add(s);
        return s;
    }

    /** Formats a position as an event id. */
    public static String format(long[] position) {
        return Arrays.stream(position).mapToObj(Long::toString).collect(Collectors.joining("."));
    }

    /**
     * Parses an event id this service sent; {@code null} when it is not one (a client then starts from now).
     */
    public static long[] parse(String id) {
        if (id == null || id.isBlank() || id.length() > 2000) {
            return null;
        }
        try {
            String[] parts = id.trim().split("\\.");
            long[] out = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Long.parseLong(parts[i]);
                if (out[i] < 0) {
                    return null;
                }
            }
            return out;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One subscriber: its queue and the position up to which it has been sent events. */
    public final class Subscription implements AutoCloseable {
        private final long[] stored;
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
        private volatile boolean overflowed;

        private Subscription(long[] stored) {
            this.stored = stored;
        }

        /** Next offsets per partition of what was stored when it subscribed: replay below, queue from. */
        public long[] stored() {
            return stored.clone();
        }

        private void offer(Event e) {
            if (!queue.offer(e)) {
                overflowed = true;
            }
        }

        public BlockingQueue<Event> queue() {
            return queue;
        }

        /** True when events were lost for lack of room: the subscriber must reconnect from its last id. */
        public boolean overflowed() {
            return overflowed;
        }

        /** Whether {@code e} is at or after {@code sent} (and so not yet sent), advancing {@code sent} when it is. */
        public static boolean accepts(long[][] sent, Event e) {
            if (e.partition() < 0) {
                return true;
            }
            if (e.partition() >= sent[0].length) {
                sent[0] = Arrays.copyOf(sent[0], e.partition() + 1);
            }
            if (e.offset() < sent[0][e.partition()]) {
                return false;
            }
            sent[0][e.partition()] = e.offset() + 1;
            return true;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
