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
    void shouldAnswerForAKeyWithOneEntryAsForALongerList() {
        postings.add("one", "a", 20);

        assertThat(postings.newest("one", 0, 100, 10)).containsExactly(new Posting("a", 20));
        assertThat(postings.newest("one", 0, 100, 0)).isEmpty();
        assertThat(postings.newest("one", 21, 100, 10)).isEmpty();
        assertThat(postings.newest("one", 0, 19, 10)).isEmpty();
        assertThat(postings.oldest("one", 20, 20)).contains(new Posting("a", 20));
        assertThat(postings.oldest("one", 0, 19)).isEmpty();

        postings.add("one", "b", 20); // the second entry turns it into a list, same timestamp: ordered by id
        postings.add("one", "0", 5);

        assertThat(postings.newest("one", 0, 100, 10)).extracting(Posting::articleId).containsExactly("b", "a", "0");
        assertThat(postings.oldest("one", 0, 100)).contains(new Posting("0", 5));
    }

    @Test
    void shouldKeepTheNewestEntryWithACapOfOne() {
        InMemoryTimedPostings one = new InMemoryTimedPostings(Duration.ofMillis(100), 1);
        one.add("k", "b", 20);
        one.add("k", "a", 10); // older: dropped
        one.add("k", "c", 20); // same time, larger id: kept

        assertThat(one.newest("k", 0, 100, 10)).containsExactly(new Posting("c", 20));
    }

    @Test
    void shouldCompactTheEntriesOfSingleKeysWhenSweeping() {
        InMemoryTimedPostings p = new InMemoryTimedPostings(Duration.ofMillis(1_000), 8);
        for (int t = 0; t < 1_000; t++) {
            p.add("own-" + t, "a" + t, t); // one key each
            p.add("shared-" + (t % 10), "a" + t, t); // ten keys with lists
        }
        p.add("late", "z", 1_300); // stream time 1,300: a sweep drops what is older than 300

        assertThat(p.keys()).isEqualTo(700 + 10 + 1);
        assertThat(p.singleEntries()).isEqualTo(701); // the arena holds the entries still used, once each
        for (int t = 300; t < 1_000; t += 37) {
            assertThat(p.newest("own-" + t, 0, 2_000, 5)).containsExactly(new Posting("a" + t, t));
            assertThat(p.oldest("own-" + t, t, t)).contains(new Posting("a" + t, t));
        }
        assertThat(p.newest("own-299", 0, 2_000, 5)).isEmpty();
        assertThat(p.newest("shared-3", 0, 2_000, 2)).containsExactly(new Posting("a993", 993), new Posting("a983", 983));
        assertThat(p.newest("late", 0, 2_000, 5)).containsExactly(new Posting("z", 1_300));

        p.add("own-999", "b", 1_301); // after the sweep the remapped entries still take new ones
        assertThat(p.newest("own-999", 0, 2_000, 5)).containsExactly(new Posting("b", 1_301), new Posting("a999", 999));
    }

    @Test
    void shouldHashANameAndAPrefixedNameAlike() {
        assertThat(TimedPostings.key("t:", "drone")).isEqualTo(TimedPostings.key("t:drone"));
        assertThat(TimedPostings.key("t:drone")).isNotEqualTo(TimedPostings.key("e:drone"));
        postings.add(TimedPostings.key("t:", "drone"), "a", 10);

        assertThat(postings.newest("t:drone", 0, 100, 10)).containsExactly(new Posting("a", 10));
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
        postings.add("old", "y", 1); // a list
        postings.add("alone", "z", 2); // a single entry
        postings.add("k", "new", 150);

        assertThat(postings.keys()).isEqualTo(1);
        assertThat(postings.newest("old", 0, 200, 10)).isEmpty();
        assertThat(postings.oldest("alone", 0, 200)).isEmpty();
        assertThat(postings.newest("k", 0, 200, 10)).extracting(Posting::articleId).containsExactly("new");
    }

    @Test
    void shouldRejectANonPositiveRetentionOrCap() {
        assertThatThrownBy(() -> new InMemoryTimedPostings(Duration.ZERO, 3)).hasMessageContaining("retention must be positive");
        assertThatThrownBy(() -> new InMemoryTimedPostings(Duration.ofHours(1), 0)).hasMessageContaining("cap must be >= 1");
    }
}
