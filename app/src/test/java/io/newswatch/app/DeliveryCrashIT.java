package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Match;
import io.newswatch.model.topic.Topics;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery guarantee under {@code kill -9}: {@code newswatch alerts} runs as a separate JVM (this test's class
 * path, {@code java.home}) against a real broker, delivering to a real HTTP receiver in this JVM while matches stream
 * in; it is killed ({@link Process#destroyForcibly()}, SIGKILL) at a random point after it starts delivering, ten times,
 * and restarted each time. Afterwards every alert has reached the receiver, and the receiver saw at most one
 * duplicate per kill, each carrying the same {@code webhook-id} as the first copy. The seed is printed; set
 * {@code -Dnewswatch.crash.seed=N} to repeat a run. The in-process sibling is {@link DeliveryIT}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeliveryCrashIT {
    static final int KILLS = 10;
    static final double MATCHES_PER_SECOND = 8;
    static final Duration STARTUP_PATIENCE = Duration.ofSeconds(90);
    static final Duration DRAIN_PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    HttpServer receiver;
    Process process;
    final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String id, String body, boolean signed) {
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void shouldDeliverEveryAlertWithAtMostOneDuplicatePerKillCarryingTheSameWebhookId(KafkaCluster kafka) throws Exception {
        long seed = Long.getLong("newswatch.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf("DeliveryCrashIT: seed %d (repeat with -Dnewswatch.crash.seed=%d)%n", seed, seed);
        startReceiver();
        Path configFile = writeConfig(kafka);
        Config config = Config.load(configFile, Map.of(), AllKeys.all());
        TopicSetup.createAll(config);
        Topics topics = TopicKeys.topics(config);

        AtomicBoolean producing = new AtomicBoolean(true);
        Set<String> stories = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread producer = Thread.ofPlatform().name("crash-it-matches").start(() -> produce(config, topics, producing, stories));

        List<String> kills = new ArrayList<>();
        for (int k = 1; k <= KILLS; k++) {
            int before = received.size();
            Instant started = Instant.now();
            process = launch(configFile, k);
            awaitDelivery(before, STARTUP_PATIENCE, k);
            long firstMs = Duration.between(started, Instant.now()).toMillis();
            long delay = random.nextInt(4000);
            Thread.sleep(delay);
            int during = received.size() - before;
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(process.isAlive()).as("process %d still alive after SIGKILL", k).isFalse();
            kills.add("kill %d: first delivery %d ms after launch, killed %d ms later with %d notices received in this run"
                    .formatted(k, firstMs, delay, received.size() - before));
            assertThat(during).isPositive();
        }
        producing.set(false);
        producer.join();

        // the last run delivers what is left and stops cleanly
        process = launch(configFile, KILLS + 1);
        long deadline = System.nanoTime() + DRAIN_PATIENCE.toNanos();
        while (storiesReceived().size() < stories.size() && System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("final run died; its log: %s", tail(KILLS + 1)).isTrue();
            Thread.sleep(200);
        }
        Thread.sleep(2000); // anything still in flight would show up as an extra copy
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("clean stop of the last run").isTrue();

        Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(Received::id, Collectors.counting()));
        long duplicates = received.size() - copies.size();
        kills.forEach(System.out::println);
        System.out.printf("DeliveryCrashIT: seed %d, %d kills, %d alerts raised from %d matches, %d webhooks received, %d distinct webhook-ids, "
                        + "%d duplicates (ids seen twice: %d, more than twice: %d)%n", seed, KILLS, stories.size(), stories.size(), received.size(),
                copies.size(), duplicates, copies.values().stream().filter(n -> n == 2).count(), copies.values().stream().filter(n -> n > 2).count());

        assertThat(storiesReceived()).as("every alert delivered (last run's log: %s)", tail(KILLS + 1)).containsExactlyInAnyOrderElementsOf(stories);
        assertThat(duplicates).as("at most one duplicate per kill").isLessThanOrEqualTo(KILLS);
        // a duplicate is the same notice again: one webhook-id per story, never a second id for the same alert
        Map<String, Set<String>> idsPerStory = received.stream().collect(Collectors.groupingBy(r -> storyOf(r.body()),
                Collectors.mapping(Received::id, Collectors.toSet())));
        assertThat(idsPerStory.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        Map<String, Set<String>> bodiesPerId = received.stream().collect(Collectors.groupingBy(Received::id,
                Collectors.mapping(r -> storyOf(r.body()), Collectors.toSet())));
        assertThat(bodiesPerId.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(received).allSatisfy(r -> assertThat(r.signed()).as("signature of %s", r.id()).isTrue());
        assertThat(ledgerCleanup(config, topics)).isEqualTo("compact,delete");
    }

    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = ex.getRequestHeaders().getFirst("webhook-signature");
            String text = new String(body, StandardCharsets.UTF_8);
            boolean signed;
            try {
                signed = DeliveryIT.signatureValid(new DeliveryIT.Received("/hook", id, ts, sig, text, Instant.now()));
            } catch (Exception e) {
                signed = false;
            }
            received.add(new Received(id, text, signed));
            try {
                ex.sendResponseHeaders(200, -1);
            } finally {
                ex.close();
            }
        });
        receiver.start();
    }

    Path writeConfig(KafkaCluster kafka) throws IOException {
        Path f = dir.resolve("newswatch.yaml");
        // a killed process leaves its group members behind until their session times out: 6 s, the broker's minimum
        Files.writeString(f, """
                kafka:
                  bootstrap.servers: "%s"
                  session.timeout.ms: "6000"
                  heartbeat.interval.ms: "1000"
                topics:
                  prefix: crash
                  partitions: 2
                alerts:
                  applicationId: crash-alerts
                  deliveryGroup: crash-delivery
                  stateDir: %s
                  http: {port: 0}
                  egressAllow: [127.0.0.0/8]
                  channels:
                    - id: desk-hook
                      type: webhook
                      url: "http://127.0.0.1:%d/hook"
                      secret: "%s"
                      since: "%s"
                      timeout: 5s
                      backoff: 100ms
                      backoffMax: 1s
                      maxAttempts: 100
                """.formatted(kafka.bootstrapServers(), dir.resolve("streams"), receiver.getAddress().getPort(), DeliveryIT.SECRET,
                Instant.now().minusSeconds(60)));
        return f;
    }

    /** Matches for distinct stories, one alert each, at a steady rate until told to stop. */
    static void produce(Config config, Topics topics, AtomicBoolean producing, Set<String> stories) {
        try (KafkaProducer<String, Match> p = new KafkaProducer<>(KafkaClients.producer(config, "crash-it"), topics.matches().keySerde().serializer(),
                topics.matches().valueSerde().serializer())) {
            long interval = (long) (1e9 / MATCHES_PER_SECOND);
            long next = System.nanoTime();
            for (int i = 0; producing.get(); i++) {
                String story = "crash-story-" + i;
                p.send(new ProducerRecord<>(topics.matches().name(), null, System.currentTimeMillis(), story,
                        DeliveryIT.match("crash-" + i, story, null, "Wire " + (i % 7), "en"))).get();
                stories.add(story);
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("producing matches failed", e);
        }
    }

    Process launch(Path configFile, int run) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Newswatch.class.getName(), "--config", configFile.toString(), "alerts");
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log(run)).start();
    }

    File log(int run) {
        return dir.resolve("run-" + run + ".log").toFile();
    }

    String tail(int run) {
        try {
            List<String> lines = Files.readAllLines(log(run).toPath());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    void awaitDelivery(int before, Duration patience, int run) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (received.size() <= before) {
            assertThat(process.isAlive()).as("run %d died; its log:%n%s", run, tail(run)).isTrue();
            assertThat(System.nanoTime()).as("run %d delivered nothing within %s; its log:%n%s", run, patience, tail(run)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    Set<String> storiesReceived() {
        Set<String> s = new HashSet<>();
        for (Received r : received) {
            s.add(storyOf(r.body()));
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static String storyOf(String body) {
        Map<String, Object> data = (Map<String, Object>) DeliveryIT.read(body).get("data");
        return (String) data.get("storyId");
    }

    static String ledgerCleanup(Config config, Topics topics) throws Exception {
        try (Admin admin = Admin.create(KafkaClients.common(config, "crash-it-admin"))) {
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topics.deliveries().name());
            ConfigEntry e = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r).get(TopicConfig.CLEANUP_POLICY_CONFIG);
            return e.value();
        }
    }
}
