package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeTest {
    private static final Instant FETCHED = Instant.parse("2025-03-10T12:00:00Z");
    private static final Duration LAG = Duration.ofHours(72);

    private static Article article(Instant published, boolean estimated) {
        return Article.builder("https://example.org/a").title("t").text("x").publishedAt(published).publishedAtEstimated(estimated)
                .fetchedAt(FETCHED).build();
    }

    @Test
    void shouldUsePublicationTimeWhenKnownAndWithinTheLag() {
        Instant published = FETCHED.minus(Duration.ofHours(5));
        assertThat(EventTime.of(article(published, false), LAG)).isEqualTo(published);
        assertThat(EventTime.of(article(FETCHED.minus(LAG), false), LAG)).isEqualTo(FETCHED.minus(LAG));
    }

    @Test
    void shouldUseFetchTimeWhenPublicationIsUnknownEstimatedOrInTheFuture() {
        assertThat(EventTime.of(article(null, false), LAG)).isEqualTo(FETCHED);
        assertThat(EventTime.of(article(FETCHED.minusSeconds(60), true), LAG)).isEqualTo(FETCHED);
        assertThat(EventTime.of(article(FETCHED.plusSeconds(1), false), LAG)).isEqualTo(FETCHED);
    }

    @Test
    void shouldUseFetchTimeWhenPublicationIsOlderThanTheLag() {
        assertThat(EventTime.of(article(FETCHED.minus(LAG).minusMillis(1), false), LAG)).isEqualTo(FETCHED);
        assertThat(EventTime.isPublished(article(FETCHED.minus(LAG).minusMillis(1), false), LAG)).isFalse();
    }

    @Test
    void shouldRefuseANegativeLag() {
        assertThatThrownBy(() -> EventTime.of(article(null, false), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLag");
    }
}
