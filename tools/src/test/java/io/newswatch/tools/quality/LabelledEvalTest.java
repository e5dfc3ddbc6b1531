package io.newswatch.tools.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledEvalTest {
    private static final String LABELS = """
            {"articles": {
               "a": {"drone-training": true,  "cartel-recruitment": false, "lang": "en", "story": "S1"},
               "a-copy": {"drone-training": true, "cartel-recruitment": false, "lang": "en", "story": "S1"},
               "a-es": {"drone-training": true, "lang": "es", "story": "S1"},
               "b": {"drone-training": false, "cartel-recruitment": true, "lang": "pt", "story": "S2"},
               "c": {"drone-training": false, "cartel-recruitment": false, "lang": "ru", "story": "S3"}},
             "duplicates": [["a-copy", "a"]],
             "same_story": [["a-es", "a"]],
             "different_story": [["b", "a"], ["c", "b"]]}
            """;

    @TempDir
    Path dir;

    private Labels labels() throws IOException {
        Path f = dir.resolve("labels.json");
        Files.writeString(f, LABELS);
        return Labels.read(f);
    }

    private static LabelledEval.Outcome out(Set<String> rules, String duplicateOf, String story) {
        return new LabelledEval.Outcome(rules, duplicateOf, story);
    }

    @Test
    void shouldCountEachRuleOnlyOnTheArticlesThatLabelIt() throws IOException {
        var report = LabelledEval.score(labels(), Map.of(
                "a", out(Set.of("drone-training"), null, "s1"),
                "a-copy", out(Set.of("drone-training"), "a", "s1"),
                "a-es", out(Set.of("cartel-recruitment"), null, "s1"),
                "b", out(Set.of("drone-training"), null, "s2"),
                "c", out(Set.of(), null, "s3")));

        assertThat(report.rules()).containsExactly(
                new LabelledEval.RuleScore("cartel-recruitment", 0, 0, 1),
                new LabelledEval.RuleScore("drone-training", 2, 1, 1));
        assertThat(report.rules().get(1).precision()).isEqualTo(2 / 3.0);
        assertThat(report.rules().get(1).recall()).isEqualTo(2 / 3.0);
        assertThat(report.rules().get(0).recall()).isZero();
        assertThat(report.rules().get(0).precision()).isEqualTo(1.0);
    }

    @Test
    void shouldFindCopiesAndCountWrongClaimsAsFalseDuplicates() throws IOException {
        var report = LabelledEval.score(labels(), Map.of(
                "a", out(Set.of(), null, "s1"),
                "a-copy", out(Set.of(), "a", "s1"),
                "a-es", out(Set.of(), "a", "s1"),
                "b", out(Set.of(), null, "s2"),
                "c", out(Set.of(), "b", "s2")));

        assertThat(report.duplicatesFound()).isEqualTo(1);
        assertThat(report.duplicateRecall()).isEqualTo(1.0);
        assertThat(report.duplicatesClaimed()).isEqualTo(3);
        assertThat(report.falseDuplicates()).isEqualTo(2);
        assertThat(report.details()).contains("false copy   a-es said to copy a", "false copy   c said to copy b");
    }

    @Test
    void shouldCountJoinsFalseJoinsAndUnlistedMerges() throws IOException {
        var report = LabelledEval.score(labels(), Map.of(
                "a", out(Set.of(), null, "s1"),
                "a-copy", out(Set.of(), "a", "s1"),
                "a-es", out(Set.of(), null, "s9"),
                "b", out(Set.of(), null, "s1"),
                "c", out(Set.of(), null, "s9")));

        assertThat(report.sameStoryJoined()).isZero();
        assertThat(report.falseJoins()).isEqualTo(1);
        assertThat(report.falseJoinRate()).isEqualTo(0.5);
        // a/b and a-copy/b (listed or not), a-es/c.
        assertThat(report.mergedPairs()).isEqualTo(3);
    }

    @Test
    void shouldFailEveryThresholdNotMetAndPassWithoutThresholds() throws IOException {
        var report = LabelledEval.score(labels(), Map.of(
                "a", out(Set.of(), null, "s1"),
                "a-copy", out(Set.of(), null, "s1"),
                "a-es", out(Set.of("drone-training"), null, "s1"),
                "b", out(Set.of("cartel-recruitment"), null, "s1"),
                "c", out(Set.of(), null, "s3")));

        assertThat(report.failures(LabelledEval.Thresholds.none())).isEmpty();
        assertThat(report.failures(new LabelledEval.Thresholds(0.9, 0.9, 0.9, 0, 0.1))).containsExactly(
                "drone-training: recall 0.33 < 0.90", "duplicates found 0.00 < 0.90", "false story joins 0.50 > 0.10");
        assertThat(report.render()).contains("drone-training", "duplicates: found 0 of 1", "false joins 1 of 2 (0.50)");
    }

    @Test
    void shouldRejectAnArticleWithoutOutcome() throws IOException {
        Labels labels = labels();
        assertThatThrownBy(() -> LabelledEval.score(labels, Map.of("a", out(Set.of(), null, "s1"))))
                .hasMessageContaining("no article a-copy");
    }

    @Test
    void shouldRejectLabelsThatNameUnknownArticlesOrNonBooleanRules() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"articles\": {\"a\": {\"story\": \"S1\"}}, \"duplicates\": [[\"x\", \"a\"]]}");
        assertThatThrownBy(() -> Labels.read(f)).hasMessageContaining("duplicates names x, which is not under \"articles\"");
        Files.writeString(f, "{\"articles\": {\"a\": {\"drone-training\": \"yes\"}}}");
        assertThatThrownBy(() -> Labels.read(f)).hasMessageContaining("articles.a.drone-training must be true or false");
        Files.writeString(f, "{\"articles\": {\"a\": {}}, \"same\": []}");
        assertThatThrownBy(() -> Labels.read(f)).hasMessageContaining("unknown key \"same\"");
        Files.writeString(f, "{\"articles\": {\"a\": {}, \"b\": {}}, \"same_story\": [[\"a\"]]}");
        assertThatThrownBy(() -> Labels.read(f)).hasMessageContaining("same_story[0] must be a pair");
    }

    @Test
    void shouldReadTheLabelledRulesAndStories() throws IOException {
        Labels labels = labels();
        assertThat(labels.ruleIds()).containsExactly("cartel-recruitment", "drone-training");
        assertThat(labels.articles().get("a-es").rules()).isEqualTo(Map.of("drone-training", true));
        assertThat(labels.articles().get("c").lang()).isEqualTo("ru");
        assertThat(labels.differentStory()).containsExactly(new Labels.Pair("b", "a"), new Labels.Pair("c", "b"));
        assertThat(labels.duplicates()).isEqualTo(List.of(new Labels.Pair("a-copy", "a")));
    }
}
