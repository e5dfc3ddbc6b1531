package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class JsonLdArticleTest {

    @Test
    void shouldFindArticleInGraphAmongOtherNodes() {
        JsonLdArticle a = read("""
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "Example"},
                  {"@type": ["NewsArticle"], "headline": "Drone school opens", "datePublished": "2025-03-07",
                   "author": [{"@type": "Person", "name": " Ana  Ruiz "}, "Ben Cole", {"@type": "Person", "url": "https://x"}],
                   "mainEntityOfPage": {"@id": "https://example.com/a"}, "inLanguage": "en-GB"}]}""");

        assertThat(a).isEqualTo(new JsonLdArticle("Drone school opens", null, List.of("Ana Ruiz", "Ben Cole"),
                "2025-03-07", "https://example.com/a", "en-GB"));
    }

    @Test
    void shouldPreferTheArticleThatCarriesItsBody() {
        JsonLdArticle a = read("""
                [{"@type": "BlogPosting", "headline": "Teaser"},
                 {"@type": "NewsArticle", "headline": "Full", "articleBody": "Body text."}]""");

        assertThat(a.headline()).isEqualTo("Full");
        assertThat(a.articleBody()).isEqualTo("Body text.");
    }

    @Test
    void shouldReadSloppyJsonThatBrowsersAccept() {
        JsonLdArticle a = read("""
                <!--
                {"@type": "NewsArticle", // a comment
                 "headline": "Line one
                line two", "author": {"name": "Ana Ruiz"},}
                -->""");

        assertThat(a.headline()).isEqualTo("Line one\nline two");
        assertThat(a.authors()).containsExactly("Ana Ruiz");
    }

    @Test
    void shouldSkipBrokenScriptsAndKeepGoodOnes() {
        String page = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script>"
                + "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"headline\": \"Kept\"}</script>";

        assertThat(JsonLdArticle.of(Jsoup.parse(page)).headline()).isEqualTo("Kept");
    }

    @Test
    void shouldReturnNoneWithoutArticleObject() {
        assertThat(read("{\"@type\": \"Organization\", \"name\": \"Example\"}")).isSameAs(JsonLdArticle.NONE);
        assertThat(read("[[[[[[[[[[[[{\"@type\": \"NewsArticle\", \"headline\": \"too deep\"}]]]]]]]]]]]]"))
                .isSameAs(JsonLdArticle.NONE);
    }

    private static JsonLdArticle read(String json) {
        return JsonLdArticle.of(Jsoup.parse("<script type=\"application/ld+json\">" + json + "</script>"));
    }
}
