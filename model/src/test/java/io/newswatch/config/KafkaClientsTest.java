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

    @Test
    void shouldBatchProducersForArticleSizedRecordsUnlessConfigured() {
        Config defaults = config(Map.of("bootstrap.servers", "k:9092"));
        assertThat(KafkaClients.producer(defaults, "p").getProperty("batch.size")).isEqualTo("262144");
        assertThat(KafkaClients.streams(defaults, "app", Path.of("state"), 2).getProperty("producer.batch.size")).isEqualTo("262144");

        Config tuned = config(Map.of("bootstrap.servers", "k:9092", "batch.size", "65536"));
        assertThat(KafkaClients.producer(tuned, "p").getProperty("batch.size")).isEqualTo("65536");
        Properties streams = KafkaClients.streams(tuned, "app", Path.of("state"), 2);
        assertThat(streams.getProperty("batch.size")).isEqualTo("65536");
        assertThat(streams.getProperty("producer.batch.size")).isNull();
    }

    @Test
    void shouldCompressWithLz4UnlessConfigured() {
        Config defaults = config(Map.of("bootstrap.servers", "k:9092"));
        assertThat(KafkaClients.producer(defaults, "p").getProperty("compression.type")).isEqualTo("lz4");
        assertThat(KafkaClients.streams(defaults, "app", Path.of("state"), 2).getProperty("producer.compression.type")).isEqualTo("lz4");

        Config zstd = config(Map.of("bootstrap.servers", "k:9092", "compression.type", "zstd"));
        assertThat(KafkaClients.producer(zstd, "p").getProperty("compression.type")).isEqualTo("zstd");
        Properties streams = KafkaClients.streams(zstd, "app", Path.of("state"), 2);
        assertThat(streams.getProperty("compression.type")).isEqualTo("zstd");
        assertThat(streams.getProperty("producer.compression.type")).isNull();

        Config prefixed = config(Map.of("bootstrap.servers", "k:9092", "producer.compression.type", "gzip"));
        assertThat(KafkaClients.streams(prefixed, "app", Path.of("state"), 2).getProperty("producer.compression.type")).isEqualTo("gzip");
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
