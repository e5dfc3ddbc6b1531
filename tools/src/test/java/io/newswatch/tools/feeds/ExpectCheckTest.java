package io.newswatch.tools.feeds;

import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.feed.ParsedFeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectCheckTest {

    private static final ParsedFeed FEED = new ParsedFeed("rss_2.0", "Caf\u00e9 <b>news</b>", "http://example.com/", "en",
            List.of(new FeedItem("g1", "http://example.com/1", "Title", "Summary", null, "Jane", Instant.EPOCH, List.of())));

    @Test
    void splitsTopLevelAndTermsKeepingQuotedOnesWhole() {
        FeedparserCase c = new FeedparserCase(Path.of("x.xml"), "x.xml", new byte[0], Map.of(), "",
                "not bozo and feed['title'] == u'this and that' and entries[0]['link'] == \"a and b\"");

        assertThat(c.terms()).containsExactly("not bozo", "feed['title'] == u'this and that'", "entries[0]['link'] == \"a and b\"");
        assertThat(c.expectsBozo()).isFalse();
    }

    @Test
    void bozoIsExpectedOnlyWhenNotNegated() {
        assertThat(new FeedparserCase(Path.of("x"), "x", new byte[0], Map.of(), "", "bozo and bozo_exception").expectsBozo()).isTrue();
        assertThat(new FeedparserCase(Path.of("x"), "x", new byte[0], Map.of(), "", "not bozo").expectsBozo()).isFalse();
    }

    @Test
    void readsPythonStringEscapes() {
        assertThat(ExpectCheck.pythonString("a\\'b\\u00e9\\xa0\\U0001F600\\n\\\\")).isEqualTo("a'bé\u00a0\uD83D\uDE00\n\\");
    }

    @Test
    void comparesFeedAndEntryFields() {
        assertThat(ExpectCheck.of("feed['title'] == u'Caf\\xe9 <b>news</b>'").orElseThrow().passes(FEED, StandardCharsets.UTF_8)).isTrue();
        assertThat(ExpectCheck.of("feed.link == 'http://example.com/'").orElseThrow().passes(FEED, StandardCharsets.UTF_8)).isTrue();
        assertThat(ExpectCheck.of("entries[0]['id'] == 'g1'").orElseThrow().passes(FEED, StandardCharsets.UTF_8)).isTrue();
        assertThat(ExpectCheck.of("entries[1]['title'] == 'Title'").orElseThrow().passes(FEED, StandardCharsets.UTF_8)).isFalse();
        assertThat(ExpectCheck.of("encoding == 'utf-8'").orElseThrow().passes(null, StandardCharsets.UTF_8)).isTrue();
    }

    @Test
    void unsupportedFormsAreNotChecks() {
        assertThat(ExpectCheck.of("entries[0]['published_parsed'] == (2004, 1, 1)")).isEmpty();
        assertThat(ExpectCheck.of("feed['copyright'] == 'x'")).isEmpty();
        assertThat(ExpectCheck.of("version == 'rss20'")).isEmpty();
    }
}
