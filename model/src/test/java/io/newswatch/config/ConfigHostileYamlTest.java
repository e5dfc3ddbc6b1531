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

/**
 * The config file against hostile or careless YAML (issue 14): every case is a config error naming the file
 * position, and the key when there is one. Before, aliases and repeated keys were misread silently and a
 * retention of 99999999999999999d failed with "long overflow".
 */
class ConfigHostileYamlTest {
    static final ConfigKey<Duration> POLL = ConfigKey.of("ingest.pollInterval", ConfigType.DURATION_TYPE, Duration.ofMinutes(10), "poll");
    static final ConfigKey<Integer> PARTS = ConfigKey.of("topics.partitions", ConfigType.INT, 3, "parts");
    static final ConfigKey<Long> BYTES = ConfigKey.of("ingest.maxBodyBytes", ConfigType.LONG, 1L, "bytes");
    static final ConfigKey<Duration> NANOS = ConfigKey.of("alerts.window", ConfigType.DURATION_TYPE, Duration.ofHours(1), "window")
            .validatedBy(d -> d.toNanos() > 0, "must be > 0");
    static final List<ConfigKey<?>> KEYS = List.of(POLL, PARTS, BYTES, NANOS);

    @TempDir
    Path dir;

    private Path file;

    private Path yaml(String text) throws Exception {
        file = dir.resolve("newswatch.yaml");
        Files.writeString(file, text);
        return file;
    }

    private String load(String text) throws Exception {
        Path f = yaml(text);
        try {
            Config.load(f, Map.of(), KEYS);
        } catch (ConfigException e) {
            return e.getMessage().replace(f.toString(), "newswatch.yaml");
        }
        throw new AssertionError("loaded without error:\n" + text);
    }

    @Test
    void shouldRefuseAnAliasInsteadOfReadingItsName() throws Exception {
        assertThat(load("""
                ingest:
                  pollInterval: &p 5m
                alerts:
                  window: *p
                """)).isEqualTo("newswatch.yaml:4:11: YAML aliases (*p) are not supported; write the value out in full");
    }

    @Test
    void shouldRefuseAKeyWrittenTwice() throws Exception {
        assertThat(load("""
                ingest:
                  pollInterval: 5m
                  pollInterval: 10m
                """)).isEqualTo("newswatch.yaml:3:3: duplicate key 'pollInterval' (first at line 2, column 3)");
    }

    @Test
    void shouldRefuseAKeySetTwiceOnceDottedAndOnceNested() throws Exception {
        assertThat(load("""
                ingest.pollInterval: 5m
                ingest:
                  pollInterval: 10m
                """)).isEqualTo("newswatch.yaml:3:3: 'ingest.pollInterval' is set twice (first at newswatch.yaml:1:1)");
    }

    @Test
    void shouldRefuseAMergedBlock() throws Exception {
        assertThat(load("""
                defaults: &d
                  pollInterval: 5m
                ingest:
                  <<: *d
                """)).isEqualTo("newswatch.yaml:4:3: YAML merge keys (<<) are not supported; write the keys out in full");
    }

    @Test
    void shouldRefuseASecondDocument() throws Exception {
        assertThat(load("""
                ingest:
                  pollInterval: 5m
                ---
                ingest:
                  pollInterval: 1m
                """)).isEqualTo("newswatch.yaml:3:1: a second YAML document starts here; a newswatch YAML file holds one document"
                + " (remove this '---' and what follows, or move it to a file of its own)");
    }

    @Test
    void shouldRefuseHugeFilesAndValuesBeforeReadingThem() throws Exception {
        assertThat(load("ingest:\n  pollInterval: " + "9".repeat(16 * 1024 * 1024) + "\n"))
                .isEqualTo("newswatch.yaml: the file is too large (16777241 bytes); YAML files are limited to 4 MiB (4194304 bytes)");
        assertThat(load("ingest:\n  pollInterval: " + "9".repeat(70_000) + "s\n"))
                .isEqualTo("newswatch.yaml:2:1: line 2 is 70017 characters long; lines and values are limited to 65536 characters");
    }

    @Test
    void shouldRefuseDeepNesting() throws Exception {
        assertThat(load("ingest:\n  pollInterval: " + "[".repeat(5_000) + "\n"))
                .isEqualTo("newswatch.yaml:2:47: maps and lists nested more than 32 levels deep");
    }

    @Test
    void shouldNameTheKeyOfADurationOutOfRange() throws Exception {
        assertThat(load("ingest:\n  pollInterval: 99999999999999999d\n")).isEqualTo("newswatch.yaml:2:3: invalid value for 'ingest.pollInterval'"
                + " (duration): out of range: '99999999999999999d' (durations are at most 106751991167d, about 292 million years)");
        assertThat(load("ingest:\n  pollInterval: 106751991168d\n")).contains("out of range: '106751991168d'");
        assertThat(load("ingest:\n  pollInterval: 99999999999999999999ms\n")).contains("out of range: '99999999999999999999ms'");
        assertThat(load("ingest:\n  pollInterval: PT99999999999999999999H\n")).contains("out of range: 'PT99999999999999999999H'");
        assertThat(load("ingest:\n  pollInterval: P999999999999999D\n")).contains("out of range: 'P999999999999999D'");
        assertThat(Config.load(yaml("ingest:\n  pollInterval: 106751991167d\n"), Map.of(), KEYS).get(POLL)).isEqualTo(Duration.ofDays(106_751_991_167L));
    }

    @Test
    void shouldNameTheKeyOfAnIntegerOutOfRange() throws Exception {
        assertThat(load("topics:\n  partitions: 2147483648\n")).isEqualTo("newswatch.yaml:2:3: invalid value for 'topics.partitions'"
                + " (integer): out of range: '2147483648' (an integer from -2147483648 to 2147483647)");
        assertThat(load("ingest:\n  maxBodyBytes: 99999999999999999999\n")).isEqualTo("newswatch.yaml:2:3: invalid value for 'ingest.maxBodyBytes'"
                + " (integer): out of range: '99999999999999999999' (an integer from -9223372036854775808 to 9223372036854775807)");
        assertThat(load("topics:\n  partitions: 1e3\n")).isEqualTo("newswatch.yaml:2:3: invalid value for 'topics.partitions' (integer): not an integer: '1e3'");
    }

    @Test
    void shouldNameTheVariableOfAValueOutOfRange() {
        assertThatThrownBy(() -> Config.load(null, Map.of("NEWSWATCH_INGEST_POLL_INTERVAL", "99999999999999999d"), KEYS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable NEWSWATCH_INGEST_POLL_INTERVAL: invalid value for 'ingest.pollInterval' (duration):"
                        + " out of range: '99999999999999999d' (durations are at most 106751991167d, about 292 million years)");
    }

    @Test
    void shouldReportAValidatorThatFailsOnAHugeValueAsAConfigError() throws Exception {
        assertThat(load("alerts:\n  window: 300000d\n")).isEqualTo("newswatch.yaml:2:3: invalid value for 'alerts.window': '300000d' is out of range");
    }
}
