package io.newswatch.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostingListTest {

    @Test
    void shouldKeepEntriesInTimeOrderWithTiesInInsertionOrder() {
        PostingList list = new PostingList();
        list.add(new Posting("b", 20), 10);
        list.add(new Posting("a", 10), 10);
        list.add(new Posting("c", 20), 10);

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
    void shouldRoundTripThroughBytes() {
        PostingList list = new PostingList();
        list.add(new Posting("0123456789abcdef", 1_748_937_600_000L), 64);
        list.add(new Posting("fedcba9876543210", 1_748_937_600_001L), 64);

        PostingList back = PostingList.decode(list.encode());

        assertThat(back.newest(0, Long.MAX_VALUE, 10)).isEqualTo(list.newest(0, Long.MAX_VALUE, 10));
        back.add(new Posting("third", 5), 64); // a decoded list keeps growing
        assertThat(back.size()).isEqualTo(3);
        assertThat(PostingList.decode(new PostingList().encode()).isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownFormatAndABadCap() {
        byte[] bytes = new PostingList().encode();
        bytes[0] = 7;
        assertThatThrownBy(() -> PostingList.decode(bytes)).hasMessageContaining("format 7 is not 1");
        assertThatThrownBy(() -> new PostingList().add(new Posting("a", 1), 0)).hasMessageContaining("cap must be >= 1");
    }
}
