package io.newswatch.tools.bench;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.health.Health;
import io.newswatch.alerts.AlertsConfig;
import io.newswatch.alerts.AlertsService;
import io.newswatch.app.TopicSetup;
import io.newswatch.app.broker.EmbeddedKafkaBroker;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.topic.Json;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.LoggerFactory;

/**
 * Alert delivery measured two ways, on a real broker (embedded unless {@code bootstrapServers}) with a local webhook
 * receiver (JDK HttpServer, answering 200 at once), the services built as {@code newswatch run} builds them
 * ({@link TopicSetup#createAll}, {@link ProcessorService}, {@link AlertsService}) with one signed webhook channel:
 *
 * <ol>
 *   <li><b>dispatcher alerts/s</b>: alerts written straight to {@code newswatch.alerts} in one burst, timed from the
 *       first send to the last webhook received. Each one is a delivery, a Standard Webhooks signature and a ledger
 *       record the channel waits for before its next send (what bounds a crash to one duplicate).</li>
 *   <li><b>article → webhook latency</b>: articles enter {@code newswatch.articles} at {@code rate} per second, each
 *       a story of its own that matches a rule of the default pack; for every webhook of a raised alert, the time from
 *       the article's send to the webhook's arrival: p50, p99, max. The whole pipeline is in it: analysis, the ordered
 *       story stage and the raiser (each commits a transaction every 200 ms, exactly_once_v2), then delivery.</li>
 * </ol>
 *
 * Not thread-safe; run once.
 */
public final class AlertsBenchmark {
    /** A sentence each article carries so that it matches the default pack's {@code cartel-drone-attacks} rule. */
    private static final String MATCHING = "Prosecutors said cartel gunmen attacked a police post with explosive-laden drones, wounding %d officers.";
    /** Words of each article besides the matching sentence. */
    private static final int WORDS = 300;
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("newswatch-bench-webhook-secret-32b".getBytes());

    /**
     * @param alerts           alerts in the dispatcher burst
     * @param rate             articles per second in the latency phase
     * @param seconds          measured seconds of the latency phase (after {@code warmupSeconds} at the same rate)
     * @param warmupSeconds    unmeasured seconds at the same rate first
     * @param dataDir          embedded broker and Streams state, or {@code null} for a temporary directory
     * @param bootstrapServers a cluster to use instead of the embedded broker, or {@code null}
     */
    public record Options(int alerts, double rate, int seconds, int warmupSeconds, Path dataDir, String bootstrapServers) {
        public Options {
            if (alerts < 1 || !(rate > 0) || seconds < 1 || warmupSeconds < 0) {
                throw new IllegalArgumentException("--alerts, --rate and --seconds must be > 0 and --warmup-seconds >= 0");
            }
        }
    }

    private final Config baseConfig;
    private final Options options;
    private final PrintWriter out;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile long lastArrivalNanos;

    public AlertsBenchmark(Config config, Options options, PrintWriter out) {
        this.baseConfig = config;
        this.options = options;
        this.out = out;
    }

