package io.newswatch.tools.extraction;

import io.newswatch.ingest.extract.JsoupArticleExtractor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores {@link JsoupArticleExtractor} on the public article-extraction benchmark (181 real pages with
 * hand-made ground truth) kept in the shared corpora, the way the benchmark's own script does. Reference
 * points on the same pages and metric: trafilatura 0.950, Readability.js 0.943. Skipped when the corpus
 * is not there. Its sibling {@code ArticleExtractorTest} covers the extractor on invented pages.
 */
class ZyteExtractionIT {

    private static final double MIN_F1 = 0.95;

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        String shared = System.getProperty("newswatch.shared");
        assumeTrue(shared != null, "newswatch.shared is not set: no shared corpora, benchmark skipped");
        corpus = Path.of(shared, "corpus", "zyte-article-extraction");
        assumeTrue(Files.isRegularFile(corpus.resolve("ground-truth.json")),
                "no article-extraction benchmark at " + corpus + ", benchmark skipped");
    }

    @Test
    void shouldScoreAtLeastTrafilaturaOnTheBenchmark() {
        Map<String, String> truth = ExtractionEval.truth(corpus);
        Map<String, String> predicted = ExtractionEval.predict(corpus);

        ExtractionScore.Score score = ExtractionScore.mean(predicted, truth);

        assertThat(truth).hasSize(181);
        assertThat(predicted.keySet()).containsExactlyInAnyOrderElementsOf(truth.keySet());
        assertThat(score.f1()).as("mean F1 (precision %.3f, recall %.3f)", score.precision(), score.recall())
                .isGreaterThanOrEqualTo(MIN_F1);
    }
}
