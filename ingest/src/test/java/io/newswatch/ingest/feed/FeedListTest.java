package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryKeyAndAppliesDefaults() throws IOException {
        Path file = write("""
                feeds:
                  - id: insightcrime-es
                    url: https://es.insightcrime.org/feed/
                    source: InSight Crime (es)
                    lang: es
                    pollInterval: 15m
                    fullText: true
                    tags: [latam-security, investigations]
                  - id: plain
                    url: http://plain.example.org/rss
                  - id: iso.interval
                    url: https://iso.example.org/atom
                    pollInterval: PT90S
                """);

        assertThat(FeedList.load(file)).containsExactly(
                new FeedSpec("insightcrime-es", "https://es.insightcrime.org/feed/", "InSight Crime (es)", "es", Duration.ofMinutes(15), true,
                        List.of("latam-security", "investigations")),
                new FeedSpec("plain", "http://plain.example.org/rss", "plain.example.org", null, Duration.ofMinutes(10), false, List.of()),
                new FeedSpec("iso.interval", "https://iso.example.org/atom", "iso.example.org", null, Duration.ofSeconds(90), false, List.of()));
    }

    @Test
    void anUnknownKeyNamesFileLineColumnEntryAndKey() throws IOException {
        Path file = write("""
                feeds:
                  - id: a
                    url: https://a.example.org/rss
                    pollIntervall: 10m
                """);

        assertThatThrownBy(() -> FeedList.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":4:5: feeds[0].pollIntervall: unknown key; known keys are id, url, source, lang, pollInterval, fullText, tags");
    }

    @Test
    void aWrongTypeNamesTheKey() throws IOException {
        Path bool = write("""
                feeds:
                  - id: a
                    url: https://a.example.org/rss
                    fullText: maybe
                """);
        Path tags = write("""
                feeds:
                  - id: a
                    url: https://a.example.org/rss
                    tags: defence
                """);

        assertThatThrownBy(() -> FeedList.load(bool)).isInstanceOf(ConfigException.class)
                .hasMessage(bool + ":4:5: feeds[0].fullText: expected true or false, got 'maybe'");
        assertThatThrownBy(() -> FeedList.load(tags)).isInstanceOf(ConfigException.class)
                .hasMessage(tags + ":4:5: feeds[0].tags: wrong type: expected a list such as [a, b]");
    }

    @Test
    void durationsMustBeWrittenWithAUnit() throws IOException {
        Path number = write("""
                feeds:
                  - id: a
                    url: https://a.example.org/rss
                    pollInterval: 600
                """);
        Path word = write("""
                feeds:
                  - id: a
                    url: https://a.example.org/rss
                    pollInterval: often
                """);

        assertThatThrownBy(() -> FeedList.load(number)).isInstanceOf(ConfigException.class)
                .hasMessage(number + ":4:5: feeds[0].pollInterval: wrong type: expected a duration such as 30s, 10m, 2h or PT10M, got '600'");
        assertThatThrownBy(() -> FeedList.load(word)).isInstanceOf(ConfigException.class)
                .hasMessage(word + ":4:5: feeds[0].pollInterval: not a duration: 'often' (use 500ms, 30s, 10m, 2h, 7d or ISO-8601 such as PT10M)");
    }

    @Test
    void invalidValuesPointAtTheirEntry() throws IOException {
        Path fast = write("""
                feeds:
                  - id: ok
                    url: https://ok.example.org/rss
                  - id: fast
                    url: https://fast.example.org/rss
                    pollInterval: 10s
                """);
        Path ftp = write("""
                feeds:
                  - id: ftp
                    url: ftp://files.example.org/feed.xml
                """);
        Path upper = write("""
                feeds:
                  - id: Upper
                    url: https://u.example.org/rss
                """);
        Path lang = write("""
                feeds:
                  - id: l
                    url: https://l.example.org/rss
                    lang: English
                """);

        assertThatThrownBy(() -> FeedList.load(fast)).hasMessage(fast + ":6:5: feeds[1].pollInterval must be at least 30s, was 10s");
        assertThatThrownBy(() -> FeedList.load(ftp)).hasMessage(ftp + ":3:5: feeds[0].url must be an absolute http or https URL, was 'ftp://files.example.org/feed.xml'");
        assertThatThrownBy(() -> FeedList.load(upper)).hasMessage(upper + ":2:5: feeds[0].id must match [a-z0-9][a-z0-9._-]*, was 'Upper'");
        assertThatThrownBy(() -> FeedList.load(lang)).hasMessage(lang
                + ":4:5: feeds[0].lang must be a lower-case ISO 639-1 code such as en, es, pt, uk or ru, was 'English'");
    }

    @Test
    void duplicateIdsAndDuplicateKeysAreRefused() throws IOException {
        Path ids = write("""
                feeds:
                  - id: dup
                    url: https://one.example.org/rss
                  - id: dup
                    url: https://two.example.org/rss
                """);
        Path keys = write("""
                feeds:
                  - id: k
                    url: https://one.example.org/rss
                    url: https://two.example.org/rss
                """);

        assertThatThrownBy(() -> FeedList.load(ids)).hasMessage(ids + ":4:5: feeds[1].id: duplicate id 'dup' (first at line 2)");
        assertThatThrownBy(() -> FeedList.load(keys)).isInstanceOf(ConfigException.class)
                .hasMessage(keys + ":4:5: duplicate key 'url' (first at line 3, column 5)");
    }

    @Test
    void structureErrorsAreNamed() throws IOException {
        Path topLevel = write("""
                feed:
                  - id: a
                """);
        Path notAList = write("feeds: https://a.example.org/rss\n");
        Path scalarEntry = write("""
                feeds:
                  - https://a.example.org/rss
                """);
        Path syntax = write("feeds: [ {id: a, url: https://a.example.org/rss\n");

        assertThatThrownBy(() -> FeedList.load(topLevel)).hasMessage(topLevel + ":1:1: unknown key 'feed'; a feed list has only 'feeds:'");
        assertThatThrownBy(() -> FeedList.load(notAList)).hasMessage(notAList + ":1:8: 'feeds' must be a list of feeds");
        assertThatThrownBy(() -> FeedList.load(scalarEntry)).hasMessage(scalarEntry + ":2:5: feeds[0]: each feed must be a map of keys (id, url, ...)");
        assertThatThrownBy(() -> FeedList.load(syntax)).isInstanceOf(ConfigException.class).hasMessageStartingWith(syntax + ":").hasMessageContaining("not valid YAML: ");
    }

    @Test
    void aMissingFileIsAConfigError() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> FeedList.load(missing)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(missing + ": cannot read the feed list: ");
    }

    @Test
    void toYamlReadsBackToTheSameList() throws IOException {
        List<FeedSpec> feeds = List.of(
                new FeedSpec("a", "https://a.example.org/rss?x=1&y=2", "A: the outlet", "pt", Duration.ofHours(2), true, List.of("wire", "2024")),
                new FeedSpec("b", "https://b.example.org/atom", "yes", null, Duration.ofSeconds(45), false, List.of()));

        String yaml = FeedList.toYaml(feeds);

        assertThat(yaml).isEqualTo("""
                feeds:
                  - id: a
                    url: https://a.example.org/rss?x=1&y=2
                    source: "A: the outlet"
                    lang: pt
                    pollInterval: 2h
                    fullText: true
                    tags:
                      - wire
                      - "2024"
                  - id: b
                    url: https://b.example.org/atom
                    source: "yes"
                    pollInterval: 45s
                    fullText: false
                    tags: []
                """);
        assertThat(FeedList.load(Files.writeString(dir.resolve("round-trip.yaml"), yaml))).isEqualTo(feeds);
    }

    @Test
    void defaultListCoversEveryWatchLanguageAndBeat() {
        List<FeedSpec> feeds = FeedList.loadDefault();

        assertThat(feeds).hasSizeBetween(30, 50);
        for (String lang : List.of("en", "es", "pt", "uk", "ru")) {
            assertThat(feeds).as("feeds in " + lang).filteredOn(f -> lang.equals(f.lang())).hasSizeGreaterThanOrEqualTo(4);
        }
        for (String tag : List.of("defence", "latam-security", "ukraine", "russia", "wire", "world")) {
            assertThat(feeds).as("feeds tagged " + tag).filteredOn(f -> f.tags().contains(tag)).isNotEmpty();
        }
        assertThat(feeds).extracting(FeedSpec::url).doesNotHaveDuplicates().allMatch(url -> url.startsWith("https://"));
        assertThat(feeds).allMatch(f -> !f.source().equals(FeedSpec.httpHost(f.url())), "every feed names its outlet");
    }

    private int files;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("feeds-" + files++ + ".yaml"), yaml);
    }
}
