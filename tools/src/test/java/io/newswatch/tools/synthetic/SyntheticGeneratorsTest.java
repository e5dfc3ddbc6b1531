package io.newswatch.tools.synthetic;

import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.MatchInput;
import io.newswatch.processor.rules.MatchOutcome;
import io.newswatch.processor.rules.RuleFiles;
import io.newswatch.processor.rules.WatchRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RuleGenerator} and {@link SyntheticArticles} are reused by other benchmarks: they must stay deterministic and valid. */
class SyntheticGeneratorsTest {

    @Test
    void shouldGenerateTheSameRulesForTheSameSeed() {
        assertThat(RuleGenerator.generate(200, 3)).isEqualTo(RuleGenerator.generate(200, 3));
        assertThat(RuleGenerator.generate(200, 3)).isNotEqualTo(RuleGenerator.generate(200, 4));
    }

    @Test
    void shouldGenerateRulesThatAllCompileAndVaryInShape() throws Exception {
        List<WatchRule> rules = RuleGenerator.generate(1_000, 1);

        RuleFiles.validate(rules);
        assertThat(rules).extracting(WatchRule::id).doesNotHaveDuplicates().startsWith("gen-00000");
        assertThat(rules).anySatisfy(r -> assertThat(r.query()).startsWith("NEAR/"))
                .anySatisfy(r -> assertThat(r.query()).startsWith("ONEAR/"))
                .anySatisfy(r -> assertThat(r.query()).contains("AND NOT"))
                .anySatisfy(r -> assertThat(r.query()).startsWith("title:"))
                .anySatisfy(r -> assertThat(r.query()).contains("\"").contains("~"))
                .anySatisfy(r -> assertThat(r.query()).contains("*"))
                .anySatisfy(r -> assertThat(r.languages()).isEmpty())
                .anySatisfy(r -> assertThat(r.languages()).containsExactly("uk"));
    }

    @Test
    void shouldGenerateTheSameArticlesOfAboutSevenHundredWords() {
        List<MatchInput> articles = SyntheticArticles.articles(50, 9);

        assertThat(articles).isEqualTo(SyntheticArticles.articles(50, 9));
        assertThat(articles).allSatisfy(a -> {
            assertThat(a.title()).isNotBlank();
            assertThat(a.text().split("\\s+").length).isBetween(680, 760);
        });
        assertThat(articles).extracting(MatchInput::lang).contains("en", "es", "pt", "uk", "ru", null);
    }

    @Test
    void shouldMatchGeneratedArticlesAtARealisticRate() throws Exception {
        List<MatchInput> articles = SyntheticArticles.articles(100, 2);
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher()) {
            matcher.register(RuleGenerator.generate(1_000, 2));
            int hits = 0;
            int matched = 0;
            for (MatchInput a : articles) {
                MatchOutcome o = matcher.match(a);
                assertThat(o.errors()).isEmpty();
                hits += o.hits().size();
                matched += o.hits().isEmpty() ? 0 : 1;
            }
            System.out.println("1,000 generated rules on 100 articles: " + hits + " hits, " + matched + " articles matched");
            assertThat(matched).isBetween(20, 100);
            assertThat(hits / 100.0).isBetween(0.3, 30.0);
        }
    }

    /** Presearch only skips rules that cannot match: wildcard prefixes included, nothing may be lost. */
    @Test
    void shouldFindExactlyWhatMatchingEveryRuleFinds() throws Exception {
        List<WatchRule> rules = RuleGenerator.generate(1_000, 5);
        List<MatchInput> articles = SyntheticArticles.articles(150, 5);
        List<List<String>> reference = run(LuceneRuleMatcher.Presearch.NONE, rules, articles);

        assertThat(run(LuceneRuleMatcher.Presearch.TERM_FILTERED, rules, articles)).isEqualTo(reference);
        assertThat(run(LuceneRuleMatcher.Presearch.MULTIPASS, rules, articles)).isEqualTo(reference);
        assertThat(reference.stream().mapToInt(List::size).sum()).isGreaterThan(100);
    }

    private static List<List<String>> run(LuceneRuleMatcher.Presearch presearch, List<WatchRule> rules, List<MatchInput> articles)
            throws Exception {
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher(presearch)) {
            matcher.register(rules);
            return articles.stream().map(a -> matcher.match(a).hits().stream()
                    .map(h -> h.id() + " " + h.score() + " " + h.snippets()).toList()).toList();
        }
    }
}
