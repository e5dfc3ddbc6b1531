package io.newswatch.tools.bench;

import ch.qos.logback.classic.Level;
import io.newswatch.app.TopicSetup;
import io.newswatch.app.broker.EmbeddedKafkaBroker;
import io.newswatch.app.replay.Progress;
import io.newswatch.app.replay.Replay;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Article;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;

/**
 * {@code newswatch bench replay}: writes N generated articles ({@link BenchArticles}, published ten seconds apart from
 * 30 days ago, each fetched three minutes after publication) to the articles topic of a fresh deployment on the embedded broker,
 * then replays the whole window with the default rule pack, exactly as {@code newswatch replay} does (private topics,
 * the processor and the alert raiser, the report's reads). Prints the replay's time, rate, heap peak and CPU per
 * article, and, measured in the same run, the bare analysis ceiling (tagging and matching on one thread, which is
 * what the replay's single analysis task can at most do), and the ratio of the two. Not thread-safe.
 */
final class ReplayBenchmark {
    /** Articles generated per seed (a chunk is held in memory while it is written). */
    private static final int CHUNK = 2_000;
    private static final long SEED = 18_000;
    private static final Duration SPACING = Duration.ofSeconds(10);
    private static final Duration FETCH_DELAY = Duration.ofMinutes(3);

    private final Config baseConfig;
    private final int articles;
    private final PrintWriter out;

    ReplayBenchmark(Config baseConfig, int articles, PrintWriter out) {
        if (articles < 1) {
            throw new IllegalArgumentException("--articles must be at least 1, was " + articles);
        }
        this.baseConfig = baseConfig;
        this.articles = articles;
        this.out = out;
    }

    void run() throws Exception {
        if (LoggerFactory.getLogger("io.newswatch") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(Level.WARN);
        }
        Path dataDir = Files.createTempDirectory("newswatch-bench-replay-");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0, 0).start()) {
            String prefix = "bench-replay-" + Long.toString(System.currentTimeMillis(), 36);
            Config config = baseConfig.withKafka(Map.of("bootstrap.servers", broker.bootstrapServers()))
                    .with(TopicKeys.REPLICATION, 1, "embedded broker")
                    .with(TopicKeys.PREFIX, prefix, "bench")
                    .with(ProcessorConfig.APPLICATION_ID, prefix + "-processor", "bench")
                    .with(ProcessorConfig.STATE_DIR, dataDir.resolve("streams"), "bench")
                    .with(io.newswatch.alerts.AlertsConfig.STATE_DIR, dataDir.resolve("alerts"), "bench");
            out.printf(Locale.ROOT, "newswatch bench replay: Java %s, %d cores, max heap %d MB, embedded broker; %,d articles, default rule pack%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), Heap.max() >> 20, articles);
            out.flush();
            TopicSetup.createAll(config);
            // recent enough to be inside the articles topic's retention (180 days), old enough to be history
            Instant base = Instant.now().minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            long t0 = System.nanoTime();
            writeArticles(config, TopicKeys.topics(config), base);
            out.printf(Locale.ROOT, "  wrote %,d articles (%.0f MB of JSON) in %.1f s%n", articles, bytes / 1e6, (System.nanoTime() - t0) / 1e9);
            out.flush();

            BareStages.Figures ceiling;
            try (ProcessorFactory factory = ProcessorFactory.load(config)) {
                List<Article> sample = BenchArticles.generate(CHUNK, SEED - 1, "ceiling", base, false);
                ceiling = new BareStages(Duration.ofSeconds(20), Duration.ofSeconds(10)).analysis(factory.pipeline(), sample, 3);
                out.printf(Locale.ROOT, "  bare analysis ceiling (tagging + matching, one thread): %.0f art/s, %.2f CPU ms/article; "
                        + "%.0f %% of articles match%n", ceiling.perSecond(), ceiling.cpuMsPerArticle(), 100 * ceiling.matchedShare());
                out.flush();
            }

            Instant from = base;
            Instant to = base.plus(SPACING.multipliedBy(articles)).plus(Duration.ofHours(1));
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Heap.live();
            Heap.resetPeak();
            long cpu0 = os.getProcessCpuTime();
            Replay.Outcome outcome = new Replay(config, null, from, to, Progress.silent()).run();
            long cpu = os.getProcessCpuTime() - cpu0;
            long peak = Heap.peak();
            if (outcome.articles() == 0) {
                throw new IllegalStateException("the replay found no articles in " + from + " to " + to);
            }
            double seconds = outcome.took().toNanos() / 1e9;
            double rate = outcome.articles() / seconds;
            out.printf(Locale.ROOT, "  replay: %,d articles in %.1f s = %.0f art/s; %,d alerts; peak heap %d MB (whole JVM, broker included); "
                            + "%.2f CPU ms/article (whole process: broker, copy, processor, alert raiser)%n", outcome.articles(), seconds, rate,
                    outcome.candidate().size(), peak >> 20, cpu / 1e6 / outcome.articles());
            out.printf(Locale.ROOT, "  => %.0f %% of the one-thread analysis ceiling (%.0f art/s); goal 2,000 art/s: %s%n", 100 * rate / ceiling.perSecond(),
                    ceiling.perSecond(), rate >= 2000 ? "met" : "not met");
            out.flush();
        } finally {
            deleteTree(dataDir);
        }
    }

    private long bytes;

    private void writeArticles(Config config, Topics topics, Instant base) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "bench-replay"), new StringSerializer(),
                new ByteArraySerializer())) {
            int i = 0;
            for (int chunk = 0; i < articles; chunk++) {
                int n = Math.min(CHUNK, articles - i);
                for (Article a : BenchArticles.generate(n, SEED + chunk, "replay-" + chunk, base, false)) {
                    Instant published = base.plus(SPACING.multipliedBy(i++));
                    Article timed = a.toBuilder().publishedAt(published).fetchedAt(published.plus(FETCH_DELAY)).build();
                    byte[] value = topics.articles().valueSerde().serializer().serialize(topics.articles().name(), timed);
                    bytes += value.length;
                    producer.send(new ProducerRecord<>(topics.articles().name(), null, published.toEpochMilli(), timed.id(), value));
                }
            }
            producer.flush();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
