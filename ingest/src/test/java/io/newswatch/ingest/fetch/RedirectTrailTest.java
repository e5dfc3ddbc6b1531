package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.ingest.fetch.RedirectTrail.Step;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectTrailTest {

    // The \u00c3\u00a9 row is UTF-8 "é" as the JDK hands it over: each byte decoded as ISO-8859-1.
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            http://a.example/feeds/rss     | /new/rss                      | http://a.example/new/rss
            http://a.example/feeds/rss     | atom                          | http://a.example/feeds/atom
            http://a.example               | rss.xml                       | http://a.example/rss.xml
            http://a.example/b/c?x=1       | ?y=2                          | http://a.example/b/c?y=2
            http://a.example/x             | //cdn.example/f.xml           | http://cdn.example/f.xml
            http://a.example/x             | HTTPS://b.example/f           | HTTPS://b.example/f
            https://a.example/x            | https://b.example/a b.xml     | https://b.example/a%20b.xml
            https://a.example/x            | "  /trimmed  "                | https://a.example/trimmed
            https://a.example/x            | /caf\u00c3\u00a9              | https://a.example/caf%C3%A9
            https://a.example/x            | /\u65e5\u672c                 | https://a.example/%E6%97%A5%E6%9C%AC
            https://a.example/x            | /a{b}<c>^                     | https://a.example/a%7Bb%7D%3Cc%3E%5E
            """)
    void shouldResolveAndRepairLocationHeaders(String base, String location, String expected) {
        assertThat(RedirectTrail.resolve(URI.create(base), location)).isEqualTo(URI.create(expected));
    }

    @Test
    void shouldGiveUpOnALocationThatIsNoUrlEvenAfterRepair() {
        URI base = URI.create("http://a.example/");
        assertThat(RedirectTrail.resolve(base, "   ")).isNull();
        assertThat(RedirectTrail.resolve(base, "http://[bad/")).isNull();
        assertThat(RedirectTrail.resolve(base, "/100%zz")).isNull();
    }

    @Test
    void shouldDetectALoopThroughEquivalentSpellingsOfOneUrl() {
        RedirectTrail trail = new RedirectTrail(URI.create("http://A.example:80/#top"), 5);

        assertThat(trail.follow(302, URI.create("https://a.example/"))).isEqualTo(Step.FOLLOW);
        assertThat(trail.follow(302, URI.create("http://a.example"))).isEqualTo(Step.LOOP);
        assertThat(trail.current()).isEqualTo(URI.create("https://a.example/"));
    }

    @Test
    void shouldRefuseTheRedirectBeyondTheLimit() {
        RedirectTrail trail = new RedirectTrail(URI.create("http://a.example/0"), 2);

        assertThat(trail.follow(301, URI.create("http://a.example/1"))).isEqualTo(Step.FOLLOW);
        assertThat(trail.follow(301, URI.create("http://a.example/2"))).isEqualTo(Step.FOLLOW);
        assertThat(trail.follow(301, URI.create("http://a.example/3"))).isEqualTo(Step.TOO_MANY);
        assertThat(new RedirectTrail(URI.create("http://a.example/0"), 0).follow(301, URI.create("http://a.example/1")))
                .isEqualTo(Step.TOO_MANY);
    }

    @Test
    void shouldReportAPermanentTargetOnlyWhenEveryHopWasPermanent() {
        RedirectTrail permanent = new RedirectTrail(URI.create("http://a.example/rss"), 5);
        permanent.follow(301, URI.create("https://a.example/rss"));
        permanent.follow(308, URI.create("https://www.a.example/rss"));
        assertThat(permanent.permanentTarget()).isEqualTo(URI.create("https://www.a.example/rss"));

        RedirectTrail mixed = new RedirectTrail(URI.create("http://a.example/rss"), 5);
        mixed.follow(301, URI.create("https://a.example/rss"));
        mixed.follow(302, URI.create("https://cdn.example/rss?session=1"));
        assertThat(mixed.permanentTarget()).isNull();

        assertThat(new RedirectTrail(URI.create("http://a.example/rss"), 5).permanentTarget()).isNull();
    }
}
