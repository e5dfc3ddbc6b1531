package io.newswatch.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryTimedPostingsTest {
    private final InMemoryTimedPostings postings = new InMemoryTimedPostings(Duration.ofMillis(100));

    @Test
    void shouldReturnNewestFirstWithinTheRangeAndLimit() {
        postings.add("k", "a", 10);
        postings.add("k", "c", 30);
        postings.add("k", "b", 20); // out of order
        postings.add("other", "x", 20);

        assertThat(postings.newest("k", 0, 100, 10)).containsExactly(new Posting("c", 30), new Posting("b", 20),
                new Posting("a", 10));
        assertThat(postings.newest("k", 15, 25, 10)).containsExactly(new Posting("b", 20));
        assertThat(postings.newest("k", 0, 100, 2)).containsExactly(new Posting("c", 30), new Posting("b", 20));
        assertThat(postings.oldest("k", 15, 100)).contains(new Posting("b", 20));
        assertThat(postings.newest("none", 0, 100, 10)).isEmpty();
        assertThat(postings.oldest("k", 31, 100)).isEmpty();
    }

    @Test
    void shouldKeepInsertionOrderForEqualTimestamps() {
        postings.add("k", "first", 10);
        postings.add("k", "second", 10);

        assertThat(postings.newest("k", 0, 10, 5)).extracting(Posting::articleId).containsExactly("second", "first");
        assertThat(postings.oldest("k", 0, 10)).map(Posting::articleId).contains("first");
    }

    @Test
    void shouldExpireEntriesBehindTheRetentionAndIgnoreAddsThatOld() {
        postings.add("k", "old", 0);
        postings.add("k", "new", 150);
        postings.add("k", "late", 40); // 110 behind the stream time: already expired

        assertThat(postings.size()).isEqualTo(1);
        assertThat(postings.newest("k", 0, 200, 10)).extracting(Posting::articleId).containsExactly("new");
    }

    @Test
    void shouldRejectANonPositiveRetention() {
        assertThatThrownBy(() -> new InMemoryTimedPostings(Duration.ZERO)).hasMessageContaining("retention must be positive");
    }
}
