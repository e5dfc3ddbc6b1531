package io.newswatch.tools.bench;

import io.newswatch.processor.rules.InvalidRuleException;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.MatchInput;
import io.newswatch.processor.rules.MatchOutcome;
import io.newswatch.processor.rules.WatchRule;
import io.newswatch.tools.synthetic.RuleGenerator;
import io.newswatch.tools.synthetic.SyntheticArticles;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link LuceneRuleMatcher} on one thread: documents per second, per-document latency (p50, p99)
 * and heap per registered rule, for rule sets from {@link RuleGenerator} and ~700-word articles from
 * {@link SyntheticArticles}. Each size is warmed up first (JIT, caches), then measured for a fixed time.
 *
 * <pre>
 * java -cp ... io.newswatch.tools.bench.RuleMatcherBenchmark [--rules 10,1000,10000]
 *      [--warmup-seconds 20] [--measure-seconds 20] [--presearch term|multipass|both]
 * </pre>
 *
 * <p>{@code cpu ms/doc} is the matching thread's CPU time per article: unlike docs/s and latency, it hardly
 * moves when other processes compete for the cores, so it is the figure to compare configurations with
 * on a shared machine.
 *
 * <p>{@code run/doc} is the number of rule parts (one per language of a rule) the presearcher let through per
 * article: the work the presearcher saves, independent of machine load.
 *
 * <p>Heap per rule is the growth of the used heap after full collections, divided by the number of rules:
 * indicative only (run with a fixed heap, e.g. {@code -Xms2g -Xmx2g}, for stable figures).
 */
public final class RuleMatcherBenchmark {

    private static final long RULE_SEED = 7L;
    private static final long ARTICLE_SEED = 11L;
    private static final int ARTICLES = 2_000;

    private RuleMatcherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = {10, 1_000, 10_000};
        int warmup = 20;
        int measure = 20;
        String presearch = "term";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
                case "--warmup-seconds" -> warmup = Integer.parseInt(args[++i]);
                case "--measure-seconds" -> measure = Integer.parseInt(args[++i]);
                case "--presearch" -> presearch = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --rules N,N --warmup-seconds S --measure-seconds S --presearch term|multipass|both");
            }
        }
        List<LuceneRuleMatcher.Presearch> kinds = switch (presearch) {
            case "term" -> List.of(LuceneRuleMatcher.Presearch.TERM_FILTERED);
            case "multipass" -> List.of(LuceneRuleMatcher.Presearch.MULTIPASS);
            case "both" -> List.of(LuceneRuleMatcher.Presearch.TERM_FILTERED, LuceneRuleMatcher.Presearch.MULTIPASS);
            default -> throw new IllegalArgumentException("--presearch must be term, multipass or both, was " + presearch);
        };
        List<MatchInput> articles = SyntheticArticles.articles(ARTICLES, ARTICLE_SEED);
        System.out.printf(Locale.ROOT, "java %s, %d articles of ~%d words, warm-up %ds, measure %ds, one thread%n",
                System.getProperty("java.version"), articles.size(), SyntheticArticles.WORDS, warmup, measure);
        System.out.printf(Locale.ROOT, "%-14s %7s %10s %9s %9s %11s %9s %12s %11s %8s%n",
                "presearcher", "rules", "docs/s", "p50 ms", "p99 ms", "cpu ms/doc", "hits/doc", "heap/rule", "register s", "run/doc");
        for (LuceneRuleMatcher.Presearch kind : kinds) {
            for (int size : sizes) {
                run(kind, size, articles, warmup, measure);
            }
        }
    }

    private static void run(LuceneRuleMatcher.Presearch kind, int size, List<MatchInput> articles, int warmup, int measure)
            throws InvalidRuleException {
        List<WatchRule> rules = RuleGenerator.generate(size, RULE_SEED);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LuceneRuleMatcher matcher = new LuceneRuleMatcher(kind)) {
            long before = usedHeap(memory);
            long start = System.nanoTime();
            matcher.register(rules);
            double registerSeconds = (System.nanoTime() - start) / 1e9;
            long after = usedHeap(memory);

            int next = 0;
            long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                matcher.match(articles.get(next++ % articles.size()));
            }
            List<Long> latencies = new ArrayList<>();
            long hits = 0;
            long runBefore = matcher.queriesRun();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long measureStart = System.nanoTime();
            long measureEnd = measureStart + measure * 1_000_000_000L;
            long now = measureStart;
            while (now < measureEnd) {
                long t0 = System.nanoTime();
                MatchOutcome outcome = matcher.match(articles.get(next++ % articles.size()));
                now = System.nanoTime();
                latencies.add(now - t0);
                hits += outcome.hits().size();
            }
            double seconds = (now - measureStart) / 1e9;
            double cpuPerDoc = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / latencies.size();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double runPerDoc = (matcher.queriesRun() - runBefore) / (double) sorted.length;
            System.out.printf(Locale.ROOT, "%-14s %7d %10.0f %9.2f %9.2f %11.3f %9.2f %10.1fKB %11.1f %8.1f%n",
                    kind.name().toLowerCase(Locale.ROOT), size, sorted.length / seconds, percentile(sorted, 0.50) / 1e6,
                    percentile(sorted, 0.99) / 1e6, cpuPerDoc, hits / (double) sorted.length, (after - before) / 1024.0 / Math.max(1, size),
                    registerSeconds, runPerDoc);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static long usedHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
