package io.newswatch.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.TopicSetup;
import io.newswatch.config.Config;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker is a real broker whose topics, records and offsets survive a restart. */
class EmbeddedKafkaBrokerIT {

    @TempDir
    Path data;

    @Test
    void shouldKeepTopicsRecordsAndOffsetsAcrossRestart() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(data, 0, 0).start()) {
            Config config = Config.load(null, Map.of(), TopicKeys.KEYS).withKafka(Map.of("bootstrap.servers", broker.bootstrapServers()))
                    .with(TopicKeys.PARTITIONS, 2, "test").with(TopicKeys.ARTICLES_RETENTION, Duration.ofDays(7), "test");
            TopicSetup.createAll(config);
            TopicSetup.createAll(config); // idempotent
            try (KafkaProducer<String, String> p = new KafkaProducer<>(props(broker), new StringSerializer(), new StringSerializer())) {
                p.send(new ProducerRecord<>("newswatch.articles", "a", "first")).get();
                p.send(new ProducerRecord<>("newswatch.articles", "b", "second")).get();
            }
            assertThat(consume(broker, "g1", 2)).containsExactlyInAnyOrder("first", "second");
        }
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(data, 0, 0).start()) {
            try (Admin a = Admin.create(props(broker))) {
                Topics topics = Topics.defaults();
                assertThat(a.listTopics().names().get()).containsAll(topics.all().stream().map(t -> t.name()).toList());
                var described = a.describeTopics(List.of(topics.articles().name(), topics.stories().name())).allTopicNames().get();
                assertThat(described.get(topics.articles().name()).partitions()).hasSize(2);
                assertThat(described.get(topics.stories().name()).partitions()).as("the story stage's input keeps one order").hasSize(1);
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, "newswatch.articles");
                ConfigEntry retention = a.describeConfigs(List.of(r)).all().get().get(r).get("retention.ms");
                assertThat(retention.value()).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
                ConfigResource rules = new ConfigResource(ConfigResource.Type.TOPIC, "newswatch.rules");
                assertThat(a.describeConfigs(List.of(rules)).all().get().get(rules).get("cleanup.policy").value()).isEqualTo("compact");
            }
            try (KafkaProducer<String, String> p = new KafkaProducer<>(props(broker), new StringSerializer(), new StringSerializer())) {
                p.send(new ProducerRecord<>("newswatch.articles", "c", "third")).get();
            }
            // group g1 committed both earlier records before the restart: it sees only the new one
            assertThat(consume(broker, "g1", 1)).containsExactly("third");
            assertThat(consume(broker, "g2", 3)).containsExactlyInAnyOrder("first", "second", "third");
        }
    }

    private static Properties props(EmbeddedKafkaBroker broker) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        return p;
    }

    private static List<String> consume(EmbeddedKafkaBroker broker, String group, int expected) {
        Properties p = props(broker);
        p.putAll(Map.of("group.id", group, "auto.offset.reset", "earliest", "enable.auto.commit", "false"));
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("newswatch.articles"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
            c.commitSync();
        }
        return out;
    }
}
