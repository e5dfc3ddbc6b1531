package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Article;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorFactory;
import io.newswatch.processor.ProcessorService;
import io.newswatch.processor.rules.WatchRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor on a real broker under exactly_once_v2 (sibling of NewsTopologyTest): matches carry rule
 * versions, a bad record goes to the DLQ while the stream goes on, and a rule published to the rules topic
 * takes effect without a restart.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProcessorIT {
    @TempDir
    Path dir;

    @Test
    void shouldMatchDeadLetterAndHotReloadOnARealBroker(KafkaCluster kafka) throws Exception {
        Config config = droneTrainingProcessor(kafka, dir, "proc");
        Topics topics = TopicKeys.topics(config);
        List<Match> matches = new CopyOnWriteArrayList<>();
        List<DeadLetter> dead = new CopyOnWriteArrayList<>();

        try (ProcessorService processor = new ProcessorService(config, new SimpleMeterRegistry()).start();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "test"), new StringSerializer(),
                     new ByteArraySerializer());
             Reader reader = new Reader(config, topics, matches, dead)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> processor.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
            producer.send(new ProducerRecord<>(topics.articles().name(), "broken", "{\"schemaVersion\":1,".getBytes(StandardCharsets.UTF_8)));
            send(producer, topics, article("https://a.example/1", "Recruits learn to fly attack drones",
                    "Former soldiers were trained to fly attack drones at a camp run by the cartel."));
            await().atMost(Duration.ofMinutes(2)).until(() -> matches.size() == 1 && dead.size() == 1);
            assertThat(matches.get(0).rules()).extracting(RuleHit::id).containsExactly("drone-training");
            assertThat(dead.get(0).sourceTopic()).isEqualTo("proc.articles");
            assertThat(dead.get(0).key()).isEqualTo("broken");

            WatchRule bakeries = new WatchRule("bakeries", "Bakeries", "", "sourdough AND bakery", List.of(), "low", List.of());
            ProcessorFactory.publish(config, topics, List.of(bakeries));
            // the rule arrives through the global table; keep sending until the running processor applies it
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                send(producer, topics, article("https://b.example/" + System.nanoTime(), "A new bakery opens",
                        "The sourdough at the new bakery sells out by nine."));
                return matches.stream().anyMatch(m -> m.rules().stream().anyMatch(h -> h.id().equals("bakeries")));
            });
            Match bakery = matches.stream().filter(m -> m.rules().get(0).id().equals("bakeries")).findFirst().orElseThrow();
            assertThat(bakery.rules().get(0).version()).isEqualTo(bakeries.version());
        }
    }

    static Article article(String url, String title, String text) {
        return Article.builder(url).title(title).text(text).lang("en").fetchedAt(Instant.now()).build();
    }

    static void send(KafkaProducer<String, byte[]> producer, Topics topics, Article a) {
        producer.send(new ProducerRecord<>(topics.articles().name(), a.id(), topics.articles().valueSerde().serializer().serialize(null, a)));
        producer.flush();
    }

    /** Reads matches and dead letters (read_committed) on a background thread. */
    static final class Reader implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;

        Reader(Config config, Topics topics, List<Match> matches, List<DeadLetter> dead) {
            thread = Thread.ofPlatform().start(() -> {
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaClients.consumer(config, "test-reader", "test-reader"),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
                    c.subscribe(List.of(topics.matches().name(), topics.dlq().name()));
                    while (running) {
                        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                            if (r.topic().equals(topics.matches().name())) {
                                matches.add(topics.matches().valueSerde().deserializer().deserialize(r.topic(), r.value()));
                            } else {
                                dead.add(topics.dlq().valueSerde().deserializer().deserialize(r.topic(), r.value()));
                            }
                        }
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }

    /**
     * A processor's config on {@code kafka} with one drone-training rule (a file in {@code dir}), topics under
     * {@code prefix} (created), application id {@code prefix-processor} and its state in {@code dir}.
     */
    static Config droneTrainingProcessor(KafkaCluster kafka, Path dir, String prefix) throws java.io.IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                rules:
                  - id: drone-training
                    query: 'NEAR/10(dron*, (train* OR learn*))'
                    severity: high
                """);
        Config config = Config.load(null, Map.of(), AllKeys.all()).withKafka(kafka.clientSettings())
                .with(TopicKeys.PREFIX, prefix, "test")
                .with(ProcessorConfig.APPLICATION_ID, prefix + "-processor", "test")
                .with(ProcessorConfig.RULES, rules, "test")
                .with(ProcessorConfig.STATE_DIR, dir.resolve("streams"), "test");
        TopicSetup.createAll(config);
        return config;
    }
}
