package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassHintsTest {

    @Test
    void shouldSplitClassNamesIntoLowerCaseWords() {
        List<String> words = new ArrayList<>();
        ClassHints.split("articleBody__share-bar related_Posts2", words);

        assertThat(words).containsExactly("article", "body", "share", "bar", "related", "posts2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ad-slot", "share-buttons", "social-share", "newsletter-signup", "cookie-banner",
            "comments-area", "more-stories-related", "relatedposts", "sidebar", "site-footer", "breadcrumbs"})
    void shouldNameClutter(String className) {
        assertThat(ClassHints.namesClutter(div(className))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shadow-box", "header-image-loader", "download", "entry-content", "article-body share-bar",
            "post has-comments modal-enabled", "hentry category-social-media tag-advertising", "post-text"})
    void shouldNotNameClutterForLookAlikesBodiesFlagsOrTaxonomy(String className) {
        assertThat(ClassHints.namesClutter(div(className))).isFalse();
    }

    @Test
    void shouldNameClutterByAriaRole() {
        assertThat(ClassHints.namesClutter(div("").attr("role", "navigation"))).isTrue();
        assertThat(ClassHints.namesClutter(div("").attr("role", "main"))).isFalse();
    }

    @Test
    void shouldWeighBodyNamesUpAndClutterNamesDown() {
        assertThat(ClassHints.weight(div("article-body"))).isEqualTo(75);
        assertThat(ClassHints.weight(div("story"))).isEqualTo(25);
        assertThat(ClassHints.weight(div("title"))).isEqualTo(-25);
        assertThat(ClassHints.weight(div("content sidebar"))).isZero();
        assertThat(ClassHints.weight(div(""))).isZero();
    }

    @Test
    void shouldRecogniseArticleBodyMicrodata() {
        assertThat(ClassHints.namesBody(div("x").attr("itemprop", "articleBody"))).isTrue();
    }

    private static Element div(String className) {
        Element e = new Element("div");
        if (!className.isEmpty()) {
            e.attr("class", className);
        }
        return e;
    }
}
