package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorFactory;
import io.newswatch.processor.ProcessorService;
import io.newswatch.processor.rules.WatchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue "Hostile input" on a real broker (siblings: NewsTopologyTest's poison-rule test, HostileInputCliTest).
 * A rule nested 2,000 deep used to overflow the parser's stack; published to the compacted rules topic it
 * would stop the processor again at every start. Here it and two other poison rules are published to the
 * running processor, which rejects them and keeps matching; then the processor restarts, reads them again
 * from the topic, rejects them again and still matches. Also: {@code ingest --from-dir} publishes the good
 * files of a directory and reports each bad one.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PoisonRuleIT {
    @TempDir
    Path dir;

    @Test
    void shouldKeepMatchingAcrossARestartWithPoisonRulesOnTheRulesTopic(KafkaCluster kafka) throws Exception {
        Config config = ProcessorIT.droneTrainingProcessor(kafka, dir, "poison");
        Topics topics = TopicKeys.topics(config);
        List<Match> matches = new CopyOnWriteArrayList<>();
        List<DeadLetter> dead = new CopyOnWriteArrayList<>();
        StringBuilder wide = new StringBuilder("w0");
        for (int i = 1; i < 1_100; i++) {
            wide.append(" OR w").append(i);
        }
        List<WatchRule> poison = List.of(
                new WatchRule("deep", "Deep", "", "(".repeat(2_000) + "drone" + ")".repeat(2_000), List.of(), "high", List.of()),
                new WatchRule("stars", "Stars", "", "dr" + "*".repeat(5_000), List.of(), "high", List.of()),
                new WatchRule("wide", "Wide", "", wide.toString(), List.of(), "high", List.of()));

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "test"), new StringSerializer(),
                new ByteArraySerializer());
             ProcessorIT.Reader reader = new ProcessorIT.Reader(config, topics, matches, dead)) {
            for (int run = 1; run <= 2; run++) {
                SimpleMeterRegistry metrics = new SimpleMeterRegistry();
                try (ProcessorService processor = new ProcessorService(config, metrics).start()) {
                    await().atMost(Duration.ofMinutes(2)).until(() -> processor.state() == KafkaStreams.State.RUNNING);
                    if (run == 1) {
                        ProcessorFactory.publish(config, topics, poison); // bypasses validation, as a hostile producer would
                    }
                    // (distinct texts: the second run's article must not be an exact duplicate of the first's, which is dropped)
                    // the poison rules reach the global table (live in run 1, restored from the topic in run 2) and are rejected
                    await().atMost(Duration.ofMinutes(2)).until(() -> rejected(metrics) >= poison.size());
                    int before = matches.size();
                    String[] camps = {"", "in the north", "on the coast"};
                    ProcessorIT.send(producer, topics, ProcessorIT.article("https://poison.example/" + run, "Recruits learn to fly attack drones",
                            "Former soldiers were trained to fly attack drones at a camp " + camps[run] + " run by the cartel, run " + run
                                    + " of the course."));
                    await().atMost(Duration.ofMinutes(2)).until(() -> matches.size() > before);
                    assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
                    assertThat(matches.get(matches.size() - 1).rules()).extracting(RuleHit::id).containsExactly("drone-training");
                }
            }
            assertThat(dead).isEmpty();
        }
    }

    @Test
    void shouldPublishTheGoodFilesOfADirectoryAndReportEachBadOne(KafkaCluster kafka) throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(articles.resolve("a.txt"), "Drone school\nRecruits were trained to fly drones.");
        Files.writeString(articles.resolve("bad.json"), "{\"id\":\"x\",\"url\":\"javascript:alert(1)\",\"fetchedAt\":\"2026-01-01T00:00:00Z\"}");
        Files.writeString(articles.resolve("c.txt"), "Bakery\nThe sourdough sells out by nine.");
        Path cfg = dir.resolve("newswatch.yaml");
        Files.writeString(cfg, "topics:\n  prefix: fromdir\n");

        NewswatchCliTest.Result r = NewswatchCliTest.run("--config", cfg.toString(), "ingest", "--bootstrap-servers",
                kafka.clientSettings().get("bootstrap.servers"), "--from-dir", articles.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("newswatch ingest: skipped " + articles.resolve("bad.json")
                + ": field 'url' must be an absolute http or https URL, was 'javascript:alert(1)'\n", "newswatch ingest: 1 of 3 files failed");
        assertThat(r.out()).contains("published 2 articles to fromdir.articles (1 files skipped, 0 stamped with their read time");
        List<String> titles = new ArrayList<>();
        Config config = Config.load(null, Map.of(), AllKeys.all()).withKafka(kafka.clientSettings());
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaClients.consumer(config, "fromdir-reader", "fromdir-reader"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("fromdir.articles"));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<String, byte[]> rec : c.poll(Duration.ofMillis(200))) {
                    titles.add(Topics.defaults().articles().valueSerde().deserializer().deserialize(rec.topic(), rec.value()).title());
                }
                return titles.size() >= 2;
            });
        }
        assertThat(titles).containsExactlyInAnyOrder("Drone school", "Bakery");
    }

    private static double rejected(SimpleMeterRegistry metrics) {
        Counter c = metrics.find("newswatch.processor.rule.updates").tag("result", "rejected").counter();
        return c == null ? 0 : c.count();
    }
}
