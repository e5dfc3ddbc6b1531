package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedSpecTest {

    @Test
    void absentValuesTakeTheirDefaultsAndTagsAreCopied() {
        List<String> tags = new ArrayList<>(List.of("wire"));
        FeedSpec spec = new FeedSpec("x", "https://www.example.org/rss", "  ", null, null, false, tags);
        tags.add("later");

        assertThat(spec.source()).isEqualTo("www.example.org");
        assertThat(spec.pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.tags()).containsExactly("wire");
        assertThatThrownBy(() -> spec.tags().add("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void thirtySecondsIsTheShortestInterval() {
        assertThat(new FeedSpec("x", "https://e.org/rss", "E", null, Duration.ofSeconds(30), false, null).pollInterval()).hasSeconds(30);
        assertThatThrownBy(() -> new FeedSpec("x", "https://e.org/rss", "E", null, Duration.ofMillis(29_999), false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pollInterval must be at least 30s, was PT29.999S");
    }

    @Test
    void hostileOrMalformedValuesAreRefusedByName() {
        assertThatThrownBy(() -> new FeedSpec(null, "https://e.org/rss", null, null, null, false, null))
                .isInstanceOf(NullPointerException.class).hasMessage("id must not be null");
        assertThatThrownBy(() -> new FeedSpec("../etc", "https://e.org/rss", null, null, null, false, null))
                .hasMessage("id must match [a-z0-9][a-z0-9._-]*, was '../etc'");
        assertThatThrownBy(() -> new FeedSpec("x", "javascript:alert(1)", null, null, null, false, null))
                .hasMessage("url must be an absolute http or https URL, was 'javascript:alert(1)'");
        assertThatThrownBy(() -> new FeedSpec("x", "/relative/rss", null, null, null, false, null))
                .hasMessage("url must be an absolute http or https URL, was '/relative/rss'");
        assertThatThrownBy(() -> new FeedSpec("x", "https://e.org/rss", null, "xx", null, false, null))
                .hasMessage("lang must be a lower-case ISO 639-1 code such as en, es, pt, uk or ru, was 'xx'");
        assertThatThrownBy(() -> new FeedSpec("x", "https://e.org/rss", null, "EN", null, false, null))
                .hasMessage("lang must be a lower-case ISO 639-1 code such as en, es, pt, uk or ru, was 'EN'");
        assertThatThrownBy(() -> new FeedSpec("x", "https://e.org/rss", null, null, null, false, List.of("Latin America")))
                .hasMessage("tags must match [a-z0-9][a-z0-9._-]*, was 'Latin America'");
    }
}
