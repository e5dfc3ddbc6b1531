package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feed lists against hostile or careless YAML (issue 14): each case is a {@link ConfigException} naming the file
 * position. Before, an alias was read as its own name and a repeated block was merged silently.
 */
class FeedListHostileYamlTest {

    @TempDir
    Path dir;

    private String load(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("feeds.yaml"), yaml);
        try {
            FeedList.load(file);
        } catch (ConfigException e) {
            return e.getMessage().replace(file.toString(), "feeds.yaml");
        }
        throw new AssertionError("loaded without error:\n" + yaml);
    }

    @Test
    void shouldRefuseAnAliasInsteadOfReadingItsName() throws IOException {
        assertThat(load("""
                feeds:
                  - id: a
                    url: &u https://a.example.org/rss
                  - id: b
                    url: *u
                """)).isEqualTo("feeds.yaml:5:10: YAML aliases (*u) are not supported; write the value out in full");
    }

    @Test
    void shouldRefuseAMergedBlock() throws IOException {
        assertThat(load("""
                feeds:
                  - &base
                    id: a
                    url: https://a.example.org/rss
                  - <<: *base
                    id: b
                """)).isEqualTo("feeds.yaml:5:5: YAML merge keys (<<) are not supported; write the keys out in full");
    }

    @Test
    void shouldRefuseAListWrittenTwice() throws IOException {
        assertThat(load("""
                feeds:
                  - {id: a, url: https://a.example.org/rss}
                feeds:
                  - {id: b, url: https://b.example.org/rss}
                """)).isEqualTo("feeds.yaml:3:1: duplicate key 'feeds' (first at line 1, column 1)");
    }

    @Test
    void shouldRefuseASecondDocument() throws IOException {
        assertThat(load("""
                feeds:
                  - {id: a, url: https://a.example.org/rss}
                ---
                feeds:
                  - {id: b, url: https://b.example.org/rss}
                """)).isEqualTo("feeds.yaml:3:1: a second YAML document starts here; a newswatch YAML file holds one document"
                + " (remove this '---' and what follows, or move it to a file of its own)");
    }

    @Test
    void shouldRefuseHugeFilesAndValues() throws IOException {
        String head = "feeds:\n  - id: a\n    url: https://a.example.org/rss\n    source: ";
        assertThat(load(head + "x".repeat(16 * 1024 * 1024) + "\n")).isEqualTo("feeds.yaml: the file is too large ("
                + Files.size(dir.resolve("feeds.yaml")) + " bytes); YAML files are limited to 4 MiB (4194304 bytes)");
        assertThat(load(head + "x".repeat(70_000) + "\n"))
                .isEqualTo("feeds.yaml:4:1: line 4 is 70012 characters long; lines and values are limited to 65536 characters");
    }

    @Test
    void shouldRefuseDeepNesting() throws IOException {
        assertThat(load("feeds:\n  - id: a\n    url: https://a.example.org/rss\n    tags: " + "[".repeat(1_000) + "\n"))
                .isEqualTo("feeds.yaml:4:40: maps and lists nested more than 32 levels deep");
    }

    @Test
    void shouldNameTheEntryAndKeyOfAnIntervalOutOfRange() throws IOException {
        assertThat(load("""
                feeds:
                  - id: a
                    url: https://a.example.org/rss
                    pollInterval: 99999999999999999d
                """)).isEqualTo("feeds.yaml:4:5: feeds[0].pollInterval: out of range: '99999999999999999d'"
                + " (durations are at most 106751991167d, about 292 million years)");
    }
}
