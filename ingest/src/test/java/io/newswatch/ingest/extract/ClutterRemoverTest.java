package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ClutterRemoverTest {

    @Test
    void shouldRemoveNonTextHiddenAndFurniture() {
        Element body = clean("""
                <nav>Menu</nav><header>Site</header><script>var x;</script><style>p{}</style>
                <div style="display: none">hidden</div><div hidden>also hidden</div><span aria-hidden="true">icon</span>
                <!-- a comment --><figure><img src=x><figcaption>Caption</figcaption></figure>
                <form><label>Email</label><input><button>Go</button></form>
                <p>Prose stays.</p><footer>Footer</footer>""");

        assertThat(body.text()).isEqualTo("Prose stays.");
    }

    @Test
    void shouldRemoveClutterNamedElementsButKeepTheWrapperOfMostProse() {
        Element body = clean("""
                <div class="page has-sidebar widget">
                  <div class="share-bar">Share</div>
                  <p>A long paragraph of article prose that makes up most of the page, as articles do.</p>
                  <div class="sidebar">Popular links</div>
                </div>""");

        assertThat(body.text()).isEqualTo("A long paragraph of article prose that makes up most of the page, as articles do.");
    }

    @Test
    void shouldKeepEmbeddedPostsInsideSocialWrappers() {
        Element body = clean("<p>Prose.</p><div class=\"social-embed\"><blockquote>Quoted post text</blockquote></div>");

        assertThat(body.text()).isEqualTo("Prose. Quoted post text");
    }

    @Test
    void shouldRemoveSectionOpenedByStrongHeadingEvenWhenItHoldsProse() {
        Element body = clean("""
                <article><p>The article.</p></article>
                <section><h3>Você pode gostar...</h3><article><p>Another post with a long text of its own, longer
                than the article itself, which is why only the heading can tell it apart.</p></article></section>""");

        assertThat(body.text()).isEqualTo("The article.");
    }

    @Test
    void shouldRemoveOnlyHeadingAndLinkListsWhenWeakHeadingSitsInsideTheArticle() {
        Element body = clean("""
                <div class="story"><p>First paragraph of the story, long enough to count as prose here.</p>
                <h4>Related</h4><ul><li><a href=/1>Other story</a></li><li><a href=/2>Third story</a></li></ul>
                <p>Last paragraph of the story, also long enough to count as prose here.</p></div>""");

        assertThat(body.text()).isEqualTo("First paragraph of the story, long enough to count as prose here. "
                + "Last paragraph of the story, also long enough to count as prose here.");
    }

    private static Element clean(String html) {
        Element body = Jsoup.parse(html).body();
        new ClutterRemover().clean(body);
        return body;
    }
}
