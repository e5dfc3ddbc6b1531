package io.newswatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    static final ConfigKey<Duration> POLL = ConfigKey.of("ingest.pollInterval", ConfigType.DURATION_TYPE, Duration.ofMinutes(10), "poll");
    static final ConfigKey<Integer> PARTS = ConfigKey.of("topics.partitions", ConfigType.INT, 3, "parts").validatedBy(n -> n >= 1, "must be >= 1");
    static final ConfigKey<List<String>> ALLOW = ConfigKey.of("ingest.egressAllow", ConfigType.LIST, List.of(), "allow");
    static final List<ConfigKey<?>> KEYS = List.of(POLL, PARTS, ALLOW);

    @TempDir
    Path dir;

    Path yaml(String text) throws Exception {
        Path f = dir.resolve("newswatch.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        Config c = Config.load(null, Map.of(), KEYS);
        assertThat(c.get(POLL)).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.origin(POLL)).isEqualTo("default");
        assertThat(c.kafka()).isEmpty();
    }

    @Test
    void shouldReadNestedKeysListsAndKafkaVerbatim() throws Exception {
        Path f = yaml("""
                ingest:
                  pollInterval: 30s
                  egressAllow: [10.0.0.0/8, 192.168.1.0/24]
                kafka:
                  bootstrap.servers: broker:9092
                  security.protocol: SASL_SSL
                """);
        Config c = Config.load(f, Map.of(), KEYS);
        assertThat(c.get(POLL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.get(ALLOW)).containsExactly("10.0.0.0/8", "192.168.1.0/24");
        assertThat(c.kafka()).containsEntry("bootstrap.servers", "broker:9092").containsEntry("security.protocol", "SASL_SSL");
        assertThat(c.origin(POLL)).endsWith("newswatch.yaml:2:3");
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFile() throws Exception {
        Path f = yaml("topics:\n  partitions: 6\n");
        Config c = Config.load(f, Map.of("NEWSWATCH_TOPICS_PARTITIONS", "12", "KAFKA_BOOTSTRAP_SERVERS", "k:1",
                "NEWSWATCH_KAFKA_SASL_MECHANISM", "PLAIN", "PATH", "/bin"), KEYS);
        assertThat(c.get(PARTS)).isEqualTo(12);
        assertThat(c.origin(PARTS)).isEqualTo("environment variable NEWSWATCH_TOPICS_PARTITIONS");
        assertThat(c.kafka()).containsEntry("bootstrap.servers", "k:1").containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void shouldRejectUnknownKeyWithItsPositionAndASuggestion() throws Exception {
        Path f = yaml("ingest:\n  polInterval: 5m\n");
        assertThatThrownBy(() -> Config.load(f, Map.of(), KEYS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("newswatch.yaml:2:3: unknown key 'ingest.polInterval'")
                .hasMessageContaining("did you mean 'ingest.pollInterval'?");
    }

    @Test
    void shouldRejectABadValueNamingKeyTypeAndPosition() throws Exception {
        Path f = yaml("topics:\n  partitions: zero\n");
        assertThatThrownBy(() -> Config.load(f, Map.of(), KEYS))
                .hasMessageContaining("newswatch.yaml:2:3: invalid value for 'topics.partitions' (integer): not an integer: 'zero'");
        Path g = yaml("topics:\n  partitions: 0\n");
        assertThatThrownBy(() -> Config.load(g, Map.of(), KEYS)).hasMessageContaining("'0' must be >= 1");
    }

    @Test
    void shouldRejectAnUnknownNewswatchVariable() {
        assertThatThrownBy(() -> Config.load(null, Map.of("NEWSWATCH_TOPICS_PARTITONS", "3"), KEYS))
                .hasMessageContaining("environment variable NEWSWATCH_TOPICS_PARTITONS sets no known key")
                .hasMessageContaining("NEWSWATCH_TOPICS_PARTITIONS");
    }

    @Test
    void shouldRejectBrokenYamlAndMissingFiles() throws Exception {
        Path f = yaml("ingest: [unclosed\n");
        assertThatThrownBy(() -> Config.load(f, Map.of(), KEYS)).isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Config.load(dir.resolve("missing.yaml"), Map.of(), KEYS)).hasMessageContaining("config file not found");
    }

    @Test
    void shouldDeriveEnvironmentNamesFromKeys() {
        assertThat(POLL.envName()).isEqualTo("NEWSWATCH_INGEST_POLL_INTERVAL");
        assertThat(ConfigKey.of("alerts.http.port", ConfigType.INT, 1, "d").envName()).isEqualTo("NEWSWATCH_ALERTS_HTTP_PORT");
    }
}
