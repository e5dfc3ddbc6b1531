package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkResolverTest {

    @ParameterizedTest(name = "{1} against {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "https://site.example          | story                      | https://site.example/story",
            "https://site.example/a/b.xml  | ../c?d=1#top               | https://site.example/c?d=1#top",
            "https://site.example/feed     | HTTP://Other.example/x     | HTTP://Other.example/x",
            "https://site.example/feed     | /100% sure                 | https://site.example/100%25%20sure",
            "https://site.example/feed     | /a{b}^                     | https://site.example/a%7Bb%7D%5E",
            "https://site.example/feed     | javascript:alert(1)        | NULL",
            "https://site.example/feed     | file:///etc/passwd         | NULL",
            "https://site.example/feed     | mailto:desk@site.example   | NULL",
            "https://site.example/feed     | '   '                      | NULL",
    })
    void resolvesAgainstTheFeedUrlAndKeepsOnlyHttp(String base, String href, String expected) {
        assertThat(LinkResolver.resolve(URI.create(base), href)).isEqualTo(expected);
    }
}
