package io.newswatch.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.RuleFiles;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The figure for issue "Hostile input", class 1: how the analysis of one article (entities, then the default
 * rule pack, snippets included) grows with its size when every sentence matches. Before the fix a 3.8 MB page
 * took about 22 s; the work is now linear, which this test prints (1 MB and 4 MB, best of five each, after a warm-up of both;
 * on a quiet machine about 0.2 and 0.8 s) rather
 * than asserts, since timings belong in figures, not in assertions. It asserts what the analysis found.
 */
class ArticleSizeScalingTest {

    private static final String SENTENCE = "Instructors at the camp trained cartel members to fly FPV attack drones, prosecutors said. ";

    @Test
    void shouldPrintTheAnalysisTimeOfOneAndFourMegabytesOfMatchingSentences() throws Exception {
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher()) {
            matcher.register(RuleFiles.loadDefault());
            ArticlePipeline pipeline = new ArticlePipeline(matcher, new GazetteerTagger(Gazetteer.loadDefault()));
            Article small = article(1 << 20);
            Article large = article(4 << 20);
            analyse(pipeline, small); // warm-up of both paths, so the JIT has settled before either is timed
            analyse(pipeline, large);
            analyse(pipeline, small);

            long smallNanos = best(pipeline, small);
            long largeNanos = best(pipeline, large);

            System.out.printf("analysis of an article whose every sentence matches: 1 MB %d ms, 4 MB %d ms, ratio %.1f (linear: 4.0)%n",
                    smallNanos / 1_000_000, largeNanos / 1_000_000, (double) largeNanos / smallNanos);
            var outcome = pipeline.analyze(large).outcome();
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.hits()).extracting(h -> h.id()).contains("drone-training");
            assertThat(outcome.hits()).allSatisfy(h -> assertThat(h.snippets()).hasSizeBetween(1, 3));
        }
    }

    private static Article article(int chars) {
        StringBuilder text = new StringBuilder(chars + SENTENCE.length());
        while (text.length() < chars) {
            text.append(SENTENCE);
        }
        return Article.builder("https://hostile.example/" + chars).title("Cartel members trained to fly drones")
                .text(text.toString()).lang("en").fetchedAt(Instant.EPOCH).build();
    }

    private static long best(ArticlePipeline pipeline, Article a) {
        long[] runs = new long[5];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = analyse(pipeline, a);
        }
        return Arrays.stream(runs).min().orElseThrow();
    }

    private static long analyse(ArticlePipeline pipeline, Article a) {
        long start = System.nanoTime();
        pipeline.analyze(a);
        return System.nanoTime() - start;
    }
}
