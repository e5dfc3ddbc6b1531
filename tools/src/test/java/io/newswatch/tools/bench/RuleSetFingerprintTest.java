package io.newswatch.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.MatchInput;
import io.newswatch.processor.rules.MatchOutcome;
import io.newswatch.processor.rules.WatchRule;
import io.newswatch.tools.synthetic.RuleGenerator;
import io.newswatch.tools.synthetic.SyntheticArticles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The realistic rule set keeps the selectivity docs/benchmarks.md documents, on articles made independently of it. */
class RuleSetFingerprintTest {

    @Test
    void shouldGenerateRealisticRulesAsSelectiveAsDocumented() throws Exception {
        List<WatchRule> rules = RuleGenerator.realistic(2_000, RuleMatcherBenchmark.RULE_SEED);
        List<MatchInput> articles = SyntheticArticles.news(1_000, RuleMatcherBenchmark.ARTICLE_SEED);
        List<MatchOutcome> outcomes = new ArrayList<>();
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher()) {
            matcher.register(rules);
            articles.forEach(a -> outcomes.add(matcher.match(a)));
        }

        RuleSetFingerprint f = RuleSetFingerprint.of(rules, outcomes);

        assertThat(f.meanRate()).isBetween(0.0005, 0.002);
        assertThat(f.zeroShare()).isGreaterThanOrEqualTo(0.5);
        assertThat(f.top1Rate()).isGreaterThanOrEqualTo(0.02);
        assertThat(f.shapes()).hasSize(RuleGenerator.Shape.values().length);
    }

    @Test
    void shouldCountRulesThatMatchNothing() {
        List<WatchRule> rules = RuleGenerator.realistic(4, 1);
        RuleSetFingerprint f = RuleSetFingerprint.of(rules, List.of(new MatchOutcome(List.of(), java.util.Map.of())));

        assertThat(f.zeroShare()).isEqualTo(1.0);
        assertThat(f.meanRate()).isZero();
        assertThat(f.hitsPerArticle()).isZero();
    }
}
