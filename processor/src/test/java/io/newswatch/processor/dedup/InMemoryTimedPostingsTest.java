package io.newswatch.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryTimedPostingsTest {
    private final InMemoryTimedPostings postings = new InMemoryTimedPostings(Duration.ofMillis(100), 3);

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
    void shouldKeepOnlyTheNewestCapEntriesPerKey() {
        for (int i = 0; i < 5; i++) {
            postings.add("popular", "a" + i, 10 + i);
        }
        postings.add("popular", "late", 1); // older than everything kept: dropped at once

        assertThat(postings.newest("popular", 0, 100, 10)).extracting(Posting::articleId).containsExactly("a4", "a3", "a2");
    }

    @Test
    void shouldDropKeysWhoseNewestEntryLeftTheRetention() {
        postings.add("old", "x", 0);
        postings.add("k", "new", 150);

        assertThat(postings.keys()).isEqualTo(1);
        assertThat(postings.newest("old", 0, 200, 10)).isEmpty();
        assertThat(postings.newest("k", 0, 200, 10)).extracting(Posting::articleId).containsExactly("new");
    }

    @Test
    void shouldRejectANonPositiveRetentionOrCap() {
        assertThatThrownBy(() -> new InMemoryTimedPostings(Duration.ZERO, 3)).hasMessageContaining("retention must be positive");
        assertThatThrownBy(() -> new InMemoryTimedPostings(Duration.ofHours(1), 0)).hasMessageContaining("cap must be >= 1");
    }
}
