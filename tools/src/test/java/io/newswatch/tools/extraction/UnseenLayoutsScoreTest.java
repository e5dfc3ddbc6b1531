package io.newswatch.tools.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.JsoupArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The extractor on invented pages of the layouts that lose article text on sites nobody tuned to (ingest's test
 * fixtures {@code extract/unseen/}, with {@code ground-truth.json}), scored with the benchmark's metric
 * ({@link ExtractionScore}), so that a change which brings back empty or fragmentary bodies fails here. Sibling:
 * ingest's {@code UnseenSitesExtractionTest} (the recoveries and the hard negatives).
 */
class UnseenLayoutsScoreTest {
    private static final double MIN_F1 = 0.95;
    private static final double MIN_RECALL_PER_PAGE = 0.9;

    private final ArticleExtractor extractor = new JsoupArticleExtractor();

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
            predicted.put(id, extractor.extract(fixture("unseen/" + id + ".html"),
                    URI.create("https://portal.example/news/" + id)).text());
        });

        ExtractionScore.Score mean = ExtractionScore.mean(predicted, truth);

        assertThat(truth).hasSizeGreaterThanOrEqualTo(20);
        assertThat(mean.f1()).as("mean F1 (precision %.3f, recall %.3f)", mean.precision(), mean.recall())
                .isGreaterThanOrEqualTo(MIN_F1);
        truth.forEach((id, body) -> assertThat(ExtractionScore.of(predicted.get(id), body).recall())
                .as("recall on %s", id).isGreaterThanOrEqualTo(MIN_RECALL_PER_PAGE));
    }

    private static String fixture(String name) {
        try (InputStream in = UnseenLayoutsScoreTest.class.getResourceAsStream("/extract/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + " (from the ingest module's test jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
