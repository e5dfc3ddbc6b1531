package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the default rule pack over a folder of labelled articles ({@code articles/} and {@code labels.yaml}
 * under one test resource folder) and checks precision and recall per rule. Prints the table, and every miss
 * and false alarm with the snippets that caused it, so a rule change can be judged from the test output.
 *
 * <p>One subclass per folder: {@link RulePackEvaluationTest} for the articles the rules were tuned on,
 * {@link RulePackHeldoutTest} for articles written independently of the rules, whose figures are the honest
 * ones. Both must pass the same thresholds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RulePackEvaluation {

    private static final double MIN_PRECISION = 0.9;
    private static final double MIN_RECALL = 0.9;
    private static final int MIN_POSITIVES_PER_RULE = 6;
    private static final int MIN_NEGATIVES = 10;

    private final String folder;
    private final Map<String, Set<String>> expected = new TreeMap<>();
    private final Map<String, List<RuleHit>> actual = new TreeMap<>();
    private final Map<String, MatchInput> inputs = new TreeMap<>();
    private List<String> ruleIds;

    /** @param folder test resource folder holding {@code labels.yaml} and {@code articles/} */
    RulePackEvaluation(String folder) {
        this.folder = folder;
    }

    @BeforeAll
    void matchAll() throws Exception {
        Path root = Path.of(getClass().getResource("/" + folder + "/labels.yaml").toURI()).getParent();
        JsonNode labels = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("labels.yaml").toFile()).get("labels");
        labels.fields().forEachRemaining(e -> {
            Set<String> ids = new TreeSet<>();
            e.getValue().forEach(n -> ids.add(n.asText()));
            expected.put(e.getKey(), ids);
        });
        List<WatchRule> rules = RuleFiles.loadDefault();
        ruleIds = rules.stream().map(WatchRule::id).toList();
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher(); Stream<Path> files = Files.list(root.resolve("articles"))) {
            matcher.register(rules);
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                MatchInput input = TextArticles.read(f, name.substring(0, 2));
                inputs.put(name, input);
                MatchOutcome outcome = matcher.match(input);
                assertThat(outcome.errors()).as(name).isEmpty();
                actual.put(name, outcome.hits());
            }
        }
    }

    @Test
    void shouldLabelEveryArticleAndNothingElse() {
        assertThat(expected.keySet()).containsExactlyElementsOf(actual.keySet());
        assertThat(expected.values()).allSatisfy(ids -> assertThat(ruleIds).containsAll(ids));
    }

    @Test
    void shouldHaveEnoughPositivesPerRuleAndHardNegatives() {
        for (String rule : ruleIds) {
            long positives = expected.values().stream().filter(s -> s.contains(rule)).count();
            assertThat(positives).as(folder + ": positives for " + rule).isGreaterThanOrEqualTo(MIN_POSITIVES_PER_RULE);
        }
        assertThat(expected.values().stream().filter(Set::isEmpty).count())
                .as(folder + ": hard negatives").isGreaterThanOrEqualTo(MIN_NEGATIVES);
        assertThat(inputs.keySet().stream().map(n -> n.substring(0, 2)).distinct())
                .containsExactlyInAnyOrder("en", "es", "pt", "uk", "ru");
    }

    @Test
    void shouldReachPrecisionAndRecallForEveryRule() {
        Map<String, double[]> scores = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder("\n" + folder + ":\nrule                   TP  FP  FN  precision  recall\n");
        List<String> details = new ArrayList<>();
        for (String rule : ruleIds) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (String article : expected.keySet()) {
                boolean want = expected.get(article).contains(rule);
                RuleHit hit = actual.get(article).stream().filter(h -> h.id().equals(rule)).findFirst().orElse(null);
                if (want && hit != null) {
                    tp++;
                } else if (hit != null) {
                    fp++;
                    details.add("FALSE ALARM " + rule + " on " + article + ": " + snippets(hit));
                } else if (want) {
                    fn++;
                    details.add("MISSED      " + rule + " on " + article);
                }
            }
            double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            double recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
            scores.put(rule, new double[] {precision, recall});
            report.append(String.format(Locale.ROOT, "%-22s %3d %3d %3d  %9.2f  %6.2f%n", rule, tp, fp, fn, precision, recall));
        }
        details.forEach(d -> report.append(d).append('\n'));
        System.out.println(report);
        assertThat(scores).allSatisfy((rule, pr) -> {
            assertThat(pr[0]).as(folder + ": precision of " + rule).isGreaterThanOrEqualTo(MIN_PRECISION);
            assertThat(pr[1]).as(folder + ": recall of " + rule).isGreaterThanOrEqualTo(MIN_RECALL);
        });
    }

    private static String snippets(RuleHit hit) {
        return hit.snippets().stream().map(Snippet::text).toList().toString();
    }
}
