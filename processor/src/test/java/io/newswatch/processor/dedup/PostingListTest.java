package io.newswatch.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostingListTest {

    @Test
    void shouldKeepEntriesInTimeOrderWithTiesByIdWhateverTheInsertionOrder() {
        PostingList list = new PostingList();
        list.add(new Posting("c", 20), 10);
        list.add(new Posting("a", 10), 10);
        list.add(new Posting("b", 20), 10);

        assertThat(list.newest(0, 100, 10)).extracting(Posting::articleId).containsExactly("c", "b", "a");
        assertThat(list.oldest(15, 100)).contains(new Posting("b", 20));
        assertThat(list.newestTimestamp()).isEqualTo(20);
    }

    @Test
    void shouldEvictTheOldestWhenFullAndDropEntriesBeforeACutoff() {
        PostingList list = new PostingList();
        for (int i = 0; i < 100; i++) {
            list.add(new Posting("a" + i, i), 64);
        }
        assertThat(list.size()).isEqualTo(64);
        assertThat(list.oldest(0, 1000)).contains(new Posting("a36", 36));

        list.dropBefore(90);
        assertThat(list.size()).isEqualTo(10);
        list.dropBefore(1000);
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.newestTimestamp()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void shouldKeepTheSameNewestEntriesWhateverTheInsertionOrder() {
        PostingList forward = new PostingList();
        PostingList backward = new PostingList();
        for (int i = 0; i < 100; i++) {
            forward.add(new Posting("a" + (i % 7), i / 3), 16);
            backward.add(new Posting("a" + ((99 - i) % 7), (99 - i) / 3), 16);
        }
        assertThat(backward.newest(0, 1000, 100)).isEqualTo(forward.newest(0, 1000, 100)).hasSize(16);
    }

    @Test
    void shouldRefuseABadCap() {
        assertThatThrownBy(() -> new PostingList().add(new Posting("a", 1), 0)).hasMessageContaining("cap must be >= 1");
    }
}
