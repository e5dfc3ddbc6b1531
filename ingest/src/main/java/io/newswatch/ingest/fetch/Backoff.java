package io.newswatch.ingest.fetch;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How long a failing feed waits before its next poll: exponential in the error streak, jittered so that feeds
 * that failed together (one outlet's outage, our own network blip) do not all come back in the same second,
 * and never shorter than a {@code Retry-After} the server sent.
 *
 * <p>Two jitter styles, both never below {@code base} and never above {@code cap}:
 * <ul>
 * <li>{@link Jitter#FULL}: uniform between {@code base} and the ceiling {@code base · 2^(streak-1)}
 *     (capped). The "full jitter" of the AWS architecture blog, with the base as floor so that a failing feed is
 *     never polled again at once.</li>
 * <li>{@link Jitter#DECORRELATED}: uniform between {@code base} and three times the previous delay (capped);
 *     it spreads retries more evenly. The previous delay is remembered per instance; when it is missing (first
 *     use, or the streak did not grow by one, e.g. after a restart) the ceiling of the previous streak stands
 *     in for it.</li>
 * </ul>
 *
 * <p>A {@code Retry-After} longer than the jittered delay wins, up to {@code cap}: a server asking for a week
 * would otherwise silence a feed for a week, and one that still refuses simply says so again.
 *
 * <p>Pure: no clock, no I/O; given the same random generator state and calls, the same delays come back, so
 * tests and replays are exact. Thread-safe (calls are serialised), but {@link Jitter#DECORRELATED} remembers the
 * last delay, so give each feed its own instance; {@link #seeded} makes that cheap and reproducible.
 */
public final class Backoff {

    /** The default first delay. */
    public static final Duration DEFAULT_BASE = Duration.ofMinutes(1);
    /** The default longest delay. */
    public static final Duration DEFAULT_CAP = Duration.ofHours(6);

    /** How the delay is randomised. */
    public enum Jitter { FULL, DECORRELATED }

    private final long baseMillis;
    private final long capMillis;
    private final Jitter jitter;
    private final RandomGenerator random;

    // DECORRELATED state: the delay returned for lastStreak, or 0 when none.
    private int lastStreak;
    private long lastMillis;

    /**
     * @param base   the first delay; at least one millisecond
     * @param cap    the longest delay; at least {@code base}
     * @param jitter the jitter style
     * @param random the randomness; used only by this instance from now on
     */
    public Backoff(Duration base, Duration cap, Jitter jitter, RandomGenerator random) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(random, "random");
        if (base.toMillis() < 1) {
            throw new IllegalArgumentException("base must be at least 1ms, was " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap must be >= base, was cap " + cap + " < base " + base);
        }
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.jitter = jitter;
        this.random = random;
    }

    /** Decorrelated jitter from {@link #DEFAULT_BASE} to {@link #DEFAULT_CAP}, seeded e.g. with a hash of the feed id. */
    public static Backoff seeded(long seed) {
        return new Backoff(DEFAULT_BASE, DEFAULT_CAP, Jitter.DECORRELATED, new SplittableRandom(seed));
    }

    /**
     * The delay after {@code errorStreak} consecutive failures.
     *
     * @param errorStreak consecutive failures including the one just seen; 0 means the last poll succeeded
     * @return {@link Duration#ZERO} for a streak of 0, otherwise between {@code base} and {@code cap}
     * @throws IllegalArgumentException when {@code errorStreak} is negative
     */
    public synchronized Duration next(int errorStreak) {
        return next(errorStreak, null);
    }

    /**
     * Like {@link #next(int)}, but at least {@code retryAfter} (itself cut to {@code cap}) when the streak is
     * positive.
     *
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     */
    public synchronized Duration next(int errorStreak, Duration retryAfter) {
        if (errorStreak < 0) {
            throw new IllegalArgumentException("errorStreak must be >= 0, was " + errorStreak);
        }
        if (errorStreak == 0) {
            lastStreak = 0;
            lastMillis = 0;
            return Duration.ZERO;
        }
        long delay = switch (jitter) {
            case FULL -> uniform(baseMillis, ceiling(errorStreak));
            case DECORRELATED -> {
                long previous = lastStreak == errorStreak - 1 && lastMillis > 0 ? lastMillis : ceiling(errorStreak - 1);
                yield uniform(baseMillis, Math.min(capMillis, saturatedTimes3(previous)));
            }
        };
        if (retryAfter != null && !retryAfter.isNegative()) {
            delay = Math.max(delay, Math.min(capMillis, retryAfter.toMillis()));
        }
        lastStreak = errorStreak;
        lastMillis = delay;
        return Duration.ofMillis(delay);
    }

    @Override
    public String toString() {
        return "Backoff[" + jitter + " " + Duration.ofMillis(baseMillis) + ".." + Duration.ofMillis(capMillis) + "]";
    }

    /** {@code base · 2^(streak-1)}, capped, without overflow; {@code base} for a streak of 0 or 1. */
    private long ceiling(int streak) {
        long value = baseMillis;
        for (int i = 1; i < streak && value < capMillis; i++) {
            value = value > capMillis / 2 ? capMillis : value * 2;
        }
        return Math.min(value, capMillis);
    }

    private static long saturatedTimes3(long v) {
        return v > Long.MAX_VALUE / 3 ? Long.MAX_VALUE : v * 3;
    }

    // nextDouble keeps the mapping from random draw to delay explicit, so tests can predict it exactly.
    private long uniform(long low, long high) {
        if (high <= low) {
            return low;
        }
        long span = high - low;
        return low + Math.min(span, (long) (random.nextDouble() * (span + 1)));
    }
}
