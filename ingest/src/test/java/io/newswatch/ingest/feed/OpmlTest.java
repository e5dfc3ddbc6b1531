package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newswatch.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlTest {

    private static final Duration DEFAULT = FeedSpec.DEFAULT_POLL_INTERVAL;

    @TempDir
    Path dir;

    @Test
    void readsAReaderExportWithNestedFoldersDuplicatesAndAliases() throws IOException {
        Path file = Files.write(dir.resolve("export.opml"), StandardFeedParserTest.fixture("reader-export.opml"));

        assertThat(Opml.read(file)).containsExactly(
                new FeedSpec("defense-news", "https://www.defensenews.com/arc/outboundfeeds/rss/?outputType=xml&size=20", "Defense News", null,
                        DEFAULT, false, List.of("defence")),
                // Listed again under Україна: one feed, both folders as tags.
                new FeedSpec("the-war-zone", "https://www.twz.com/feed", "The War Zone", "en", DEFAULT, false, List.of("defence", "ukraina")),
                new FeedSpec("animal-politico", "https://www.animalpolitico.com/feed/", "Animal Político", "es", DEFAULT, false,
                        List.of("america-latina", "mexico")),
                new FeedSpec("insight-crime", "https://insightcrime.org/feed/", "InSight Crime", null, DEFAULT, false, List.of("america-latina")),
                new FeedSpec("insight-crime-2", "https://es.insightcrime.org/feed/", "InSight Crime", "es", DEFAULT, false, List.of("america-latina")),
                new FeedSpec("ukrainska-pravda", "https://www.pravda.com.ua/rss/view_news/", "Українська правда", "uk", DEFAULT, false,
                        List.of("ukraina")),
                new FeedSpec("drone-wars-weekly", "http://podcasts.example.org/drone-wars.xml", "Drone Wars Weekly", null, DEFAULT, false,
                        List.of("podcasts", "audio", "defence", "drones")),
                new FeedSpec("meduza.io", "https://meduza.io/rss/all", "meduza.io", null, DEFAULT, false, List.of()));
    }

    @Test
    void writesOneFolderPerFirstTagWithEveryTagInCategory() {
        String opml = Opml.write(List.of(
                new FeedSpec("a", "https://a.example.org/rss?x=1&y=2", "A & Co <News>", "en", DEFAULT, true, List.of("defence", "wire")),
                new FeedSpec("b", "https://b.example.org/rss", "B", null, DEFAULT, false, List.of()),
                new FeedSpec("c", "https://c.example.org/rss", "C", "uk", DEFAULT, false, List.of("defence"))));

        assertThat(opml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head>
                    <title>newswatch feeds</title>
                  </head>
                  <body>
                    <outline text="defence" title="defence">
                      <outline type="rss" text="A &amp; Co &lt;News&gt;" title="A &amp; Co &lt;News&gt;" xmlUrl="https://a.example.org/rss?x=1&amp;y=2" language="en" category="defence,wire"/>
                      <outline type="rss" text="C" title="C" xmlUrl="https://c.example.org/rss" language="uk" category="defence"/>
                    </outline>
                    <outline type="rss" text="B" title="B" xmlUrl="https://b.example.org/rss"/>
                  </body>
                </opml>
                """);
    }

    @Test
    void writtenOpmlReadsBackToTheSameFeedsApartFromIds() throws IOException {
        List<FeedSpec> defaults = FeedList.loadDefault();
        Path file = Files.writeString(dir.resolve("round-trip.opml"), Opml.write(defaults));

        List<FeedSpec> back = Opml.read(file);

        assertThat(back).extracting(FeedSpec::url, FeedSpec::source, FeedSpec::lang, FeedSpec::tags)
                .containsExactlyInAnyOrderElementsOf(defaults.stream().map(f -> tuple(f.url(), f.source(), f.lang(), f.tags())).toList());
        assertThat(back).extracting(FeedSpec::id).doesNotHaveDuplicates();
    }

    @Test
    void externalEntitiesAndDoctypesAreRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "NW-SECRET-OPML");
        Path file = Files.writeString(dir.resolve("xxe.opml"), """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY xxe SYSTEM "%s">]>
                <opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://x.example.org/rss"/></body></opml>
                """.formatted(secret.toUri()));

        assertThatThrownBy(() -> Opml.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":2:").hasMessageContaining("DOCTYPE is not allowed in OPML")
                .message().doesNotContain("NW-SECRET-OPML");
    }

    @Test
    void aFeedUrlThatIsNotHttpNamesTheOutlineAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.opml"), """
                <opml version="2.0"><body>
                <outline text="Local file" xmlUrl="file:///etc/passwd"/>
                </body></opml>
                """);

        assertThatThrownBy(() -> Opml.read(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2:57: outline 'Local file': xmlUrl must be an absolute http or https URL, was 'file:///etc/passwd'");
    }

    @Test
    void otherDocumentsAndBrokenXmlAreNamed() throws IOException {
        Path rss = Files.writeString(dir.resolve("feed.opml"), "<rss version=\"2.0\"><channel/></rss>");
        Path broken = Files.writeString(dir.resolve("broken.opml"), "<opml><body><outline text=\"a\"></body></opml>");

        assertThatThrownBy(() -> Opml.read(rss)).hasMessage(rss + ":1:20: not an OPML document: root element <rss>");
        assertThatThrownBy(() -> Opml.read(broken)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(broken + ":1:").hasMessageContaining("not well-formed OPML: ");
        assertThatThrownBy(() -> Opml.read(dir.resolve("missing.opml"))).hasMessageStartingWith(dir.resolve("missing.opml") + ": cannot read OPML: ");
    }

    @Test
    void slugsFoldAccentsAndTransliterateCyrillic() {
        assertThat(Opml.slug("  América Latina — Seguridad! ")).isEqualTo("america-latina-seguridad");
        assertThat(Opml.slug("Медиазона")).isEqualTo("mediazona");
        assertThat(Opml.slug("Громадське ТБ")).isEqualTo("gromadske-tb");
        assertThat(Opml.slug("日本語")).isEmpty();
    }
}
