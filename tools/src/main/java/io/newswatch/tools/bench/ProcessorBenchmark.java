package io.newswatch.tools.bench;

import ch.qos.logback.classic.Level;
import io.newswatch.app.broker.EmbeddedKafkaBroker;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Article;
import io.newswatch.processor.ArticlePipeline;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorFactory;
import io.newswatch.processor.ProcessorStreams;
import io.newswatch.processor.entities.EntityTagger;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import io.newswatch.processor.rules.LuceneRuleMatcher;
import io.newswatch.processor.rules.MatchInput;
import io.newswatch.tools.synthetic.RuleGenerator;
import io.newswatch.tools.synthetic.SyntheticArticles;
import io.newswatch.processor.rules.WatchRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.LoggerFactory;

/**
 * The processor end to end on a real broker, next to its two ceilings, for a list of rule counts.
 *
 * <p>For each rule count, in one JVM: {@link RuleGenerator} rules are registered in a {@link LuceneRuleMatcher} and
 * the real topology runs on them ({@link ProcessorUnderTest}) under exactly_once_v2. After a warm-up of at least
 * {@code warmupSeconds} (JIT, caches, RocksDB, and the story stage's state filling up), continued until the JIT
 * compilers take under {@value #SETTLED_JIT_PERCENT} % of the process's CPU over {@value #SETTLE_WINDOW_SECONDS} s
 * (at most {@code maxWarmupSeconds}; with the broker in the same JVM they still compile two minutes in, and what
 * they compile during a burst is CPU the pipeline does not get, which a processor running for days never pays),
 * the benchmark
 *
 * <ol>
 *   <li>produces the measured articles in one burst and times from the first send until every article is through
 *       both stages and all output is readable with read_committed; {@value #ROUNDS} bursts of fresh articles (about
 *       ten seconds of work each), the median is <b>articles/s</b>;</li>
 *   <li>then produces fresh articles at half that rate for about {@value #LATENCY_PHASE_SECONDS} s and reads, for
 *       each article on the matches topic, receive time minus its input timestamp (set at send): <b>p50/p99</b>.
 *       Latency in the burst would measure the backlog, not the pipeline;</li>
 *   <li>reads the live heap after full collections with the topology running, and the peak during the burst.</li>
 * </ol>
 *
 * Then the two ceilings, on the same articles: the bare {@link ArticlePipeline} (entity tagging and matching, as
 * the topology's analyse step does, on one thread; median of {@value #ROUNDS} rounds), and a pass-through topology of the same shape
 * ({@link PassThroughUnderTest}). They run after the topology, whose warm-up has compiled their code already, so
 * they warm up for a quarter of the time.
 *
 * <p>A run's topics share a unique prefix and are deleted after each rule count; with the embedded broker the
 * data directory is temporary unless given. Not thread-safe; run once.
 */
public final class ProcessorBenchmark {
    private static final long RULE_SEED = RuleMatcherBenchmark.RULE_SEED;
    /** Articles, warm-up and measured seconds of the matcher-alone comparison per rule count. */
    private static final int MATCHER_ARTICLES = 2_000;
    private static final int MATCHER_WARMUP_SECONDS = 5;
    private static final int MATCHER_MEASURE_SECONDS = 10;
    private static final long MEASURED_SEED = 11L;
    private static final long WARMUP_SEED = 1_000_000L;
    private static final long LATENCY_SEED = 2_000_000L;
    private static final long STORY_WARMUP_SEED = 3_000_000L;
    /** Warm-up batch: small enough that two in flight are a short queue, large enough to keep every task busy. */
    private static final int CHUNK = 200;
    static final int LATENCY_PHASE_SECONDS = 10;
    private static final double LATENCY_LOAD = 0.5;
    /** The pass-through is 10-20 times faster than matching; fewer records would time little more than one commit. */
    private static final int PASS_THROUGH_MIN_RECORDS = 20_000;
    private static final Duration BARE_MIN_MEASURE = Duration.ofSeconds(5);
    /**
     * Timed rounds of the burst and of the bare analysis; each reports its median. On a shared two-core machine one
     * round swings by 20 % from run to run, and most of the swing is a round that other work slowed down.
     */
    static final int ROUNDS = 5;
    /** The JIT counts as settled below this share of the process's CPU... */
    static final int SETTLED_JIT_PERCENT = 3;
    /** ...over this many seconds of warm-up load. */
    static final int SETTLE_WINDOW_SECONDS = 10;
    private static final Duration STALL = Duration.ofMinutes(2);
    /** How often the benchmark's main thread looks at the pipeline's progress while it waits. */
    private static final long POLL_MILLIS = 20;

