package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link JsoupArticleExtractor} on invented pages of the layouts that lose article text on sites nobody
 * tuned to ({@code extract/unseen/}, with {@code ground-truth.json}): wire stories on portals with heavy
 * chrome, split into {@code <div>}s or {@code <br>}-separated text or under a class read as clutter; long
 * posts cut into sections with ads and promos between them; paywalled pages whose JSON-LD
 * {@code articleBody} holds the full text. Scored with the benchmark's metric ({@link ExtractionScore}),
 * so that a change which brings back empty or fragmentary bodies fails here. Also the hard negatives:
 * pages without an article must not be padded.
 */
class UnseenSitesExtractionTest {

    private static final double MIN_F1 = 0.95;
    private static final double MIN_RECALL_PER_PAGE = 0.9;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ArticleExtractor extractor = new JsoupArticleExtractor(metrics);

    @Test
    void shouldKeepWholeArticlesOfUnseenLayouts() throws IOException {
        Map<String, String> truth = new TreeMap<>();
        Map<String, String> predicted = new TreeMap<>();
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/extract/unseen/ground-truth.json")) {
            root = JsonMapper.builder().build().readTree(in);
        }
        root.properties().forEach(e -> {
            String id = e.getKey();
            truth.put(id, e.getValue().path("articleBody").asText());
            predicted.put(id, extractor.extract(ArticleExtractorTest.fixture("unseen/" + id + ".html"),
                    URI.create("https://portal.example/news/" + id)).text());
        });

        ExtractionScore.Score mean = ExtractionScore.mean(predicted, truth);

        assertThat(truth).hasSizeGreaterThanOrEqualTo(20);
        assertThat(mean.f1()).as("mean F1 (precision %.3f, recall %.3f)", mean.precision(), mean.recall())
                .isGreaterThanOrEqualTo(MIN_F1);
        truth.forEach((id, body) -> assertThat(ExtractionScore.of(predicted.get(id), body).recall())
                .as("recall on %s", id).isGreaterThanOrEqualTo(MIN_RECALL_PER_PAGE));
    }

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
