package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import java.net.URISyntaxException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the default rule pack over a folder of invented, labelled articles and checks precision and recall per
 * rule against its {@code labels.yaml}. Prints the table, and every miss and false alarm with the snippets that
 * caused it, so a rule change can be judged from the test output. Subclasses name the folder and the bars.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class RulePackEvaluation {

    private final String resource;
    private final double minPrecision;
    private final double minRecall;

    private final Map<String, Set<String>> expected = new TreeMap<>();
    private final Map<String, List<RuleHit>> actual = new TreeMap<>();
    private final Map<String, MatchInput> inputs = new TreeMap<>();
    private List<String> ruleIds;

    /**
     * @param resource     classpath folder holding {@code labels.yaml} and {@code articles/}
     * @param minPrecision lowest precision accepted for any rule
     * @param minRecall    lowest recall accepted for any rule
     */
    RulePackEvaluation(String resource, double minPrecision, double minRecall) {
        this.resource = resource;
        this.minPrecision = minPrecision;
        this.minRecall = minRecall;
    }

    @BeforeAll
    void matchAll() throws Exception {
        Path root = Path.of(RulePackEvaluation.class.getResource(resource + "/labels.yaml").toURI()).getParent();
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

    @AfterAll
    void clear() {
        expected.clear();
        actual.clear();
        inputs.clear();
    }

    @Test
    void shouldLabelEveryArticleAndNothingElse() throws URISyntaxException {
        assertThat(expected.keySet()).containsExactlyElementsOf(actual.keySet());
        assertThat(expected.values()).allSatisfy(ids -> assertThat(ruleIds).containsAll(ids));
    }

    @Test
    void shouldHaveEnoughPositivesPerRuleAndHardNegatives() {
        for (String rule : ruleIds) {
            long positives = expected.values().stream().filter(s -> s.contains(rule)).count();
            assertThat(positives).as("positives for " + rule).isGreaterThanOrEqualTo(6);
        }
        assertThat(expected.values().stream().filter(Set::isEmpty).count()).as("hard negatives").isGreaterThanOrEqualTo(10);
        assertThat(inputs.keySet().stream().map(n -> n.substring(0, 2)).distinct())
                .containsExactlyInAnyOrder("en", "es", "pt", "uk", "ru");
    }

    @Test
    void shouldReachPrecisionAndRecallForEveryRule() {
        Map<String, double[]> scores = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder("\n" + resource + "\nrule                   TP  FP  FN  precision  recall\n");
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
            assertThat(pr[0]).as("precision of " + rule).isGreaterThanOrEqualTo(minPrecision);
            assertThat(pr[1]).as("recall of " + rule).isGreaterThanOrEqualTo(minRecall);
        });
    }

    static String snippets(RuleHit hit) {
        return hit.snippets().stream().map(Snippet::text).toList().toString();
    }
}
