package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.health.Health;
import io.newswatch.alerts.AlertsConfig;
import io.newswatch.alerts.AlertsService;
import io.newswatch.app.replay.Progress;
import io.newswatch.app.replay.Replay;
import io.newswatch.app.replay.ReplayReport;
import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.topic.Json;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay on a real broker against a production run with 3 article partitions and 2 analysis threads, where two copies
 * of one story at different URLs sit on different partitions and the later copy is written first: with the
 * production rules the replay finds exactly the recorded alerts; with one rule removed and one added it lists exactly
 * those alerts as removed and added; two replays of the window write the same report.json but for its timing.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ReplayIT {
    static final String TRAINING = "Instructors at a camp near the front line trained cartel members to fly FPV attack drones, according to "
            + "prosecutors. The recruits spent six weeks learning to drop explosives from quadcopters. Investigators say the course was "
            + "paid for by a criminal network that smuggles weapons across the border.";
    static final String RULES = """
            rules:
              - id: drone-training
                query: 'NEAR/10(dron*, (train* OR learn*))'
                severity: high
              - id: cartel-recruitment
                query: 'NEAR/3(cartel*, (recruit* OR enlist*))'
                severity: medium
            """;
    static final String CANDIDATE = """
            rules:
              - id: drone-training
                query: 'NEAR/10(dron*, (train* OR learn*))'
                severity: high
              - id: harbour
                query: 'harbour AND reopen*'
                severity: low
            """;

    @TempDir
    Path dir;

    @Test
    void shouldReproduceProductionAndListExactlyWhatACandidateChanges(KafkaCluster kafka) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        Path candidate = Files.createDirectories(dir.resolve("candidate"));
        Files.writeString(candidate.resolve("rules.yaml"), CANDIDATE);
        Config config = Config.load(null, Map.of(), AllKeys.all()).withKafka(kafka.clientSettings())
                .with(TopicKeys.PREFIX, "replayit", "test")
                .with(TopicKeys.PARTITIONS, 3, "test")
                .with(ProcessorConfig.APPLICATION_ID, "replayit-processor", "test")
                .with(ProcessorConfig.THREADS, 2, "test")
                .with(ProcessorConfig.RULES, rules, "test")
                .with(ProcessorConfig.REORDER_GRACE, Duration.ofSeconds(20), "test")
                .with(ProcessorConfig.STATE_DIR, dir.resolve("streams"), "test")
                .with(AlertsConfig.APPLICATION_ID, "replayit-alerts", "test")
                .with(AlertsConfig.STATE_DIR, dir.resolve("alerts"), "test")
                .with(AlertsConfig.HTTP_PORT, 0, "test");
        TopicSetup.createAll(config);
        Topics topics = TopicKeys.topics(config);
        // live articles: fetched near the wall clock (the story stage's order), published an hour or more before (their
        // record timestamps, on which the windows run); the copy was published later but fetched first, so it opens the story
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Article first = article("https://one.example/a", "Cartel members trained to fly attack drones", TRAINING,
                base.minus(Duration.ofHours(2)), base.plusSeconds(6));
        Article copy = article("https://two.example/b", "Cartel members trained to fly attack drones", TRAINING + " Reporting by the wire.",
                base.minus(Duration.ofHours(1)), base.plusSeconds(2));
        Article recruiting = article("https://three.example/c", "Cartels recruit former soldiers",
                "Cartels recruit former soldiers and pay them well, officials said. The cartel is recruiting across the region.",
                base.minus(Duration.ofMinutes(90)), base.plusSeconds(4));
        Article harbour = article("https://four.example/d", "Harbour reopens", "The harbour will reopen next week after repairs to the pier.",
                base.minus(Duration.ofMinutes(30)), base.plusSeconds(8));

        List<Alert> production;
        SimpleMeterRegistry processorMetrics = new SimpleMeterRegistry();
        try (ProcessorService processor = new ProcessorService(config, processorMetrics).start();
             AlertsService alerts = new AlertsService(config, new SimpleMeterRegistry(), () -> "", new Health()).start();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "test"), new StringSerializer(),
                     new ByteArraySerializer())) {
            await().atMost(Duration.ofMinutes(2)).until(() -> processor.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
            // the copy fetched later goes first, on another partition than the one fetched first
            send(producer, topics, first, 0);
            send(producer, topics, harbour, 2);
            producer.flush();
            Thread.sleep(1500);
            send(producer, topics, copy, 1);
            send(producer, topics, recruiting, 2);
            producer.flush();
            await().atMost(Duration.ofMinutes(2)).until(() -> alerts(config, topics).size() == 2);
            production = alerts(config, topics);
        }
        assertThat(production).extracting(Alert::ruleId).containsExactlyInAnyOrder("drone-training", "cartel-recruitment");
        // the copy fetched first opens the story although it arrived later and was published later
        assertThat(production).filteredOn(a -> a.ruleId().equals("drone-training")).extracting(Alert::articleId).containsExactly(copy.id());
        assertThat(meterLate(processorMetrics)).isZero();

        Instant from = base.minus(Duration.ofHours(3));
        Instant to = base.plusSeconds(3600);
        ObjectNode same = replay(config, null, from, to, "same");
        assertThat(same.get("added")).isEmpty();
        assertThat(same.get("removed")).isEmpty();
        assertThat(same.get("changed")).isEmpty();
        assertThat(ids(same, "unchanged")).isEqualTo(production.stream().map(Alert::alertId).collect(Collectors.toSet()));
        assertThat(same.get("articles").asInt()).isEqualTo(4);

        ObjectNode changed = replay(config, candidate, from, to, "candidate");
        assertThat(ids(changed, "removed")).isEqualTo(production.stream().filter(a -> a.ruleId().equals("cartel-recruitment"))
                .map(Alert::alertId).collect(Collectors.toSet()));
        assertThat(changed.get("added")).hasSize(1);
        assertThat(changed.get("added").get(0).get("rule").asText()).isEqualTo("harbour");
        assertThat(changed.get("added").get(0).get("article").asText()).isEqualTo(harbour.id());
        assertThat(ids(changed, "unchanged")).isEqualTo(production.stream().filter(a -> a.ruleId().equals("drone-training"))
                .map(Alert::alertId).collect(Collectors.toSet()));
        assertThat(changed.get("changed")).isEmpty();
        assertThat(Files.readString(dir.resolve("candidate-out/report.html"))).contains("<svg", "harbour").doesNotContain("http://cdn", "<script");

        ObjectNode again = replay(config, null, from, to, "again");
        same.remove("timing");
        again.remove("timing");
        assertThat(Json.mapper().writeValueAsString(again)).isEqualTo(Json.mapper().writeValueAsString(same));
        byte[] first1 = Files.readAllBytes(dir.resolve("same-out/report.json"));
        byte[] second = Files.readAllBytes(dir.resolve("again-out/report.json"));
        assertThat(withoutTiming(second)).isEqualTo(withoutTiming(first1));
        // nothing of the replays is left on the cluster
        try (var admin = org.apache.kafka.clients.admin.Admin.create(KafkaClients.common(config, "check"))) {
            assertThat(admin.listTopics().names().get()).noneMatch(t -> t.contains(".replay-"));
        }
    }

    private ObjectNode replay(Config config, Path rules, Instant from, Instant to, String name) throws Exception {
        Replay.Outcome outcome = new Replay(config, rules, from, to, Progress.silent()).run();
        ReplayReport report = ReplayReport.of(outcome, from, to);
        Path out = dir.resolve(name + "-out");
        report.write(out);
        return (ObjectNode) Json.mapper().readTree(Files.readAllBytes(out.resolve("report.json")));
    }

    private static String withoutTiming(byte[] json) {
        String s = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        return s.substring(0, s.indexOf("\"timing\""));
    }

    private static Set<String> ids(ObjectNode report, String key) {
        Set<String> out = new java.util.HashSet<>();
        report.get(key).forEach(n -> out.add(n.get("alertId").asText()));
        return out;
    }

    private static Article article(String url, String title, String text, Instant published, Instant fetched) {
        return Article.builder(url).title(title).text(text).lang("en").source(url.substring(8, url.indexOf('/', 8)))
                .publishedAt(published).fetchedAt(fetched).build();
    }

    private static double meterLate(SimpleMeterRegistry metrics) {
        var c = metrics.find("newswatch.processor.reorder.late").counter();
        return c == null ? 0 : c.count();
    }

    /** As ingest writes it: the record timestamp is the event time, here the publication time. */
    private static void send(KafkaProducer<String, byte[]> producer, Topics topics, Article a, int partition) {
        producer.send(new ProducerRecord<>(topics.articles().name(), partition, a.publishedAt().toEpochMilli(), a.id(),
                topics.articles().valueSerde().serializer().serialize(null, a)));
    }

    /** The latest version of every alert on the production alerts topic. */
    private static List<Alert> alerts(Config config, Topics topics) {
        Map<String, Alert> byId = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaClients.consumer(config, "test-alerts", null), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topics.alerts().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            c.assign(parts);
            c.seekToBeginning(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    Alert a = topics.alerts().valueSerde().deserializer().deserialize(r.topic(), r.value());
                    byId.put(a.alertId(), a);
                }
            }
        }
        return new ArrayList<>(byId.values());
    }
}
