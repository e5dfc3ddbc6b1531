package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.model.RuleHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The five reference articles the watchlist was designed from (in the shared corpus, {@code corpus/seeds/},
 * outside the project) must all fire {@code drone-training}. Prints which other rules fire on each.
 * Skips when the corpus is absent. Sibling of {@link RulePackEvaluationTest}, which runs on the project's
 * own invented articles.
 */
class SeedRulesIT {

    @Test
    void shouldFireDroneTrainingOnEverySeedArticle() throws Exception {
        String shared = System.getProperty("newswatch.shared");
        Path seeds = shared == null ? null : Path.of(shared, "corpus", "seeds");
        assumeTrue(seeds != null && Files.isDirectory(seeds),
                "shared corpus not found (system property newswatch.shared=" + shared + "); seed articles not checked");
        List<Path> files;
        try (Stream<Path> s = Files.list(seeds)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSize(5);

        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher()) {
            matcher.register(RuleFiles.loadDefault());
            StringBuilder report = new StringBuilder("\nrules fired on the seed articles:\n");
            for (Path f : files) {
                MatchOutcome outcome = matcher.match(TextArticles.read(f, "en"));
                List<String> ids = outcome.hits().stream().map(RuleHit::id).toList();
                report.append(f.getFileName()).append(": ").append(ids).append('\n');
                assertThat(outcome.errors()).as(f.getFileName().toString()).isEmpty();
                assertThat(ids).as(f.getFileName().toString()).contains("drone-training");
            }
            System.out.println(report);
        }
    }
}
