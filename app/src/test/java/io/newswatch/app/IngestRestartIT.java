package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestService;
import io.newswatch.model.Article;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.topic.Topics;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest against a real broker and a feed that flips between valid and broken: across a stop and restart of
 * ingest, every item is published exactly once (read_committed), and every broken poll is dead-lettered.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestRestartIT {
    @TempDir
    Path dir;

    final List<String> items = new CopyOnWriteArrayList<>();
    final AtomicBoolean flipping = new AtomicBoolean();
    final AtomicInteger requests = new AtomicInteger();

    @Test
    void shouldPublishEveryItemExactlyOnceAcrossRestartsAndBrokenPolls(KafkaCluster kafka) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", ex -> {
            try (ex) {
                int n = requests.incrementAndGet();
                byte[] body = (flipping.get() && n % 2 == 0 ? "<rss version=\"2.0\"><channel><item><title>cut off" : rss())
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
        });
        server.start();
        try {
            Path feeds = dir.resolve("feeds.yaml");
            Files.writeString(feeds, """
                    feeds:
                      - id: flipping-wire
                        url: http://127.0.0.1:%d/feed.xml
                        source: Flipping Wire
                        lang: en
                        pollInterval: 30s
                        fullText: false
                    """.formatted(server.getAddress().getPort()));
            Config config = Config.load(null, Map.of(), AllKeys.all()).withKafka(kafka.clientSettings())
                    .with(TopicKeys.PREFIX, "restart", "test")
                    .with(IngestConfig.FEEDS, feeds, "test")
                    .with(IngestConfig.EGRESS_ALLOW, List.of("127.0.0.0/8"), "test")
                    .with(IngestConfig.BACKOFF_BASE, Duration.ofMillis(200), "test")
                    .with(IngestConfig.BACKOFF_MAX, Duration.ofSeconds(1), "test");
            TopicSetup.createAll(config);
            Topics topics = TopicKeys.topics(config);

            for (int i = 1; i <= 4; i++) {
                items.add("item-" + i);
            }
            try (IngestService ingest = new IngestService(config, new SimpleMeterRegistry(), List.of()).start()) {
                await().atMost(Duration.ofMinutes(2)).until(() -> articles(config, topics).size() == 4);
            }
            // while ingest is down: new items, and a feed that now answers garbage every other time
            for (int i = 5; i <= 7; i++) {
                items.add("item-" + i);
            }
            flipping.set(true);
            try (IngestService ingest = new IngestService(config, new SimpleMeterRegistry(), List.of()).start()) {
                await().atMost(Duration.ofMinutes(2)).until(() -> articles(config, topics).size() >= 7);
                await().atMost(Duration.ofMinutes(2)).until(() -> ingest.feedStates().get("flipping-wire").polls() >= 3);
            }
            List<String> titles = articles(config, topics).stream().map(Article::title).toList();
            assertThat(titles).containsExactlyInAnyOrder("Story item-1", "Story item-2", "Story item-3", "Story item-4", "Story item-5",
                    "Story item-6", "Story item-7");
            List<DeadLetter> dead = read(config, topics.dlq().name(), topics.dlq().valueSerde().deserializer()::deserialize);
            assertThat(dead).isNotEmpty().allSatisfy(d -> {
                assertThat(d.stage()).isEqualTo("ingest");
                assertThat(d.cause()).contains("flipping-wire", "unparseable feed");
            });
        } finally {
            server.stop(0);
        }
    }

    private String rss() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Flipping</title>");
        for (String id : items.reversed()) {
            sb.append("<item><guid>").append(id).append("</guid><title>Story ").append(id).append("</title><link>https://flip.example/")
                    .append(id).append("</link><description>Summary of ").append(id).append(".</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static List<Article> articles(Config config, Topics topics) {
        return read(config, topics.articles().name(), topics.articles().valueSerde().deserializer()::deserialize);
    }

    interface Decoder<T> {
        T decode(String topic, byte[] bytes);
    }

    private static <T> List<T> read(Config config, String topic, Decoder<T> decoder) {
        List<T> out = new ArrayList<>();
        var props = KafkaClients.consumer(config, "test-reader", null);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var parts = c.partitionsFor(topic).stream().map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            var end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(decoder.decode(topic, r.value()));
                }
            }
        }
        return out;
    }
}
