package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.fetch.Backoff.Jitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration BASE = Duration.ofMinutes(1);
    private static final Duration CAP = Duration.ofHours(6);

    /** Always draws {@code u}, so every delay can be worked out by hand. */
    private static RandomGenerator fixed(double u) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("Backoff draws doubles only");
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    @Test
    void shouldSpanFromBaseToTheDoublingCeilingWithFullJitter() {
        Backoff lowest = new Backoff(BASE, CAP, Jitter.FULL, fixed(0.0));
        Backoff highest = new Backoff(BASE, CAP, Jitter.FULL, fixed(Math.nextDown(1.0)));
        Backoff middle = new Backoff(BASE, CAP, Jitter.FULL, fixed(0.5));

        assertThat(List.of(lowest.next(1), lowest.next(2), lowest.next(9))).containsExactly(BASE, BASE, BASE);
        assertThat(List.of(highest.next(1), highest.next(2), highest.next(3), highest.next(9), highest.next(10)))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                        Duration.ofMinutes(256), CAP);
        // base + floor(0.5 * (ceiling - base + 1 ms)): 60 s + 90 s for a ceiling of 240 s.
        assertThat(middle.next(3)).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void shouldNeverOverflowOnAnEndlessStreak() {
        Backoff backoff = new Backoff(BASE, CAP, Jitter.FULL, fixed(Math.nextDown(1.0)));
        assertThat(backoff.next(Integer.MAX_VALUE)).isEqualTo(CAP);
        Backoff decorrelated = new Backoff(BASE, Duration.ofDays(365_000), Jitter.DECORRELATED, fixed(Math.nextDown(1.0)));
        assertThat(decorrelated.next(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(365_000));
    }

    @Test
    void shouldGrowFromThreeTimesThePreviousDelayWithDecorrelatedJitter() {
        Backoff backoff = new Backoff(BASE, CAP, Jitter.DECORRELATED, fixed(0.5));

        // previous 60 s -> uniform(60 s, 180 s) -> 120 s; then uniform(60 s, 360 s) -> 210 s; then uniform(60 s, 630 s).
        assertThat(List.of(backoff.next(1), backoff.next(2), backoff.next(3)))
                .containsExactly(Duration.ofSeconds(120), Duration.ofSeconds(210), Duration.ofSeconds(345));
    }

    @Test
    void shouldRebuildTheMissingPreviousDelayFromTheStreakAfterARestart() {
        Backoff fresh = new Backoff(BASE, CAP, Jitter.DECORRELATED, fixed(0.5));

        // No remembered delay for streak 2, so the ceiling of streak 2 (120 s) stands in: uniform(60 s, 360 s).
        assertThat(fresh.next(3)).isEqualTo(Duration.ofSeconds(210));
    }

    @Test
    void shouldStayWithinBaseAndCapAndRepeatExactlyForTheSameSeed() {
        List<Duration> first = sequence(Backoff.seeded(42));
        List<Duration> second = sequence(Backoff.seeded(42));
        List<Duration> otherSeed = sequence(Backoff.seeded(43));

        assertThat(first).isEqualTo(second).isNotEqualTo(otherSeed);
        assertThat(first).allSatisfy(d -> assertThat(d).isBetween(BASE, CAP));
        // Decorrelated delays wander rather than climb steadily, but twenty failures take them past an hour.
        assertThat(first.stream().max(Duration::compareTo).orElseThrow()).isGreaterThan(Duration.ofHours(1));
        assertThat(sequence(new Backoff(BASE, CAP, Jitter.FULL, new SplittableRandom(7))))
                .isEqualTo(sequence(new Backoff(BASE, CAP, Jitter.FULL, new SplittableRandom(7))))
                .allSatisfy(d -> assertThat(d).isBetween(BASE, CAP));
    }

    @Test
    void shouldWaitAtLeastTheRetryAfterButNoLongerThanTheCap() {
        Backoff backoff = new Backoff(BASE, CAP, Jitter.FULL, fixed(0.0));

        assertThat(backoff.next(1, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.next(1, Duration.ofSeconds(5))).isEqualTo(BASE);
        assertThat(backoff.next(1, Duration.ofDays(30))).isEqualTo(CAP);
        assertThat(backoff.next(1, null)).isEqualTo(BASE);
    }

    @Test
    void shouldNotDelayAfterASuccess() {
        Backoff backoff = new Backoff(BASE, CAP, Jitter.DECORRELATED, fixed(0.5));
        backoff.next(1);

        assertThat(backoff.next(0)).isEqualTo(Duration.ZERO);
        assertThat(backoff.next(0, Duration.ofMinutes(5))).isEqualTo(Duration.ZERO);
        assertThat(backoff.next(1)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void shouldRejectBadArgumentsWithTheirNames() {
        RandomGenerator random = fixed(0.5);
        assertThatThrownBy(() -> new Backoff(BASE, CAP, Jitter.FULL, random).next(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("errorStreak must be >= 0, was -1");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, CAP, Jitter.FULL, random))
                .hasMessage("base must be at least 1ms, was PT0S");
        assertThatThrownBy(() -> new Backoff(CAP, BASE, Jitter.FULL, random))
                .hasMessage("cap must be >= base, was cap PT1M < base PT6H");
        assertThatThrownBy(() -> new Backoff(BASE, CAP, null, random))
                .isInstanceOf(NullPointerException.class).hasMessage("jitter");
    }

    private static List<Duration> sequence(Backoff backoff) {
        List<Duration> out = new ArrayList<>();
        for (int streak = 1; streak <= 20; streak++) {
            out.add(backoff.next(streak));
        }
        return out;
    }
}
