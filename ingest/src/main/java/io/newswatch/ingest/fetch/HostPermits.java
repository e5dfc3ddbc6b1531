package io.newswatch.ingest.fetch;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds requests in flight, per host name and in total, with fair semaphores so that waiting callers are served
 * in arrival order.
 *
 * <p>The host permit is taken before the global one: a caller queued behind a busy host must not sit on one of
 * the few global permits meanwhile, or a burst of article links to one site would starve every other fetch.
 *
 * <p>Memory is bounded by the hosts currently in use: a host's semaphore exists only while some caller holds or
 * awaits it, counted under the map's per-key lock, and is dropped when the last one leaves. Thread-safe.
 */
final class HostPermits {

    /** A held pair of permits; closing it releases both, once. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Slot {
        final Semaphore semaphore;
        int users; // holders plus waiters; changed only inside ConcurrentHashMap.compute for this host

        Slot(int permits) {
            this.semaphore = new Semaphore(permits, true);
        }
    }

    private final int perHost;
    private final Semaphore global;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    HostPermits(int perHost, int global) {
        if (perHost <= 0 || global <= 0) {
            throw new IllegalArgumentException("permits must be > 0, were perHost " + perHost + ", global " + global);
        }
        this.perHost = perHost;
        this.global = new Semaphore(global, true);
    }

    /**
     * Blocks until a permit for {@code host} (case-insensitive) and a global one are both held.
     *
     * @throws InterruptedException when interrupted while waiting; nothing is then held
     */
    Lease acquire(String host) throws InterruptedException {
        String key = host.toLowerCase(Locale.ROOT);
        Slot slot = slots.compute(key, (k, s) -> {
            Slot joined = s == null ? new Slot(perHost) : s;
            joined.users++;
            return joined;
        });
        try {
            slot.semaphore.acquire();
        } catch (InterruptedException e) {
            leave(key, slot);
            throw e;
        }
        try {
            global.acquire();
        } catch (InterruptedException e) {
            slot.semaphore.release();
            leave(key, slot);
            throw e;
        }
        return new Lease() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    global.release();
                    slot.semaphore.release();
                    leave(key, slot);
                }
            }
        };
    }

    /** How many hosts have a semaphore right now; for tests of the memory bound. */
    int hostsTracked() {
        return slots.size();
    }

    /** Global permits free right now; for tests. */
    int globalAvailable() {
        return global.availablePermits();
    }

    private void leave(String key, Slot slot) {
        slots.computeIfPresent(key, (k, s) -> {
            if (s != slot) {
                return s;
            }
            return --s.users == 0 ? null : s;
        });
    }
}
