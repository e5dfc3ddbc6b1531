package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTPS://WWW.Example.COM:443/News/Story?id=7#comments | https://www.example.com/News/Story?id=7",
            "http://example.com:80 | http://example.com/",
            "http://example.com:8080/a | http://example.com:8080/a",
            "https://example.com/a?utm_source=x&id=3&utm_medium=y&fbclid=abc | https://example.com/a?id=3",
            "https://example.com/a?gclid=1&mc_cid=2&mc_eid=3 | https://example.com/a",
            "https://amp.example.com/news/story | https://example.com/news/story",
            "https://example.com/news/story/amp/ | https://example.com/news/story/",
            "https://example.com/news/story.amp.html | https://example.com/news/story.html",
            "https://example.com/news/story?amp=1 | https://example.com/news/story",
            "https://bücher.example/straße | https://xn--bcher-kva.example/straße",
            "https://example.com//a//b | https://example.com/a/b",
            "mailto:someone@example.com | mailto:someone@example.com",
    })
    void shouldCanonicalise(String in, String expected) {
        assertThat(CanonicalUrl.of(in)).isEqualTo(expected);
    }

    @Test
    void shouldGiveCopiesOfOnePageOneArticleId() {
        assertThat(ArticleId.of(CanonicalUrl.of("https://Example.com/x?utm_campaign=a")))
                .isEqualTo(ArticleId.of(CanonicalUrl.of("https://example.com/x#top")))
                .hasSize(16);
    }
}
