package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageMetadataTest {

    private static final URI PAGE = URI.create("https://news.example/section/story.html?id=1");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "/world/story-1            | https://news.example/world/story-1",
            "story-2                   | https://news.example/section/story-2",
            "//cdn.example/story-3     | https://cdn.example/story-3",
            "' https://other.example/a b ' | https://other.example/a%20b",
            "javascript:void(0)        | null",
            "mailto:desk@news.example  | null",
            "http://[broken            | null"})
    void shouldResolveCanonicalLinksToAbsoluteHttpUrls(String href, String expected) {
        assertThat(PageMetadata.absolute(href, PAGE)).isEqualTo(expected);
    }

    @Test
    void shouldNotResolveRelativeLinksWithoutPageUrl() {
        assertThat(PageMetadata.absolute("/world/story-1", null)).isNull();
        assertThat(PageMetadata.absolute("https://news.example/a", null)).isEqualTo("https://news.example/a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "en-GB | en", "pt_BR | pt", "UK | uk", "ru | ru", "es-419 | es", "eng | null", "x | null", "'' | null"})
    void shouldReduceLanguageTagsToIso6391(String tag, String expected) {
        assertThat(PageMetadata.isoCode(tag)).isEqualTo(expected);
    }

    @Test
    void shouldPreferRelCanonicalToOgUrlAndReadDeclaredLanguage() {
        PageMetadata m = PageMetadata.of(Jsoup.parse("""
                <html lang="uk-UA"><head>
                <meta property="og:url" content="https://news.example/og">
                <link rel="canonical" href="/canonical">
                <meta property="og:title" content="Заголовок | Вісник">
                <meta property="og:site_name" content="Вісник">
                <meta name="pubdate" content="2025-01-20T14:05:00+02:00">
                </head><body></body></html>"""), PAGE);

        assertThat(m.canonicalUrl()).isEqualTo("https://news.example/canonical");
        assertThat(m.title()).isEqualTo("Заголовок");
        assertThat(m.lang()).isEqualTo("uk");
        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-01-20T12:05:00Z"));
        assertThat(m.byline()).isNull();
    }

    @Test
    void shouldPreferTheArticlesTimeElementToTheFirstOnThePage() {
        PageMetadata m = PageMetadata.of(Jsoup.parse("""
                <div class="ticker"><time datetime="2025-05-01T08:00:00Z">Today</time></div>
                <article><h1>Drone school opens</h1><time datetime="2025-01-20T10:00:00+02:00">20 January</time></article>"""), PAGE);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-01-20T08:00:00Z"));
    }

    @Test
    void shouldPreferJsonLdTimeToTimeElements() {
        PageMetadata m = PageMetadata.of(Jsoup.parse("""
                <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-01-19"}</script>
                <time datetime="2025-05-01T08:00:00Z" pubdate>Today</time>"""), PAGE);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-01-19T00:00:00Z"));
    }

    @Test
    void shouldSkipOgTitleThatIsOnlyTheSiteName() {
        PageMetadata m = PageMetadata.of(Jsoup.parse("""
                <meta property="og:title" content="Example News"><meta property="og:site_name" content="Example News">
                <title>Example News</title><h1>Drone school opens</h1>"""), PAGE);

        assertThat(m.title()).isEqualTo("Drone school opens");
    }
}
