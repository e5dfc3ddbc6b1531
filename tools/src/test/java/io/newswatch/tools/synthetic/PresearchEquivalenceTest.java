package io.newswatch.tools.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.RuleHit;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.MatchInput;
import io.newswatch.processor.rules.MatchOutcome;
import io.newswatch.processor.rules.WatchRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presearch may only skip rules that cannot match: on realistic desk rules of every shape and 500 news articles,
 * each presearcher finds exactly the hits (ids, scores, snippets) of running every rule on every article.
 */
class PresearchEquivalenceTest {

    private static final int ARTICLES = 500;
    private static List<WatchRule> rules;
    private static List<MatchInput> articles;
    private static List<List<String>> reference;

    @BeforeAll
    static void matchEveryRuleOnEveryArticle() throws Exception {
        rules = RuleGenerator.realistic(1_500, 21);
        articles = SyntheticArticles.news(ARTICLES, 22);
        reference = run(LuceneRuleMatcher.Presearch.NONE);
    }

    @Test
    void shouldHaveHitsOfEveryRuleShapeToCompare() {
        Map<String, RuleGenerator.Shape> shapeById = new HashMap<>();
        rules.forEach(r -> shapeById.put(r.id(), RuleGenerator.shapeOf(r)));
        Map<RuleGenerator.Shape, Integer> hitsByShape = new EnumMap<>(RuleGenerator.Shape.class);
        for (List<String> hits : reference) {
            for (String h : hits) {
                hitsByShape.merge(shapeById.get(h.substring(0, h.indexOf(' '))), 1, Integer::sum);
            }
        }

        assertThat(hitsByShape.keySet()).containsExactlyInAnyOrder(RuleGenerator.Shape.values());
        assertThat(hitsByShape.values()).allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void shouldFindWithTwoPassPresearchExactlyWhatMatchingEveryRuleFinds() throws Exception {
        assertThat(run(LuceneRuleMatcher.Presearch.MULTIPASS)).isEqualTo(reference);
    }

    @Test
    void shouldFindWithOnePassPresearchExactlyWhatMatchingEveryRuleFinds() throws Exception {
        assertThat(run(LuceneRuleMatcher.Presearch.TERM_FILTERED)).isEqualTo(reference);
    }

    @Test
    void shouldFindWithLucenesDefaultsExactlyWhatMatchingEveryRuleFinds() throws Exception {
        assertThat(run(LuceneRuleMatcher.Presearch.LUCENE_DEFAULT)).isEqualTo(reference);
    }

    private static List<List<String>> run(LuceneRuleMatcher.Presearch presearch) throws Exception {
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher(presearch)) {
            matcher.register(rules);
            List<List<String>> out = new ArrayList<>();
            for (MatchInput a : articles) {
                MatchOutcome o = matcher.match(a);
                assertThat(o.errors()).as("errors on %s with %s", a.id(), presearch).isEmpty();
                List<String> hits = new ArrayList<>();
                for (RuleHit h : o.hits()) {
                    hits.add(h.id() + " " + h.version() + " " + h.score() + " " + h.snippets());
                }
                out.add(hits);
            }
            return out;
        }
    }
}
