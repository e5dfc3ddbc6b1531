package io.newswatch.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.config.ConfigException;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import io.newswatch.model.topic.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's comparison, precision, per-day counts, determinism and HTML, and the --fail-if conditions and exit code. */
class ReplayReportTest {
    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-03-03T00:00:00Z");

    @TempDir
    Path dir;

    static Alert alert(String story, String rule, String article, String severity, Instant raised) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.idFor(story, rule), story, rule, "v1", severity, article, "Title of " + article,
                "https://news.example/" + article, "Wire", "en", null, List.of(new Snippet("text", 0, 10, "snippet of " + article, List.of())),
                List.of(), raised, 1, raised, null, null, 1);
    }

    static Match match(String story, String rule, String article, String duplicateOf, Instant at) {
        Article a = Article.builder("https://news.example/" + article).id(article).title("t").text("x").fetchedAt(at).build();
        return new Match(Match.SCHEMA_VERSION, a, List.of(new RuleHit(rule, "v1", 1, "high", List.of())), List.of(), duplicateOf, story, null, at);
    }

    final Instant day1 = FROM.plus(Duration.ofHours(5));
    final Instant day2 = FROM.plus(Duration.ofHours(30));
    final Alert kept = alert("s1", "drone-training", "a1", "high", day1);
    final Alert gone = alert("s2", "cartel-recruitment", "a2", "medium", day1);
    final Alert before = alert("s3", "drone-training", "a3", "high", day2);
    final Alert after = alert("s3", "drone-training", "a4", "high", day2);
    final Alert fresh = alert("s4", "harbour", "a5", "low", day2);

    Replay.Outcome outcome(List<Alert> baseline, List<Alert> candidate, Map<String, String> feedback, Duration took) {
        List<Match> baseMatches = List.of(match("s1", "drone-training", "a1", null, day1), match("s1", "drone-training", "a1b", "a1", day1),
                match("s2", "cartel-recruitment", "a2", null, day1), match("s3", "drone-training", "a3", null, day2));
        List<Match> candMatches = List.of(match("s1", "drone-training", "a1", null, day1), match("s1", "drone-training", "a1b", "a1", day1),
                match("s3", "drone-training", "a4", null, day2), match("s4", "harbour", "a5", null, day2));
        return new Replay.Outcome(40, baseline, candidate, baseMatches, candMatches, feedback, took);
    }

    Replay.Outcome standard(Duration took) {
        return outcome(List.of(kept, gone, before), List.of(kept, after, fresh),
                Map.of(kept.alertId(), Feedback.RELEVANT, gone.alertId(), Feedback.FALSE_POSITIVE, fresh.alertId(), Feedback.FALSE_POSITIVE),
                took);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> json, String key) {
        return ((List<Map<String, Object>>) json.get(key)).stream().map(m -> (String) m.get("alertId")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListExactlyWhatIsUnchangedAddedRemovedAndChanged() {
        Map<String, Object> json = ReplayReport.of(standard(Duration.ofSeconds(4)), FROM, TO).json();

        assertThat(ids(json, "unchanged")).containsExactly(kept.alertId());
        assertThat(ids(json, "added")).containsExactly(fresh.alertId());
        assertThat(ids(json, "removed")).containsExactly(gone.alertId());
        assertThat(ids(json, "changed")).containsExactly(after.alertId());
        Map<String, Object> changed = ((List<Map<String, Object>>) json.get("changed")).get(0);
        assertThat(((Map<String, Object>) changed.get("before")).get("article")).isEqualTo("a3");
        assertThat(((Map<String, Object>) changed.get("after")).get("article")).isEqualTo("a4");
        Map<String, Object> added = ((List<Map<String, Object>>) json.get("added")).get(0);
        assertThat(added).containsEntry("rule", "harbour").containsEntry("story", "s4").containsEntry("title", "Title of a5")
                .containsEntry("url", "https://news.example/a5").containsEntry("snippet", "snippet of a5");
        assertThat(json.get("baseline")).isEqualTo(Map.of("cartel-recruitment", 1, "drone-training", 2));
        assertThat(json.get("candidate")).isEqualTo(Map.of("drone-training", 2, "harbour", 1));
        assertThat(json.get("articles")).isEqualTo(40);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldScorePrecisionOnTheAlertsTheDeskJudged() {
        ReplayReport report = ReplayReport.of(standard(Duration.ofSeconds(4)), FROM, TO);

        Map<String, Object> p = (Map<String, Object>) report.json().get("precision");
        // production: a1 relevant, a2 false positive -> 0.5; candidate: a1 relevant, a5 false positive -> 0.5
        assertThat((Map<String, Object>) p.get("before")).containsEntry("relevant", 1).containsEntry("falsePositive", 1).containsEntry("precision", 0.5);
        assertThat((Map<String, Object>) p.get("after")).containsEntry("relevant", 1).containsEntry("falsePositive", 1).containsEntry("precision", 0.5);
        assertThat(report.precisionDrop()).isZero();
        assertThat(report.volumeRise()).isEqualTo(1.0);

        ReplayReport worse = ReplayReport.of(outcome(List.of(kept), List.of(kept, gone, fresh), standard(Duration.ZERO).feedback(),
                Duration.ofSeconds(1)), FROM, TO);
        assertThat(worse.precisionDrop()).isCloseTo(1 - 1 / 3.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(worse.volumeRise()).isEqualTo(3.0);
        ReplayReport noFeedback = ReplayReport.of(outcome(List.of(kept), List.of(), Map.of(), Duration.ofSeconds(1)), FROM, TO);
        assertThat(((Map<String, Object>) ((Map<String, Object>) noFeedback.json().get("precision")).get("after")).get("precision")).isNull();
        assertThat(noFeedback.precisionDrop()).isZero();
        assertThat(ReplayReport.of(outcome(List.of(), List.of(kept), Map.of(), Duration.ZERO), FROM, TO).volumeRise()).isInfinite();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountAlertsStoriesAndDuplicatesPerRuleAndDay() {
        Map<String, Object> perDay = (Map<String, Object>) ReplayReport.of(standard(Duration.ofSeconds(4)), FROM, TO).json().get("perDay");

        Map<String, Object> drone = (Map<String, Object>) perDay.get("drone-training");
        assertThat(drone).containsOnlyKeys("2026-03-01", "2026-03-02");
        Map<String, Object> first = (Map<String, Object>) drone.get("2026-03-01");
        assertThat(first.get("baseline")).isEqualTo(Map.of("alerts", 1, "stories", 1, "duplicates", 1));
        assertThat(first.get("candidate")).isEqualTo(Map.of("alerts", 1, "stories", 1, "duplicates", 1));
        Map<String, Object> harbour = (Map<String, Object>) ((Map<String, Object>) perDay.get("harbour")).get("2026-03-02");
        assertThat(harbour.get("baseline")).isEqualTo(Map.of("alerts", 0, "stories", 0, "duplicates", 0));
        assertThat(harbour.get("candidate")).isEqualTo(Map.of("alerts", 1, "stories", 1, "duplicates", 0));
    }

    @Test
    void shouldWriteTheSameReportWhateverTheInputOrderApartFromTiming() throws Exception {
        Replay.Outcome one = standard(Duration.ofSeconds(4));
        List<Alert> base = new ArrayList<>(one.baseline());
        List<Alert> cand = new ArrayList<>(one.candidate());
        Collections.reverse(base);
        Collections.reverse(cand);
        Replay.Outcome two = new Replay.Outcome(one.articles(), base, cand, one.baselineMatches(), one.candidateMatches(), one.feedback(),
                Duration.ofSeconds(9));

        ReplayReport.of(one, FROM, TO).write(dir.resolve("one"));
        ReplayReport.of(two, FROM, TO).write(dir.resolve("two"));

        String a = Files.readString(dir.resolve("one/report.json"));
        String b = Files.readString(dir.resolve("two/report.json"));
        assertThat(a).isNotEqualTo(b);
        assertThat(b.substring(0, b.indexOf("\"timing\""))).isEqualTo(a.substring(0, a.indexOf("\"timing\"")));
        assertThat(Json.mapper().readTree(a).get("timing").get("seconds").asDouble()).isEqualTo(4.0);
        assertThat(Files.readString(dir.resolve("two/report.html"))).isEqualTo(Files.readString(dir.resolve("one/report.html")));
    }

    @Test
    void shouldRenderASelfContainedPageWithEscapedText() {
        Alert hostile = alert("s9", "harbour", "<script>alert(1)</script>", "low", day1);
        String html = ReportHtml.render(ReplayReport.of(outcome(List.of(kept), List.of(kept, hostile), Map.of(), Duration.ofSeconds(1)), FROM, TO).json());

        assertThat(html).startsWith("<!doctype html>").contains("<svg", "harbour", "drone-training", "1 added")
                .contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http://cdn");
    }

    @Test
    void shouldParseFailIfConditionsAndRefuseWhatItCannotRead() {
        assertThat(ReplayCommand.Condition.parseAll(" precision_drop>0.05, volume_rise > 2 ")).containsExactly(
                new ReplayCommand.Condition("precision_drop", 0.05), new ReplayCommand.Condition("volume_rise", 2.0));
        assertThat(ReplayCommand.Condition.parseAll(null)).isEmpty();
        assertThat(ReplayCommand.Condition.parseAll("  ")).isEmpty();
        assertThatThrownBy(() -> ReplayCommand.Condition.parseAll("recall_drop>0.1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'recall_drop>0.1' is not precision_drop>NUMBER or volume_rise>NUMBER");
        assertThatThrownBy(() -> ReplayCommand.Condition.parseAll("volume_rise<2")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ReplayCommand.Condition.parseAll("volume_rise>lots")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'lots' in 'volume_rise>lots' is not a number");
    }

    @Test
    void shouldExitThreeWhenAConditionHolds() {
        ReplayReport tripled = ReplayReport.of(outcome(List.of(kept), List.of(kept, gone, fresh), standard(Duration.ZERO).feedback(),
                Duration.ofSeconds(1)), FROM, TO);
        var conditions = ReplayCommand.Condition.parseAll("precision_drop>0.05,volume_rise>2.0");

        List<String> failures = ReplayCommand.failures(conditions, tripled);
        assertThat(failures).containsExactly("precision_drop 0.6667 > 0.05", "volume_rise 3.0000 > 2.0");
        assertThat(ReplayCommand.exitCode(failures)).isEqualTo(3).isEqualTo(ReplayCommand.FAILED_CONDITION);
        List<String> none = ReplayCommand.failures(ReplayCommand.Condition.parseAll("volume_rise>3.0"), tripled);
        assertThat(none).isEmpty();
        assertThat(ReplayCommand.exitCode(none)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportTheNoticesOfPreviewedPoliciesFromAPoliciesFile() throws Exception {
        Path file = Files.writeString(dir.resolve("policies.yaml"), """
                alerts:
                  policies:
                    - id: drones-to-slack
                      rules: [drone-training]
                      channels: [desk-slack]
                      throttle: {max: 1, window: 1d}
                """);
        io.newswatch.config.Config production = io.newswatch.config.Config.load(null, Map.of(), io.newswatch.app.AllKeys.all())
                .with(io.newswatch.alerts.AlertsConfig.CHANNELS, List.of(Map.<String, Object>of("id", "desk-slack", "type", "log")), "test");
        ReplayCommand.PolicySet set = ReplayCommand.PolicySet.load(file, production);
        Replay.Outcome o = standard(Duration.ofSeconds(4));

        ReplayReport report = ReplayReport.of(o, FROM, TO, io.newswatch.alerts.delivery.PolicyPreview.of(set.policies(), set.channels(), o.candidate()));

        Map<String, Object> notices = (Map<String, Object>) report.json().get("notices");
        Map<String, Object> slack = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) notices.get("policies"))
                .get("drones-to-slack")).get("desk-slack");
        // one a day: the two drone alerts fall on two days
        assertThat(slack.get("sent")).isEqualTo(List.of(kept.alertId(), after.alertId()));
        assertThat(slack.get("digests")).isEqualTo(Map.of());
        assertThat(notices.get("unrouted")).isEqualTo(List.of(fresh.alertId()));
        assertThat(ReportHtml.render(report.json())).contains("Notices the policies would have sent", "drones-to-slack", "desk-slack");
        assertThat(ReplayReport.of(o, FROM, TO).json()).doesNotContainKey("notices");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "alerts:\n  policies:\n    - {id: p, channels: [nowhere]}\n");
        assertThatThrownBy(() -> ReplayCommand.PolicySet.load(bad, production)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no channel with id 'nowhere'");
        assertThatThrownBy(() -> ReplayCommand.PolicySet.load(dir.resolve("missing.yaml"), production)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--policies: no file");
    }
}