    /**
     * @param ruleCounts       rule counts to measure, in order
     * @param articles         measured articles per rule count, or {@code null} for {@link #defaultArticles}
     * @param warmupSeconds    least warm-up of each topology run before timing
     * @param maxWarmupSeconds most warm-up, when the JIT has not settled before
     * @param partitions       partitions of the article and match topics
     * @param threads          stream threads of the analysis application (the ordered stage has its own, with one)
     * @param commitIntervalMs Kafka Streams commit interval (each commit ends a transaction under exactly_once_v2)
     * @param dataDir          where the embedded broker and Streams state live, or {@code null} for a temporary
     *                         directory deleted at the end
     * @param bootstrapServers a Kafka cluster to use instead of the embedded broker, or {@code null}
     * @param realistic        {@link RuleGenerator#realistic} rules on {@code SyntheticArticles.news} articles, rather
     *                         than the earlier topical rules ({@link RuleGenerator#generate}) on their own topics' articles
     */
    public record Options(List<Integer> ruleCounts, Integer articles, int warmupSeconds, int maxWarmupSeconds, int partitions, int threads,
                          int commitIntervalMs, Path dataDir, String bootstrapServers, boolean realistic) {
        public Options {
            ruleCounts = List.copyOf(ruleCounts);
            if (ruleCounts.isEmpty() || ruleCounts.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--rules must list rule counts >= 1, was " + ruleCounts);
            }
            if (articles != null && articles < 1) {
                throw new IllegalArgumentException("--articles must be >= 1, was " + articles);
            }
            if (warmupSeconds < 0 || partitions < 1 || threads < 1 || commitIntervalMs < 1) {
                throw new IllegalArgumentException("--warmup-seconds must be >= 0, --partitions, --threads and --commit-interval-ms >= 1");
            }
            if (maxWarmupSeconds < warmupSeconds) {
                throw new IllegalArgumentException("--max-warmup-seconds must be >= --warmup-seconds, was " + maxWarmupSeconds + " < " + warmupSeconds);
            }
        }
    }

    /** What one rule count measured. */
    record Row(int rules, TopologyFigures topology, PassThroughFigures passThrough, BareStages.Figures analysis,
               BareStages.Figures stories) {
        double ceiling() {
            return Math.min(passThrough.rate(), analysis.perSecond());
        }

        double share() {
            return topology.rate() / ceiling();
        }
    }

    /** The topology: burst rate and CPU, paced latency, heap. */
    record TopologyFigures(double rate, double cpuMsPerArticle, long p50, long p99, int samples, long liveHeap, long peakHeap) {
    }

    /** The pass-through: burst rate and CPU. */
    record PassThroughFigures(double rate, double cpuMsPerRecord) {
    }

    private final Config baseConfig;
    private final Options options;
    private final PrintWriter out;

    /**
     * @param config  Kafka client settings (used as given with {@code bootstrapServers}) and replication
     * @param options what to measure
     * @param out     where the figures go
     */
    public ProcessorBenchmark(Config config, Options options, PrintWriter out) {
        this.baseConfig = config;
        this.options = options;
        this.out = out;
    }

    /**
     * About ten seconds of work per burst on two cores. A burst's time includes the pipeline's fill and drain: the last
     * transaction of each stage commits up to a commit interval after its last record, some 0.2-0.4 s in all. That is
     * latency, reported on its own; in a three-second burst it read as 7-15 % less throughput than the pipeline
     * sustains, in a ten-second one it is 2-4 %.
     */
    static int defaultArticles(int rules) {
        return rules <= 100 ? 15_000 : rules <= 2_000 ? 10_000 : 2_500;
    }

