package io.newswatch.app.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newswatch.model.Alert;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.topic.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The comparison of a replay with production over one window, as {@code report.json} and {@code report.html}.
 *
 * <p>Keys of {@code report.json}: {@code window}; {@code articles} (replayed in the window); {@code baseline} and
 * {@code candidate} (alerts per rule); {@code unchanged}, {@code added}, {@code removed} (alerts, each with alert id,
 * rule, story, article, title, url, snippet); {@code changed} (the same story and rule, but another article or
 * severity: {@code before} and {@code after}); {@code precision} (over the alerts the desk gave feedback on:
 * acknowledged = relevant, false positive = not, {@code before} and {@code after}); {@code perDay} (per rule and UTC day,
 * alerts, stories and duplicates on each side); with {@code --policies}, {@code notices} (per policy and channel, the
 * candidate's alerts it would have sent one by one and those it would have rolled into each digest, the alerts no
 * policy routes and the shadow rules' alerts); and {@code timing}. Everything but {@code timing} is a function of the
 * input: lists are sorted, maps ordered by key, so two replays of one window write the same bytes. Immutable.
 */
public final class ReplayReport {
    private final Map<String, Object> json;
    private final double precisionDrop;
    private final double volumeRise;

    private ReplayReport(Map<String, Object> json, double precisionDrop, double volumeRise) {
        this.json = json;
        this.precisionDrop = precisionDrop;
        this.volumeRise = volumeRise;
    }

    /** The report of {@code outcome} over {@code [from, to)}. */
    public static ReplayReport of(Replay.Outcome outcome, Instant from, Instant to) {
        return of(outcome, from, to, null);
    }

    /**
     * The report of {@code outcome} over {@code [from, to)}, with the notices the previewed policies would have sent for
     * the candidate's alerts ({@code notices}, see {@code PolicyPreview}), or none when {@code notices} is null.
     */
    public static ReplayReport of(Replay.Outcome outcome, Instant from, Instant to, Map<String, Object> notices) {
        outcome = new Replay.Outcome(outcome.articles(), outcome.baseline().stream().sorted(order()).toList(),
                outcome.candidate().stream().sorted(order()).toList(), outcome.baselineMatches(), outcome.candidateMatches(), outcome.feedback(),
                outcome.took());
        Map<String, Alert> before = byId(outcome.baseline());
        Map<String, Alert> after = byId(outcome.candidate());
        List<Object> unchanged = new ArrayList<>();
        List<Object> added = new ArrayList<>();
        List<Object> removed = new ArrayList<>();
        List<Object> changed = new ArrayList<>();
        for (Alert a : outcome.candidate()) {
            Alert b = before.get(a.alertId());
            if (b == null) {
                added.add(summary(a));
            } else if (b.articleId().equals(a.articleId()) && b.severity().equals(a.severity())) {
                unchanged.add(summary(a));
            } else {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("alertId", a.alertId());
                c.put("rule", a.ruleId());
                c.put("story", a.storyId());
                c.put("before", summary(b));
                c.put("after", summary(a));
                changed.add(c);
            }
        }
        for (Alert b : outcome.baseline()) {
            if (!after.containsKey(b.alertId())) {
                removed.add(summary(b));
            }
        }
        Map<String, Object> precisionBefore = precision(outcome.baseline(), outcome.feedback());
        Map<String, Object> precisionAfter = precision(outcome.candidate(), outcome.feedback());
        Map<String, Object> precision = new LinkedHashMap<>();
        precision.put("before", precisionBefore);
        precision.put("after", precisionAfter);
        double drop = precisionBefore.get("precision") instanceof Double b && precisionAfter.get("precision") instanceof Double a ? b - a : 0;
        precision.put("drop", round(drop));
        int baseTotal = outcome.baseline().size();
        int candTotal = outcome.candidate().size();
        double rise = baseTotal == 0 ? (candTotal == 0 ? 1 : Double.POSITIVE_INFINITY) : (double) candTotal / baseTotal;

        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", from.toString());
        window.put("to", to.toString());
        json.put("window", window);
        json.put("articles", outcome.articles());
        json.put("baseline", perRule(outcome.baseline()));
        json.put("candidate", perRule(outcome.candidate()));
        json.put("volumeRise", Double.isInfinite(rise) ? "infinite" : round(rise));
        json.put("unchanged", unchanged);
        json.put("added", added);
        json.put("removed", removed);
        json.put("changed", changed);
        json.put("precision", precision);
        json.put("perDay", perDay(outcome));
        if (notices != null) {
            json.put("notices", notices);
        }
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("seconds", round(outcome.took().toMillis() / 1000.0));
        timing.put("articlesPerSecond", round(outcome.articles() / Math.max(1e-3, outcome.took().toMillis() / 1000.0)));
        json.put("timing", timing);
        return new ReplayReport(json, drop, rise);
    }

    /** The report as a tree of maps and lists (keys in report order). */
    public Map<String, Object> json() {
        return json;
    }

    /** Writes {@code report.json} and {@code report.html} into {@code dir} (created if missing). */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
        Files.write(dir.resolve("report.json"), mapper.writeValueAsBytes(json));
        Files.writeString(dir.resolve("report.html"), ReportHtml.render(json));
    }

    /** Precision before minus after (0 when either side has no feedback). */
    public double precisionDrop() {
        return precisionDrop;
    }

    /** Candidate alerts over baseline alerts (1 when both are 0, infinite when only the baseline is). */
    public double volumeRise() {
        return volumeRise;
    }

    private static Map<String, Alert> byId(List<Alert> alerts) {
        Map<String, Alert> m = new HashMap<>();
        alerts.forEach(a -> m.put(a.alertId(), a));
        return m;
    }

    private static Map<String, Object> summary(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alertId", a.alertId());
        m.put("rule", a.ruleId());
        m.put("story", a.storyId());
        m.put("article", a.articleId());
        m.put("severity", a.severity());
        m.put("title", a.title());
        m.put("url", a.url());
        m.put("snippet", a.snippets().isEmpty() ? null : a.snippets().get(0).text());
        m.put("raisedAt", a.raisedAt() == null ? null : a.raisedAt().toString());
        return m;
    }

    private static Map<String, Integer> perRule(List<Alert> alerts) {
        Map<String, Integer> m = new TreeMap<>();
        alerts.forEach(a -> m.merge(a.ruleId(), 1, Integer::sum));
        return m;
    }

    private static Map<String, Object> precision(List<Alert> alerts, Map<String, String> feedback) {
        int relevant = 0;
        int wrong = 0;
        for (Alert a : alerts) {
            String v = feedback.get(a.alertId());
            if (Feedback.RELEVANT.equals(v)) {
                relevant++;
            } else if (Feedback.FALSE_POSITIVE.equals(v)) {
                wrong++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("relevant", relevant);
        m.put("falsePositive", wrong);
        m.put("precision", relevant + wrong == 0 ? null : round((double) relevant / (relevant + wrong)));
        return m;
    }

    /** rule → day → {baseline, candidate} → {alerts, stories, duplicates}. */
    private static Map<String, Object> perDay(Replay.Outcome o) {
        Map<String, Map<String, Map<String, Map<String, Integer>>>> out = new TreeMap<>();
        count(out, "baseline", o.baseline(), o.baselineMatches());
        count(out, "candidate", o.candidate(), o.candidateMatches());
        return new TreeMap<>(out);
    }

    private static void count(Map<String, Map<String, Map<String, Map<String, Integer>>>> out, String side, List<Alert> alerts, List<Match> matches) {
        for (Alert a : alerts) {
            cell(out, a.ruleId(), day(a.raisedAt()), side).merge("alerts", 1, Integer::sum);
        }
        Map<String, Set<String>> stories = new HashMap<>();
        for (Match m : matches) {
            Instant at = m.matchedAt();
            String day = day(at);
            for (RuleHit hit : m.rules()) {
                Map<String, Integer> c = cell(out, hit.id(), day, side);
                if (m.duplicateOf() != null) {
                    c.merge("duplicates", 1, Integer::sum);
                }
                if (stories.computeIfAbsent(hit.id() + "|" + day, k -> new HashSet<>()).add(m.storyId())) {
                    c.merge("stories", 1, Integer::sum);
                }
            }
        }
    }

    private static Map<String, Integer> cell(Map<String, Map<String, Map<String, Map<String, Integer>>>> out, String rule, String day, String side) {
        Map<String, Map<String, Integer>> sides = out.computeIfAbsent(rule, r -> new TreeMap<>()).computeIfAbsent(day, d -> new TreeMap<>());
        sides.computeIfAbsent("baseline", s -> zero());
        sides.computeIfAbsent("candidate", s -> zero());
        return sides.get(side);
    }

    private static Map<String, Integer> zero() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("alerts", 0);
        m.put("stories", 0);
        m.put("duplicates", 0);
        return m;
    }

    private static String day(Instant at) {
        return at == null ? "unknown" : at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }

    /** The rules named in either side, sorted. */
    static Set<String> rules(Map<String, Object> json) {
        Set<String> r = new TreeSet<>();
        ((Map<?, ?>) json.get("perDay")).keySet().forEach(k -> r.add((String) k));
        return r;
    }

    static Comparator<Alert> order() {
        return Comparator.comparing(Alert::ruleId).thenComparing(Alert::alertId);
    }
}
