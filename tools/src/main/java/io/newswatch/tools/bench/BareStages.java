package io.newswatch.tools.bench;

import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.processor.ArticlePipeline;
import io.newswatch.processor.entities.EntityTagger;
import io.newswatch.processor.story.StoryAssigner;
import io.newswatch.processor.story.StoryConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The work of each topology stage on the calling thread, without Kafka: analysis (entity tagging then rule
 * matching, exactly {@link ArticlePipeline#analyze}, as the analyse step runs it) and story assignment (a
 * {@link StoryAssigner}, on in-memory state instead of the topology's RocksDB stores). Each figure is articles
 * per second of wall time and CPU milliseconds per article of this thread; on a machine shared with other work
 * the CPU figure is the steadier of the two. Not thread-safe.
 */
final class BareStages {
    /** Articles per second of wall time, and CPU ms per article, over {@code articles} articles. */
    record Figures(long articles, double perSecond, double cpuMsPerArticle, double matchedShare, double hitsPerArticle) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Duration warmup;
    private final Duration minMeasure;

    /**
     * @param warmup     how long to run before timing
     * @param minMeasure the least time a measurement runs (it repeats whole passes to get there)
     */
    BareStages(Duration warmup, Duration minMeasure) {
        this.warmup = warmup;
        this.minMeasure = minMeasure;
    }

    /**
     * Analyses {@code articles} in whole passes, in {@code rounds} timed rounds of at least the measuring time each,
     * and returns the round with the median rate; the matched share and hits come from the first pass.
     */
    Figures analysis(ArticlePipeline pipeline, List<Article> articles, int rounds) {
        long warmEnd = System.nanoTime() + warmup.toNanos();
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            pipeline.analyze(articles.get(i % articles.size()));
        }
        long matched = 0;
        long hits = 0;
        for (Article a : articles) {
            var outcome = pipeline.analyze(a).outcome();
            matched += outcome.hits().isEmpty() ? 0 : 1;
            hits += outcome.hits().size();
        }
        List<Figures> timed = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long done = 0;
            do {
                for (Article a : articles) {
                    pipeline.analyze(a);
                    done++;
                }
            } while (System.nanoTime() - start < minMeasure.toNanos());
            timed.add(figures(done, start, cpu0, matched / (double) articles.size(), hits / (double) articles.size()));
        }
        return ProcessorBenchmark.median(timed, Figures::perSecond);
    }

    /**
     * Assigns stories to warm-up batches for the warm-up time (which also fills the state, as a running stream's
     * is), then to {@code articles} once: a second pass would only find exact duplicates, the cheap case.
     *
     * @param warmupBatches fresh articles, batch by batch; none may repeat one of {@code articles}
     * @param tagger        finds the entities the assigner weighs, as the analyse stage does
     */
    Figures stories(List<Article> articles, IntFunction<List<Article>> warmupBatches, EntityTagger tagger) {
        StoryAssigner assigner = StoryAssigner.inMemory(StoryConfig.defaults());
        long eventTime = Instant.now().toEpochMilli();
        long warmEnd = System.nanoTime() + warmup.toNanos();
        for (int batch = 0; System.nanoTime() < warmEnd; batch++) {
            for (Article a : warmupBatches.apply(batch)) {
                assigner.assign(a, tagger.tag(a.title(), a.text()), Instant.ofEpochMilli(eventTime++));
            }
        }
        // Entities are the analysis stage's output; find them first so that only assignment is timed.
        List<List<EntityMention>> entities = new ArrayList<>(articles.size());
        for (Article a : articles) {
            entities.add(tagger.tag(a.title(), a.text()));
        }
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < articles.size(); i++) {
            assigner.assign(articles.get(i), entities.get(i), Instant.ofEpochMilli(eventTime++));
        }
        return figures(articles.size(), start, cpu0, Double.NaN, Double.NaN);
    }

    private static Figures figures(long done, long startNanos, long cpuStartNanos, double matchedShare, double hitsPerArticle) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpuStartNanos) / 1e6;
        return new Figures(done, done / seconds, cpuMs / done, matchedShare, hitsPerArticle);
    }
}
