package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoredArticleCodecTest {

    @Test
    void shouldRoundTripEveryField() {
        long[] sig = new long[128];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = Long.MIN_VALUE + i * 7919L;
        }
        StoredArticle a = new StoredArticle("b2", 1_748_937_600_000L, Assignment.Kind.NEAR_DUPLICATE, "a1", "a1",
                "0123456789abcdef", sig, new String[] {"cjng", "michoacan"}, new float[] {4.2f, 2.5f},
                new String[] {"#90000", "n:aspn", "w:Юникод"}, new float[] {0.5f, 0.5f, 0.70710677f},
                new long[] {Long.MIN_VALUE + 12, -5L << 16 | 40, 7L << 16 | 11});

        assertThat(StoredArticleCodec.decode(StoredArticleCodec.encode(a))).isEqualTo(a);
    }

    @Test
    void shouldReadTheFormatWithoutParagraphsAsAnArticleWithNone() {
        StoredArticle a = new StoredArticle("b2", 5, Assignment.Kind.STORY_UPDATE, "a1", null, "0123456789abcdef",
                new long[] {1, 2}, new String[] {"cjng"}, new float[] {1f}, new String[] {"w:cartel"}, new float[] {1f},
                new long[] {3L << 16 | 12});
        byte[] v2 = StoredArticleCodec.encode(a);
        // Version 1 is version 2 without the trailing paragraph count and values.
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 2 - 8);
        v1[0] = 1;

        StoredArticle back = StoredArticleCodec.decode(v1);
        assertThat(back.paragraphs()).isEmpty();
        assertThat(back).isEqualTo(new StoredArticle("b2", 5, Assignment.Kind.STORY_UPDATE, "a1", null, "0123456789abcdef",
                new long[] {1, 2}, new String[] {"cjng"}, new float[] {1f}, new String[] {"w:cartel"}, new float[] {1f}));
    }

    @Test
    void shouldRoundTripAnArticleWithoutOptionalFields() {
        StoredArticle a = new StoredArticle("a1", 0, Assignment.Kind.NEW_STORY, "a1", null, null, new long[0],
                new String[0], new float[0], new String[0], new float[0]);

        StoredArticle back = StoredArticleCodec.decode(StoredArticleCodec.encode(a));
        assertThat(back).isEqualTo(a);
        assertThat(back.assignment()).isEqualTo(new Assignment(Assignment.Kind.NEW_STORY, "a1", null));
    }

    @Test
    void shouldRefuseAnUnknownFormatVersion() {
        byte[] bytes = StoredArticleCodec.encode(new StoredArticle("a1", 0, Assignment.Kind.NEW_STORY, "a1", null, null,
                new long[0], new String[0], new float[0], new String[0], new float[0]));
        bytes[0] = 9;

        assertThatThrownBy(() -> StoredArticleCodec.decode(bytes)).hasMessageContaining("format 9 is not 2");
    }
}