    public void run() throws Exception {
        quietLogs();
        long runStart = System.nanoTime();
        boolean temporary = options.dataDir() == null;
        Path dataDir = temporary ? Files.createTempDirectory("newswatch-bench-") : options.dataDir();
        EmbeddedKafkaBroker broker = null;
        try {
            Config config = baseConfig;
            if (options.bootstrapServers() == null) {
                broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0, 0).start();
                config = config.withKafka(Map.of("bootstrap.servers", broker.bootstrapServers())).with(TopicKeys.REPLICATION, 1, "embedded broker");
            }
            String runId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
            out.printf(Locale.ROOT, "newswatch bench processor: Java %s, %d cores, max heap %d MB, %s; %d partitions, %d analysis threads + 1 ordered, "
                            + "commit.interval.ms %d, exactly_once_v2; warm-up %d-%d s (until the JIT settles)%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    Heap.max() >> 20, broker == null ? "cluster " + options.bootstrapServers() : "embedded broker", options.partitions(),
                    options.threads(), options.commitIntervalMs(), options.warmupSeconds(), options.maxWarmupSeconds());
            out.flush();
            Gazetteer gazetteer = Gazetteer.loadDefault();
            List<Row> rows = new ArrayList<>();
            for (int n : options.ruleCounts()) {
                rows.add(measure(rowConfig(config, runId + "-r" + n, dataDir), n, gazetteer));
            }
            printTable(rows);
            out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - runStart) / 1e9);
            out.flush();
        } finally {
            if (broker != null) {
                broker.close();
            }
            if (temporary) {
                deleteTree(dataDir);
            }
        }
    }

    private Config rowConfig(Config config, String prefix, Path dataDir) {
        return config.with(TopicKeys.PREFIX, prefix, "bench")
                .with(TopicKeys.PARTITIONS, options.partitions(), "bench")
                .with(ProcessorConfig.APPLICATION_ID, prefix + "-processor", "bench")
                .with(ProcessorConfig.STATE_DIR, dataDir.resolve("streams"), "bench")
                .with(ProcessorConfig.THREADS, options.threads(), "bench")
                .withKafka(withCommitInterval(config.kafka()));
    }

    private Row measure(Config config, int ruleCount, Gazetteer gazetteer) throws Exception {
        int count = options.articles() != null ? options.articles() : defaultArticles(ruleCount);
        Instant now = Instant.now();
        List<WatchRule> rules = options.realistic() ? RuleGenerator.realistic(ruleCount, RULE_SEED) : RuleGenerator.generate(ruleCount, RULE_SEED);
        long heapBefore = Heap.live();
        long t0 = System.nanoTime();
        try (ProcessorFactory processor = ProcessorFactory.of(config, rules, gazetteer)) {
            double registerSeconds = seconds(t0);
            long rulesHeap = Heap.live() - heapBefore;
            ArticlePipeline pipeline = processor.pipeline();
            EntityTagger tagger = new GazetteerTagger(gazetteer);
            List<Article> measured = BenchArticles.generate(count, MEASURED_SEED, "measured", now, options.realistic());
            out.printf(Locale.ROOT, "%n%,d rules: registered in %.1f s, +%.1f MB live heap (%.1f KB/rule); %,d measured articles%n",
                    ruleCount, registerSeconds, rulesHeap / 1e6, rulesHeap / 1024.0 / ruleCount, count);
            out.flush();

            TopologyFigures topology = topology(config, processor, measured, now);
            BareStages bare = new BareStages(ceilingWarmup(), BARE_MIN_MEASURE);
            BareStages.Figures analysis = bare.analysis(pipeline, measured, ROUNDS);
            out.printf(Locale.ROOT, "  bare analysis (tagging + matching, one thread): median of " + ROUNDS + " rounds %.0f art/s, %.2f CPU ms/article (%,d articles); "
                            + "%.0f %% of articles match, %.1f rules per article%n", analysis.perSecond(), analysis.cpuMsPerArticle(), analysis.articles(),
                    100 * analysis.matchedShare(), analysis.hitsPerArticle());
            BareStages.Figures stories = bare.stories(measured, batch -> BenchArticles.generate(CHUNK, STORY_WARMUP_SEED + batch, "story-warm-up", now, options.realistic()),
                    tagger);
            out.printf(Locale.ROOT, "  bare story stage (StoryAssigner, in-memory state, one thread): %.0f art/s, %.2f CPU ms/article%n",
                    stories.perSecond(), stories.cpuMsPerArticle());
            out.flush();
            matcherAlone(rules);
            PassThroughFigures passThrough = passThrough(config, measured);
            deleteTopics(config);
            Row row = new Row(ruleCount, topology, passThrough, analysis, stories);
            out.printf(Locale.ROOT, "  => topology %.0f art/s, %.0f %% of the slower ceiling%n", topology.rate(), 100 * row.share());
            out.flush();
            return row;
        }
    }

    /**
     * The matcher alone on one thread, on the same rules: our presearch against Lucene Monitor's defaults (docs/s, CPU,
     * candidates and true hits per article, presearch against checking time, heap, register and reload times), and the
     * rule set's fingerprint, as {@link RuleMatcherBenchmark} prints them. Its articles are the benchmark's article
     * generator's matcher inputs ({@code SyntheticArticles}), made independently of the rules.
     */
    private void matcherAlone(List<WatchRule> rules) throws Exception {
        List<MatchInput> inputs = options.realistic() ? SyntheticArticles.news(MATCHER_ARTICLES, RuleMatcherBenchmark.ARTICLE_SEED)
                : SyntheticArticles.articles(MATCHER_ARTICLES, RuleMatcherBenchmark.ARTICLE_SEED);
        out.printf(Locale.ROOT, "  matcher alone (one thread, no Kafka; rules seed %d, %,d articles seed %d; warm-up %d s, measured %d s):%n", RULE_SEED,
                inputs.size(), RuleMatcherBenchmark.ARTICLE_SEED, MATCHER_WARMUP_SECONDS, MATCHER_MEASURE_SECONDS);
        RuleMatcherBenchmark.compare(out, "    ", rules, inputs, List.of(LuceneRuleMatcher.Presearch.MULTIPASS, LuceneRuleMatcher.Presearch.LUCENE_DEFAULT),
                MATCHER_WARMUP_SECONDS, MATCHER_MEASURE_SECONDS);
    }

    private TopologyFigures topology(Config config, ProcessorFactory factory, List<Article> measured, Instant now) throws Exception {
        try (ProcessorUnderTest processor = new ProcessorUnderTest(config, factory);
             LoadDriver driver = new LoadDriver(producerProps(config))) {
            long t0 = System.nanoTime();
            processor.prepare();
            double prepareSeconds = seconds(t0);
            t0 = System.nanoTime();
            processor.start(Duration.ofMinutes(10));
            out.printf(Locale.ROOT, "  topology: topics created and rules published in %.1f s, RUNNING after %.1f s (rules store restored)%n",
                    prepareSeconds, seconds(t0));
            out.flush();
            var spec = processor.topics().articles();
            // Each round sends its own articles (the first round's are the ones the ceilings run on): a repeated
            // article would be an exact duplicate, which the story stage drops cheaply. Made before the warm-up, so
            // they are in the old generation when the bursts start: made just before a burst, they were copied from
            // survivor space to survivor space by the young collections in it, GC work of the benchmark's own data
            // charged to the pipeline. (A full collection before each burst instead shrank the heap and set off a
            // concurrent marking cycle in every burst.)
            List<List<LoadDriver.Payload>> rounds = new ArrayList<>();
            rounds.add(BenchArticles.payloads(measured, spec));
            for (int r = 1; r < ROUNDS; r++) {
                rounds.add(BenchArticles.payloads(BenchArticles.generate(measured.size(), MEASURED_SEED + r, "measured-" + r, now, options.realistic()), spec));
            }
            long warmStart = System.nanoTime();
            JitWatch jit = new JitWatch();
            long warmed = warmUp(driver, processor, Duration.ofSeconds(options.warmupSeconds()), Duration.ofSeconds(options.maxWarmupSeconds()), jit,
                    // Warm-up bursts as large as the measured ones: smaller ones leave the code paths of a full burst (full
                    // fetches, producer back-pressure) to the JIT during the measurement.
                    chunk -> BenchArticles.payloads(BenchArticles.generate(measured.size(), WARMUP_SEED + chunk, "warm-up", now, options.realistic()), spec));
            double warmSeconds = seconds(warmStart);

            OutputWatcher watcher = processor.watcher();
            String matchesTopic = processor.topics().matches().name();
            Heap.resetPeak();
            List<Burst> bursts = new ArrayList<>();
            for (List<LoadDriver.Payload> payloads : rounds) {
                long matchesBefore = watcher.count(matchesTopic);
                CpuParts cpu0 = CpuParts.now();
                long start = driver.burst(processor.inputTopic(), payloads);
                long end = awaitDrained(processor, driver.sent());
                CpuParts cpu1 = CpuParts.now();
                double cpuMs = cpu0.processNanosUntil(cpu1) / 1e6 / payloads.size();
                long firstStageEnd = watcher.lastArrivalNanos(processor.storiesTopic());
                bursts.add(new Burst(payloads.size() / ((end - start) / 1e9), cpuMs, (end - start) / 1e9, (firstStageEnd - start) / 1e9,
                        watcher.count(matchesTopic) - matchesBefore, CpuParts.perUnit(cpu0.until(cpu1), payloads.size())));
            }
            long peak = Heap.peak();
            rounds.clear(); // not part of the live heap reported below
            Burst median = median(bursts, Burst::rate);
            double rate = median.rate();
            double cpuMs = median.cpuMs();
            long matched = median.matched();

            double paceRate = LATENCY_LOAD * rate;
            int paced = (int) Math.max(100, Math.min(measured.size(), paceRate * LATENCY_PHASE_SECONDS));
            List<LoadDriver.Payload> latencyPayloads = BenchArticles.payloads(BenchArticles.generate(paced, LATENCY_SEED, "latency", now, options.realistic()), spec);
            long storiesFrom = watcher.count(processor.storiesTopic());
            long matchesFrom = watcher.count(matchesTopic);
            driver.paced(processor.inputTopic(), latencyPayloads, paceRate);
            awaitDrained(processor, driver.sent());
            long[] endToEnd = sorted(watcher.latenciesFrom(matchesTopic, matchesFrom));
            long[] firstStage = sorted(watcher.latenciesFrom(processor.storiesTopic(), storiesFrom));
            long live = Heap.live();
            out.printf(Locale.ROOT, "  topology: warm-up %,d articles in %.0f s (JIT %s of the CPU in its last %d s); %d bursts of %,d articles: %s art/s, median %.0f art/s, %.2f CPU ms/article "
                            + "(whole JVM); %,d matched (%.0f %%); all on the stories topic %.2f s after the first send, %.2f s before the last output%n",
                    warmed, warmSeconds, Double.isNaN(jit.percent()) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", jit.percent()), SETTLE_WINDOW_SECONDS, bursts.size(), measured.size(), bursts.stream().map(b -> String.format(Locale.ROOT, "%.0f", b.rate()))
                            .collect(java.util.stream.Collectors.joining(" / ")), rate, cpuMs, matched, 100.0 * matched / measured.size(),
                    median.storiesSeconds(), median.seconds() - median.storiesSeconds());
            out.printf(Locale.ROOT, "  topology: CPU ms/article by thread group in that burst: %s%n", median.cpuParts());
            out.printf(Locale.ROOT, "  topology: at %.0f art/s, %,d articles: input -> matches p50 %d ms, p99 %d ms (%,d samples); "
                            + "input -> stories topic p50 %d ms, p99 %d ms%n", paceRate, paced, percentile(endToEnd, 0.50), percentile(endToEnd, 0.99),
                    endToEnd.length, percentile(firstStage, 0.50), percentile(firstStage, 0.99));
            out.printf(Locale.ROOT, "  topology: heap live %.0f MB after GC, peak %.0f MB during the burst; %d dead letters, %d rule errors%n",
                    live / 1e6, peak / 1e6, processor.deadLetters(), processor.ruleErrors());
            out.flush();
            return new TopologyFigures(rate, cpuMs, percentile(endToEnd, 0.50), percentile(endToEnd, 0.99), endToEnd.length, live, peak);
        }
    }

    /** One timed burst: articles/s, whole-JVM CPU ms per article, its duration, when the stories topic was complete, matches. */
    private record Burst(double rate, double cpuMs, double seconds, double storiesSeconds, long matched, String cpuParts) {
    }

    /** The element with the median {@code key} (of an odd number): the bursts' and the bare rounds' figure. */
    static <T> T median(List<T> measured, java.util.function.ToDoubleFunction<T> key) {
        List<T> sorted = new ArrayList<>(measured);
        sorted.sort(java.util.Comparator.comparingDouble(key));
        return sorted.get(sorted.size() / 2);
    }

    /** A pass-through of the processor's shape on the same article records: the Kafka ceiling. */
    private PassThroughFigures passThrough(Config config, List<Article> measured) throws Exception {
        String prefix = config.get(TopicKeys.PREFIX) + "-passthrough";
        try (PassThroughUnderTest passThrough = new PassThroughUnderTest(config, prefix);
             LoadDriver driver = new LoadDriver(producerProps(config))) {
            passThrough.start(streamsProps(config, prefix, options.threads() + 1), Duration.ofMinutes(2));
            List<LoadDriver.Payload> articles = BenchArticles.payloads(measured, TopicKeys.topics(config).articles());
            List<LoadDriver.Payload> records = new ArrayList<>();
            while (records.size() < Math.max(articles.size(), PASS_THROUGH_MIN_RECORDS)) {
                records.addAll(articles);
            }
            warmUp(driver, passThrough, ceilingWarmup(), ceilingWarmup(), null, chunk -> {
                int from = chunk * CHUNK % articles.size();
                return articles.subList(from, Math.min(articles.size(), from + CHUNK));
            });
            long cpu0 = CpuParts.processCpuNanos();
            long start = driver.burst(passThrough.inputTopic(), records);
            long end = awaitDrained(passThrough, driver.sent());
            double cpuMs = (CpuParts.processCpuNanos() - cpu0) / 1e6 / records.size();
            double rate = records.size() / ((end - start) / 1e9);
            out.printf(Locale.ROOT, "  pass-through: %,d records in %.2f s = %.0f records/s, %.2f CPU ms/record (whole JVM)%n", records.size(),
                    (end - start) / 1e9, rate, cpuMs);
            out.flush();
            return new PassThroughFigures(rate, cpuMs);
        }
    }

    /**
     * Sends chunks of warm-up articles, one chunk in flight behind the one being sent, for at least {@code least};
     * then, if {@code jit} is given, until the JIT has settled or {@code most} has passed. Drains, and returns the
     * records sent.
     */
    private long warmUp(LoadDriver driver, Pipeline pipeline, Duration least, Duration most, JitWatch jit,
                        IntFunction<List<LoadDriver.Payload>> chunks) throws InterruptedException {
        long before = driver.sent();
        long start = System.nanoTime();
        for (int chunk = 0; ; chunk++) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= most.toNanos() || elapsed >= least.toNanos() && (jit == null || jit.settled())) {
                break;
            }
            List<LoadDriver.Payload> payloads = chunks.apply(chunk);
            driver.burst(pipeline.inputTopic(), payloads);
            long target = driver.sent() - payloads.size();
            awaitProgress(pipeline, () -> pipeline.processed() >= target);
            if (jit != null) {
                jit.sample();
            }
        }
        awaitDrained(pipeline, driver.sent());
        return driver.sent() - before;
    }

    /** The JIT compilers' share of the process's CPU over the last {@value #SETTLE_WINDOW_SECONDS} s of samples. */
    static final class JitWatch {
        private final java.util.LinkedList<long[]> samples = new java.util.LinkedList<>();

        JitWatch() {
            sample();
        }

        void sample() {
            long jitNanos = CpuParts.jitNanos();
            samples.addLast(new long[] {System.nanoTime(), CpuParts.processCpuNanos(), jitNanos});
            long window = SETTLE_WINDOW_SECONDS * 1_000_000_000L;
            while (samples.size() > 2 && samples.getLast()[0] - samples.get(1)[0] >= window) {
                samples.removeFirst();
            }
        }

        /** The share in percent, or NaN when the JVM does not tell or the window is not full yet. */
        double percent() {
            long[] first = samples.getFirst();
            long[] last = samples.getLast();
            if (first[2] < 0 || last[0] - first[0] < SETTLE_WINDOW_SECONDS * 1_000_000_000L || last[1] == first[1]) {
                return Double.NaN;
            }
            return 100.0 * (last[2] - first[2]) / (last[1] - first[1]);
        }

        /** Settled, or unknowable (then the least warm-up is all there is). */
        boolean settled() {
            return samples.getLast()[2] < 0 || percent() < SETTLED_JIT_PERCENT;
        }
    }

    /**
     * Waits until all {@code inputs} are through and returns {@link System#nanoTime()} when the last output arrived
     * at the reader: exact, whatever the polling interval below.
     */
    private static long awaitDrained(Pipeline pipeline, long inputs) throws InterruptedException {
        awaitProgress(pipeline, () -> pipeline.drained(inputs));
        return pipeline.lastOutputNanos();
    }

    private static void awaitProgress(Pipeline pipeline, java.util.function.BooleanSupplier done) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long lastProcessed = pipeline.processed();
        while (!done.getAsBoolean()) {
            pipeline.checkRunning();
            long processed = pipeline.processed();
            if (processed != lastProcessed) {
                lastProcessed = processed;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("no progress for " + STALL.toSeconds() + " s on " + pipeline.inputTopic()
                        + " (" + processed + " processed); see the log above");
            }
            // Not shorter: every wake-up of this thread takes a core from the pipeline for a moment and evicts some of its
            // cache (at 1 ms the benchmark itself caused a thousand context switches a second). Burst ends come from
            // the reader's arrival times, so the interval does not blur them.
            Thread.sleep(POLL_MILLIS);
        }
    }

    private Duration ceilingWarmup() {
        int s = options.warmupSeconds();
        return Duration.ofSeconds(Math.min(s, Math.max(5, s / 4)));
    }

    private Properties streamsProps(Config config, String applicationId, int threads) {
        return withCommitInterval(KafkaClients.streams(config, applicationId, ProcessorConfig.from(config).stateDir(), threads));
    }

    private Properties withCommitInterval(Properties p) {
        p.setProperty("commit.interval.ms", Integer.toString(options.commitIntervalMs()));
        return p;
    }

    /** The {@code kafka:} map with the benchmark's commit interval, which Kafka Streams takes from there. */
    private Map<String, String> withCommitInterval(Map<String, String> kafka) {
        Map<String, String> m = new LinkedHashMap<>(kafka);
        m.put("commit.interval.ms", Integer.toString(options.commitIntervalMs()));
        return m;
    }

    /** The ingest producer's settings (idempotent, acks=all, lz4) with batching for a burst of 5 KB records. */
    private static Properties producerProps(Config config) {
        Properties p = KafkaClients.producer(config, "newswatch-bench-producer");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        return p;
    }

    private void printTable(List<Row> rows) {
        out.printf("%n| rules | topology art/s | p50 ms | p99 ms | heap MB (live / peak) | pass-through art/s | bare matcher art/s | topology / min(ceilings) |%n");
        out.printf("|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        for (Row r : rows) {
            TopologyFigures t = r.topology();
            out.printf(Locale.ROOT, "| %,d | %,.0f | %d | %d | %.0f / %.0f | %,.0f | %,.0f | %.0f %% |%n", r.rules(), t.rate(), t.p50(), t.p99(),
                    t.liveHeap() / 1e6, t.peakHeap() / 1e6, r.passThrough().rate(), r.analysis().perSecond(), 100 * r.share());
        }
        out.printf("%n| rules | CPU ms/article: topology (whole JVM) | pass-through (whole JVM) | bare analysis | bare story stage | bare story stage art/s |%n");
        out.printf("|---:|---:|---:|---:|---:|---:|%n");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.2f | %,.0f |%n", r.rules(), r.topology().cpuMsPerArticle(),
                    r.passThrough().cpuMsPerRecord(), r.analysis().cpuMsPerArticle(), r.stories().cpuMsPerArticle(), r.stories().perSecond());
        }
        out.println();
        rows.stream().filter(r -> r.rules() == 1_000).findFirst().ifPresent(r -> out.printf(Locale.ROOT,
                "goal >= 1,000 articles/s at 1,000 rules: %s (%,.0f)%n", r.topology().rate() >= 1_000 ? "met" : "NOT met", r.topology().rate()));
        for (Row r : rows) {
            out.printf(Locale.ROOT, "goal topology >= 80 %% of the slower ceiling at %,d rules: %s (%.0f %% of %s)%n", r.rules(),
                    r.share() >= 0.8 ? "met" : "NOT met", 100 * r.share(),
                    r.analysis().perSecond() <= r.passThrough().rate() ? "the bare matcher" : "the pass-through");
        }
    }

    /** Deletes this rule count's topics (inputs, outputs, changelogs): they only fill the broker's disk. */
    private static void deleteTopics(Config config) throws Exception {
        String prefix = config.get(TopicKeys.PREFIX);
        try (Admin admin = Admin.create(KafkaClients.common(config, "newswatch-bench-admin"))) {
            List<String> names = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).toList();
            admin.deleteTopics(names).all().get();
        }
    }

    /** The figures are the output; at 10,000 rules the per-rule start-up lines alone would bury them. */
    private static void quietLogs() {
        if (LoggerFactory.getLogger("io.newswatch") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(Level.WARN);
        }
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's data under " + root, e);
        }
    }
}
