package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * {@link JsoupArticleExtractor} on invented pages of the layouts that lose article text on sites nobody
 * tuned to ({@code extract/unseen/}, with {@code ground-truth.json}): wire stories on portals with heavy
 * chrome, split into {@code <div>}s or {@code <br>}-separated text or under a class read as clutter; long
 * posts cut into sections with ads and promos between them; paywalled pages whose JSON-LD
 * {@code articleBody} holds the full text: the recoveries are counted, and pages without an article must not be
 * padded. The tools module's {@code UnseenLayoutsScoreTest} scores the whole set with the benchmark's metric.
 */
class UnseenSitesExtractionTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ArticleExtractor extractor = new JsoupArticleExtractor(metrics);

    @Test
    void shouldCountRecoveryFromJsonLdOfPaywalledPage() {
        ExtractedArticle a = extractor.extract(ArticleExtractorTest.fixture("unseen/c1-drone-academy.html"), null);

        assertThat(a.text()).startsWith("An armed militia operating in the border hills")
                .endsWith("often with parts bought online.")
                .doesNotContain("Subscribe", "Latest news", "Council approves");
        assertThat(recovered("json_ld")).isEqualTo(1);
        assertThat(recovered("prose_run")).isZero();
    }

    @Test
    void shouldNotPadSectionFrontWithItsTeasers() {
        StringBuilder html = new StringBuilder("<html><body><nav><a href=/>Home</a></nav><h1>World news</h1>");
        for (int i = 0; i < 15; i++) {
            html.append("<div class=card><h3><a href=/world/").append(i).append(">Headline of world story number ")
                    .append(i).append("</a></h3><p>One sentence on what happened in story ").append(i)
                    .append(", with a comma, as summaries have.</p><span>").append(i + 1).append(" hours ago</span></div>");
        }
        html.append("<ul class=more>");
        for (int i = 0; i < 30; i++) {
            html.append("<li><a href=/more/").append(i).append(">More headlines from the world desk, number ").append(i).append("</a></li>");
        }
        html.append("</ul></body></html>");

        ExtractedArticle a = extractor.extract(html.toString(), null);

        // the summaries may stand (there is no article to prefer to them), never the headline links
        assertThat(a.text()).doesNotContain("Headline of world story", "More headlines");
        assertThat(recovered("prose_run") + recovered("json_ld")).isZero();
    }

    @Test
    void shouldKeepOneSentenceCaptionOfVideoPage() {
        String html = "<html><body><nav><a href=/>Home</a> <a href=/video>Video</a></nav><h1>Flood water reaches rooftops</h1>"
                + "<div class=player><video src=/v.mp4></video></div>"
                + "<p class=standfirst>Drone footage shows flood water reaching the roofs of houses in the valley on Sunday.</p>"
                + "<h2>More videos</h2><ul>"
                + "<li><a href=/v/1>Storm brings down trees across the north of the country</a></li>".repeat(12)
                + "</ul><div class=about><p>Daily Portal video brings you the day's news in pictures, every day of the week,"
                + " from our reporters around the country.</p></div></body></html>";

        ExtractedArticle a = extractor.extract(html, null);

        assertThat(a.text()).startsWith("Drone footage shows flood water").doesNotContain("Storm brings down trees");
        assertThat(recovered("prose_run") + recovered("json_ld")).isZero();
    }

    private long recovered(String reason) {
        return (long) metrics.get(JsoupArticleExtractor.RECOVERED).tag("reason", reason).counter().count();
    }
}
