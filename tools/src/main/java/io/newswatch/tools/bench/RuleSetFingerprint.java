package io.newswatch.tools.bench;

import io.newswatch.model.RuleHit;
import io.newswatch.processor.rules.MatchOutcome;
import io.newswatch.processor.rules.WatchRule;
import io.newswatch.tools.synthetic.RuleGenerator;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How selective a rule set is on a set of articles, measured, not assumed: the share of articles each rule
 * matches (mean and quantiles), the share of rules that match nothing, how much the most popular 1 % match,
 * true hits per article, and the shares of the rule shapes. Printed by the benchmarks beside their figures, so
 * a figure can be read with the difficulty it was measured at. Immutable.
 *
 * @param rules        rules measured
 * @param articles     articles measured
 * @param meanRate     mean over rules of the share of articles the rule matches
 * @param rateQuantiles p50, p90, p99 and max of that share over rules
 * @param zeroShare    share of rules that match none of the articles
 * @param top1Rate     least share matched by a rule of the most popular 1 %
 * @param hitsPerArticle true hits per article
 * @param shapes       shape (lower case; {@code topical} for rules of the earlier generator) → share of rules
 */
record RuleSetFingerprint(int rules, int articles, double meanRate, double[] rateQuantiles, double zeroShare, double top1Rate,
                          double hitsPerArticle, Map<String, Double> shapes) {

    /** Measures the rule set on the outcomes of matching each article once. */
    static RuleSetFingerprint of(List<WatchRule> rules, List<MatchOutcome> outcomes) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(outcomes, "outcomes");
        if (rules.isEmpty() || outcomes.isEmpty()) {
            throw new IllegalArgumentException("need rules and outcomes, had " + rules.size() + " and " + outcomes.size());
        }
        Map<String, Integer> perRule = new HashMap<>();
        long hits = 0;
        for (MatchOutcome o : outcomes) {
            for (RuleHit h : o.hits()) {
                perRule.merge(h.id(), 1, Integer::sum);
                hits++;
            }
        }
        double[] rates = new double[rules.size()];
        Map<String, Double> shapes = new TreeMap<>();
        int zero = 0;
        for (int i = 0; i < rules.size(); i++) {
            WatchRule r = rules.get(i);
            int n = perRule.getOrDefault(r.id(), 0);
            rates[i] = n / (double) outcomes.size();
            zero += n == 0 ? 1 : 0;
            RuleGenerator.Shape shape = RuleGenerator.shapeOf(r);
            shapes.merge(shape == null ? "topical" : shape.name().toLowerCase(Locale.ROOT), 1.0 / rules.size(), Double::sum);
        }
        Arrays.sort(rates);
        double[] quantiles = {quantile(rates, 0.5), quantile(rates, 0.9), quantile(rates, 0.99), rates[rates.length - 1]};
        return new RuleSetFingerprint(rules.size(), outcomes.size(), Arrays.stream(rates).average().orElse(0), quantiles,
                zero / (double) rules.size(), quantile(rates, 0.99), hits / (double) outcomes.size(), Map.copyOf(shapes));
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    /**
     * Prints the fingerprint.
     *
     * @param naiveCandidates candidates per article of Lucene's default presearcher on the same articles, or NaN
     */
    void print(PrintWriter out, double naiveCandidates) {
        out.printf(Locale.ROOT, "rule set: %,d rules on %,d articles: a rule matches %.3f %% of articles on average (target 0.05-0.2),"
                + " quantiles p50 %.2f / p90 %.2f / p99 %.2f / max %.2f %%; %.0f %% match nothing (target >= 50); the top 1 %% match >= %.2f %%"
                + " (target >= 2); %.2f true hits per article", rules, articles, 100 * meanRate, 100 * rateQuantiles[0], 100 * rateQuantiles[1],
                100 * rateQuantiles[2], 100 * rateQuantiles[3], 100 * zeroShare, 100 * top1Rate, hitsPerArticle);
        if (!Double.isNaN(naiveCandidates)) {
            out.printf(Locale.ROOT, "; Lucene's default presearch passes %.1f candidates per true hit (target >= 20)",
                    naiveCandidates / Math.max(1e-9, hitsPerArticle));
        }
        out.println();
        StringBuilder sb = new StringBuilder("shapes:");
        shapes.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.1f %%,", e.getKey(), 100 * e.getValue())));
        sb.setLength(sb.length() - 1);
        out.println(sb);
    }
}
