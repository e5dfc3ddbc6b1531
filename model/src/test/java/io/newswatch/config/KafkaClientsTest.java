package io.newswatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The guarantees every client gets, and the defaults a {@code kafka:} setting may replace. */
class KafkaClientsTest {
    private static Config config(Map<String, String> kafka) {
        return Config.load(null, Map.of(), List.of()).withKafka(kafka);
    }

    /**
     * A producer default: set on plain producers and, prefixed, on Kafka Streams' producers; a {@code kafka:} setting
     * replaces it on both, unprefixed (then the prefixed default is not added) or prefixed.
     */
    private static void assertProducerDefault(String key, String byDefault, String configured) {
        Config defaults = config(Map.of("bootstrap.servers", "k:9092"));
        assertThat(KafkaClients.producer(defaults, "p").getProperty(key)).isEqualTo(byDefault);
        assertThat(KafkaClients.streams(defaults, "app", Path.of("state"), 2).getProperty("producer." + key)).isEqualTo(byDefault);

        Config tuned = config(Map.of("bootstrap.servers", "k:9092", key, configured));
        assertThat(KafkaClients.producer(tuned, "p").getProperty(key)).isEqualTo(configured);
        Properties streams = KafkaClients.streams(tuned, "app", Path.of("state"), 2);
        assertThat(streams.getProperty(key)).isEqualTo(configured);
        assertThat(streams.getProperty("producer." + key)).isNull();

        Config prefixed = config(Map.of("bootstrap.servers", "k:9092", "producer." + key, configured));
        assertThat(KafkaClients.streams(prefixed, "app", Path.of("state"), 2).getProperty("producer." + key)).isEqualTo(configured);
    }

    @Test
    void shouldBatchProducersForArticleSizedRecordsUnlessConfigured() {
        assertProducerDefault("batch.size", "262144", "65536");
    }

    @Test
    void shouldCompressWithLz4UnlessConfigured() {
        assertProducerDefault("compression.type", "lz4", "zstd");
    }

    @Test
    void shouldKeepTheGuaranteesWhateverIsConfigured() {
        Config weak = config(Map.of("bootstrap.servers", "k:9092", "acks", "1", "isolation.level", "read_uncommitted",
                "enable.auto.commit", "true"));
        assertThat(KafkaClients.producer(weak, "p")).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        assertThat(KafkaClients.consumer(weak, "c", "g")).containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", "false");
        assertThat(KafkaClients.streams(weak, "app", Path.of("state"), 2)).containsEntry("processing.guarantee", "exactly_once_v2");
    }
}