    public void run() throws Exception {
        if (LoggerFactory.getLogger("io.newswatch") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(Level.WARN);
        }
        boolean temporary = options.dataDir() == null;
        Path dataDir = temporary ? Files.createTempDirectory("newswatch-bench-alerts-") : options.dataDir();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", this::receive);
        receiver.start();
        EmbeddedKafkaBroker broker = null;
        try {
            Config config = baseConfig;
            if (options.bootstrapServers() == null) {
                broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0, 0).start();
                config = config.withKafka(Map.of("bootstrap.servers", broker.bootstrapServers())).with(TopicKeys.REPLICATION, 1, "embedded broker");
            }
            config = runConfig(config, "bench-alerts-" + Long.toString(System.currentTimeMillis(), 36), dataDir, receiver.getAddress().getPort());
            out.printf(Locale.ROOT, "newswatch bench alerts: Java %s, %d cores, max heap %d MB, %s; one webhook channel to a local receiver%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), Heap.max() >> 20,
                    broker == null ? "cluster " + options.bootstrapServers() : "embedded broker");
            out.flush();
            TopicSetup.createAll(config);
            Topics topics = TopicKeys.topics(config);
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            try (ProcessorService processor = new ProcessorService(config, metrics).start();
                 AlertsService alerts = new AlertsService(config, metrics, () -> "", new Health()).start()) {
                dispatcher(config, topics);
                pipeline(config, topics);
            }
        } finally {
            receiver.stop(0);
            if (broker != null) {
                broker.close();
            }
            if (temporary) {
                deleteTree(dataDir);
            }
        }
    }

    private Config runConfig(Config config, String prefix, Path dataDir, int port) {
        // the channel starts an hour back, so that no alert of the run is older than it
        Map<String, Object> hook = Map.of("id", "bench-hook", "type", "webhook", "url", "http://127.0.0.1:" + port + "/hook", "secret", SECRET,
                "since", Instant.now().minus(Duration.ofHours(1)).toString(), "maxAttempts", 3);
        return config.with(TopicKeys.PREFIX, prefix, "bench")
                .with(ProcessorConfig.APPLICATION_ID, prefix + "-processor", "bench")
                .with(ProcessorConfig.STATE_DIR, dataDir.resolve("streams"), "bench")
                .with(AlertsConfig.APPLICATION_ID, prefix + "-alerts", "bench")
                .with(AlertsConfig.DELIVERY_GROUP, prefix + "-delivery", "bench")
                .with(AlertsConfig.STATE_DIR, dataDir.resolve("streams"), "bench")
                .with(AlertsConfig.HTTP_PORT, 0, "bench")
                .with(AlertsConfig.EGRESS_ALLOW, List.of("127.0.0.0/8"), "bench")
                .with(AlertsConfig.CHANNELS, List.of(hook), "bench");
    }

    /** The receiver: notes each webhook's arrival under its alert's article id (raised alerts only). */
    private void receive(HttpExchange ex) throws IOException {
        try (ex) {
            long now = System.currentTimeMillis();
            JsonNode body = Json.mapper().readTree(ex.getRequestBody());
            if ("io.newswatch.alert.raised".equals(body.path("type").asText())) {
                arrivals.putIfAbsent(body.path("data").path("articleId").asText(), now);
            }
            received.incrementAndGet();
            lastArrivalNanos = System.nanoTime();
            ex.sendResponseHeaders(200, -1);
        }
    }

    private void dispatcher(Config config, Topics topics) throws Exception {
        int warm = Math.min(500, options.alerts());
        burst(config, topics, warm, "warm-up");
        long before = received.get();
        long t0 = System.nanoTime();
        burst(config, topics, options.alerts(), "measured");
        double seconds = (lastArrivalNanos - t0) / 1e9;
        out.printf(Locale.ROOT, "dispatcher: %,d alerts written to %s in one burst, %,d webhooks received in %.2f s = %.0f alerts/s%n",
                options.alerts(), topics.alerts().name(), received.get() - before, seconds, (received.get() - before) / seconds);
        out.flush();
    }

    /** Writes {@code n} alerts and waits until the receiver has them all. */
    private void burst(Config config, Topics topics, int n, String batch) throws Exception {
        long target = received.get() + n;
        Instant now = Instant.now();
        try (KafkaProducer<String, Alert> p = new KafkaProducer<>(KafkaClients.producer(config, "bench-alerts"), topics.alerts().keySerde().serializer(),
                topics.alerts().valueSerde().serializer())) {
            for (int i = 0; i < n; i++) {
                String id = "bench-" + batch + "-" + i;
                Alert a = new Alert(Alert.SCHEMA_VERSION, id, "story-" + id, "cartel-drone-attacks", "1", "high", "article-" + id,
                        "Cartel drone attack " + i, "https://bench.newswatch.example/" + batch + "/" + i, "Bench Wire", "en", now, List.of(), List.of(),
                        now, 1, now, null, null, 1);
                p.send(new ProducerRecord<>(topics.alerts().name(), null, now.toEpochMilli(), id, a));
            }
        }
        awaitReceived(target, Duration.ofMinutes(5), batch + " alerts");
    }

    private void pipeline(Config config, Topics topics) throws Exception {
        Instant now = Instant.now();
        int warm = (int) Math.round(options.rate() * options.warmupSeconds());
        int measured = (int) Math.round(options.rate() * options.seconds());
        List<Article> warmup = articles(warm, 31L, "warm-up", now);
        List<Article> timed = articles(measured, 37L, "measured", now);
        try (LoadDriver driver = new LoadDriver(KafkaClients.producer(config, "bench-articles"))) {
            driver.scheduled(topics.articles().name(), warm, options.rate(), i -> fetchedNow(warmup.get(i), topics));
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            driver.onSend(sentAt::put);
            long start = System.currentTimeMillis();
            driver.scheduled(topics.articles().name(), measured, options.rate(), i -> fetchedNow(timed.get(i), topics));
            double sendSeconds = (System.currentTimeMillis() - start) / 1e3;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            List<String> ids = timed.stream().map(Article::id).toList();
            while (System.nanoTime() < deadline && ids.stream().filter(arrivals::containsKey).count() < ids.size()) {
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            long[] latencies = ids.stream().filter(arrivals::containsKey).mapToLong(id -> arrivals.get(id) - sentAt.get(id)).sorted().toArray();
            out.printf(Locale.ROOT, "pipeline: %,d articles to %s at %.0f/s (%.1f s, after %d s of warm-up), %,d raised alerts reached the webhook%n",
                    ids.size(), topics.articles().name(), ids.size() / sendSeconds, sendSeconds, options.warmupSeconds(), latencies.length);
            if (latencies.length > 0) {
                out.printf(Locale.ROOT, "article -> webhook latency: p50 %d ms, p99 %d ms, max %d ms (target: p99 under 1000 ms)%n",
                        percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[latencies.length - 1]);
            }
            out.flush();
        }
    }

    /**
     * Articles as ingest would publish them, each its own story: the matching sentence, then paragraphs of
     * pseudo-words drawn for that article alone (no entities, no shared vocabulary), so that the story stage opens a
     * new story for every one and each raises an alert. Seeded: the same seed gives the same articles.
     */
    private static List<Article> articles(int n, long seed, String batch, Instant now) {
        Random r = new Random(seed);
        List<Article> articles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder(MATCHING.formatted(2 + i % 9));
            for (int w = 0; w < WORDS; w++) {
                text.append(w % 60 == 0 ? "\n\n" : " ").append(word(r));
            }
            articles.add(Article.builder("https://bench.newswatch.example/alerts/" + batch + "/" + seed + "/" + i)
                    .feedId("bench").source("Bench Wire " + (i % 5)).title(word(r) + " " + word(r) + " " + word(r)).text(text.toString()).lang("en")
                    .publishedAt(now).fetchedAt(now).build());
        }
        return articles;
    }

    /**
     * The article as ingest publishes it right after the fetch: fetched now, published a minute before. The fetch
     * time matters: the story stage's reorder buffer holds an article until {@code processor.reorderGrace} after it.
     */
    private static LoadDriver.Payload fetchedNow(Article a, Topics topics) {
        Instant fetched = Instant.now();
        Article stamped = a.toBuilder().fetchedAt(fetched).publishedAt(fetched.minusSeconds(60)).build();
        return new LoadDriver.Payload(stamped.id(), topics.articles().valueSerde().serializer().serialize(topics.articles().name(), stamped));
    }

    private static String word(Random r) {
        char[] c = new char[4 + r.nextInt(6)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ('a' + r.nextInt(26));
        }
        return new String(c);
    }

    private void awaitReceived(long target, Duration patience, String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (received.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the receiver got " + received.get() + " of " + target + " webhooks for the " + what + " within " + patience);
            }
            Thread.sleep(5);
        }
    }

    static long percentile(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
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
