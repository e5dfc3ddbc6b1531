package io.newswatch.tools.bench;

import io.newswatch.processor.rules.InvalidRuleException;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.MatchInput;
import io.newswatch.processor.rules.MatchOutcome;
import io.newswatch.processor.rules.WatchRule;
import io.newswatch.tools.synthetic.RuleGenerator;
import io.newswatch.tools.synthetic.SyntheticArticles;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link LuceneRuleMatcher} on one thread, against Lucene Monitor as it comes
 * ({@link LuceneRuleMatcher.Presearch#LUCENE_DEFAULT}) on the same rules and articles: documents per second,
 * CPU per document, candidates and true hits per document (mean and p99), the time split between presearch and
 * checking the candidates, heap per rule, the time to register all rules and to reload one.
 *
 * <pre>
 * java -cp ... io.newswatch.tools.bench.RuleMatcherBenchmark [--rules 1000,10000,100000]
 *      [--rule-set realistic|topical] [--warmup-seconds 10] [--measure-seconds 20]
 *      [--presearch multipass,lucene] (any of multipass, term, lucene, none)
 * </pre>
 *
 * <p>Rule sets: {@code realistic} (the default) is {@link RuleGenerator#realistic} measured on
 * {@link SyntheticArticles#news}; {@code topical} is the earlier {@link RuleGenerator#generate} on
 * {@link SyntheticArticles#articles}, whose rules are made of the articles' own topic words (kept to compare with
 * earlier figures). For each rule count the benchmark then prints the rule set's fingerprint
 * ({@link RuleSetFingerprint}), measured with the first presearcher listed over all 2,000 articles; its naive
 * candidate rate is that of {@code lucene} when it is listed.
 *
 * <p>{@code cpu ms/doc} is the matching thread's CPU time per article: unlike docs/s it hardly moves when other
 * processes compete for the cores, so it is the figure to compare configurations with on a shared machine.
 * Heap per rule is the growth of the used heap after full collections, divided by the number of rules (run with
 * a fixed heap, e.g. {@code -Xms2g -Xmx2g}, for stable figures).
 */
public final class RuleMatcherBenchmark {

    static final long RULE_SEED = 7L;
    static final long ARTICLE_SEED = 11L;
    private static final int ARTICLES = 2_000;
    private static final int RELOADS = 20;

    private RuleMatcherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = {1_000, 10_000};
        int warmup = 10;
        int measure = 20;
        String ruleSet = "realistic";
        List<LuceneRuleMatcher.Presearch> kinds = List.of(LuceneRuleMatcher.Presearch.MULTIPASS, LuceneRuleMatcher.Presearch.LUCENE_DEFAULT);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
                case "--warmup-seconds" -> warmup = Integer.parseInt(args[++i]);
                case "--measure-seconds" -> measure = Integer.parseInt(args[++i]);
                case "--rule-set" -> ruleSet = args[++i];
                case "--presearch" -> kinds = Arrays.stream(args[++i].split(",")).map(RuleMatcherBenchmark::presearch).toList();
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --rules N,N --rule-set realistic|topical"
                        + " --warmup-seconds S --measure-seconds S --presearch multipass,term,lucene,none");
            }
        }
        if (!ruleSet.equals("realistic") && !ruleSet.equals("topical")) {
            throw new IllegalArgumentException("--rule-set must be realistic or topical, was " + ruleSet);
        }
        boolean realistic = ruleSet.equals("realistic");
        List<MatchInput> articles = realistic ? SyntheticArticles.news(ARTICLES, ARTICLE_SEED) : SyntheticArticles.articles(ARTICLES, ARTICLE_SEED);
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "java %s, %s rules (seed %d), %d articles of ~%d words (seed %d), warm-up %ds, measure %ds, one thread%n",
                System.getProperty("java.version"), ruleSet, RULE_SEED, articles.size(), SyntheticArticles.WORDS, ARTICLE_SEED, warmup, measure);
        for (int size : sizes) {
            List<WatchRule> rules = realistic ? RuleGenerator.realistic(size, RULE_SEED) : RuleGenerator.generate(size, RULE_SEED);
            out.printf(Locale.ROOT, "%n%,d rules%n", size);
            compare(out, "", rules, articles, kinds, warmup, measure);
        }
    }

    /**
     * Measures each presearcher on {@code rules} and {@code articles} (one thread) and prints one row each, the ratio of
     * the first to Lucene's default when both ran, and the rule set's fingerprint (taken with the first).
     *
     * @param indent put before every line
     */
    static void compare(PrintWriter out, String indent, List<WatchRule> rules, List<MatchInput> articles, List<LuceneRuleMatcher.Presearch> kinds,
                        int warmup, int measure) throws InvalidRuleException {
        int size = rules.size();
        out.printf(Locale.ROOT, "%s%-10s %8s %9s %10s %10s %8s %10s %8s %8s %9s %9s %10s %9s %10s %10s%n", indent,
                "presearch", "docs/s", "cpu ms", "cand/doc", "cand p99", "hits", "hits p99", "cand/hit", "presrch", "monitor",
                "heap/rule", "heap MB", "register", "reload ms", "p99 ms");
        RuleSetFingerprint fingerprint = null;
        double naive = Double.NaN;
        List<Result> results = new ArrayList<>();
        for (LuceneRuleMatcher.Presearch kind : kinds) {
            Result r = run(kind, rules, articles, warmup, measure, fingerprint == null);
            results.add(r);
            if (fingerprint == null) {
                fingerprint = r.fingerprint();
            }
            if (kind == LuceneRuleMatcher.Presearch.LUCENE_DEFAULT) {
                naive = r.candidates.mean();
            }
            out.printf(Locale.ROOT, "%s%-10s %8.0f %9.3f %10.1f %10d %8.2f %10d %8.1f %8.3f %9.3f %7.1fKB %10.1f %8.1fs %10.1f %10.2f%n", indent,
                    name(kind), r.docsPerSecond, r.cpuMsPerDoc, r.candidates.mean(), r.candidates.p99(), r.hits.mean(), r.hits.p99(),
                    r.candidates.mean() / Math.max(1e-9, r.hits.mean()), r.presearchMsPerDoc, r.monitorMsPerDoc,
                    r.heapBytes / 1024.0 / size, r.heapBytes / 1024.0 / 1024.0, r.registerSeconds, r.reloadMillis, r.p99Millis);
            out.flush();
        }
        int lucene = kinds.indexOf(LuceneRuleMatcher.Presearch.LUCENE_DEFAULT);
        if (lucene > 0) {
            Result ours = results.get(0);
            Result theirs = results.get(lucene);
            out.printf(Locale.ROOT, "%s%s against Lucene Monitor's defaults: %.1f times the docs/s, %.1f times less CPU per article, %.0f times fewer candidates%n",
                    indent, name(kinds.get(0)), ours.docsPerSecond / theirs.docsPerSecond, theirs.cpuMsPerDoc / ours.cpuMsPerDoc,
                    theirs.candidates.mean() / Math.max(1e-9, ours.candidates.mean()));
        }
        if (fingerprint != null) {
            fingerprint.print(out, naive);
        }
        out.flush();
    }

    private static LuceneRuleMatcher.Presearch presearch(String name) {
        return switch (name.strip()) {
            case "multipass" -> LuceneRuleMatcher.Presearch.MULTIPASS;
            case "term" -> LuceneRuleMatcher.Presearch.TERM_FILTERED;
            case "lucene" -> LuceneRuleMatcher.Presearch.LUCENE_DEFAULT;
            case "none" -> LuceneRuleMatcher.Presearch.NONE;
            default -> throw new IllegalArgumentException("--presearch takes multipass, term, lucene or none, was " + name);
        };
    }

    static String name(LuceneRuleMatcher.Presearch kind) {
        return kind == LuceneRuleMatcher.Presearch.LUCENE_DEFAULT ? "lucene" : kind.name().toLowerCase(Locale.ROOT).replace("_filtered", "");
    }

    /** Mean and 99th percentile of a per-article count. */
    record Spread(double mean, long p99) {
        static Spread of(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return new Spread(Arrays.stream(sorted).average().orElse(0), sorted.length == 0 ? 0 : percentile(sorted, 0.99));
        }
    }

    record Result(double docsPerSecond, double cpuMsPerDoc, double p99Millis, Spread candidates, Spread hits, double presearchMsPerDoc,
                  double monitorMsPerDoc, long heapBytes, double registerSeconds, double reloadMillis, RuleSetFingerprint fingerprint) {
    }

    /**
     * Registers the rules, optionally matches every article once for the rule set's fingerprint (also a warm-up),
     * warms up, then measures for {@code measure} seconds.
     */
    static Result run(LuceneRuleMatcher.Presearch kind, List<WatchRule> rules, List<MatchInput> articles, int warmup, int measure,
                      boolean fingerprint) throws InvalidRuleException {
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher(kind)) {
            long before = Heap.live();
            long start = System.nanoTime();
            matcher.register(rules);
            double registerSeconds = (System.nanoTime() - start) / 1e9;
            long heap = Heap.live() - before;

            RuleSetFingerprint print = null;
            if (fingerprint) {
                List<MatchOutcome> outcomes = new ArrayList<>(articles.size());
                for (MatchInput a : articles) {
                    outcomes.add(matcher.match(a));
                }
                print = RuleSetFingerprint.of(rules, outcomes);
            }

            int next = 0;
            long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                matcher.match(articles.get(next++ % articles.size()));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<Long> latencies = new ArrayList<>();
            List<Long> candidates = new ArrayList<>();
            List<Long> hits = new ArrayList<>();
            long premonitorBefore = matcher.presearchNanos();
            long monitorBefore = matcher.monitorNanos();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long measureStart = System.nanoTime();
            long measureEnd = measureStart + measure * 1_000_000_000L;
            long now = measureStart;
            while (now < measureEnd) {
                long run = matcher.queriesRun();
                long t0 = System.nanoTime();
                MatchOutcome outcome = matcher.match(articles.get(next++ % articles.size()));
                now = System.nanoTime();
                latencies.add(now - t0);
                candidates.add(matcher.queriesRun() - run);
                hits.add((long) outcome.hits().size());
            }
            int n = latencies.size();
            double seconds = (now - measureStart) / 1e9;
            double cpuPerDoc = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / n;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double presearchMs = (matcher.presearchNanos() - premonitorBefore) / 1e6 / n;
            double monitorMs = (matcher.monitorNanos() - monitorBefore) / 1e6 / n;
            double reloadMillis = reload(matcher, rules);
            return new Result(n / seconds, cpuPerDoc, percentile(sorted, 0.99) / 1e6, Spread.of(toArray(candidates)), Spread.of(toArray(hits)),
                    presearchMs, monitorMs, heap, registerSeconds, reloadMillis, print);
        }
    }

    /** Median time to replace one rule by a new version of itself (hot reload), in ms. */
    private static double reload(LuceneRuleMatcher matcher, List<WatchRule> rules) throws InvalidRuleException {
        long[] times = new long[RELOADS];
        for (int i = 0; i < RELOADS; i++) {
            WatchRule r = rules.get((i * 7919) % rules.size());
            WatchRule next = new WatchRule(r.id(), r.title(), r.description() + " Reloaded " + i + ".", r.query(), r.languages(), r.severity(), r.tags());
            long t0 = System.nanoTime();
            matcher.register(List.of(next));
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[RELOADS / 2] / 1e6;
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
