package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "By Maria Hollis                                                  | Maria Hollis",
            "Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read  | Bryan DeArdo",
            "Lisa Kaczke Sioux Falls Argus Leader Published 10:02 AM EST Nov 19, 2019 | Lisa Kaczke Sioux Falls Argus Leader",
            "Telegraph Sport 19 November 2019                                 | Telegraph Sport",
            "Jeff Foust Monday, November 18, 2019                             | Jeff Foust",
            "Carlos Nadalim 27/09/2018 Comente!                               | Carlos Nadalim",
            "Analysis by Chris Cillizza, CNN Editor-at-large                  | Chris Cillizza, CNN Editor-at-large",
            "Por Lucía Márquez Ortega                                         | Lucía Márquez Ortega",
            "Автор: Сергей Волков                                             | Сергей Волков",
            "Від Олени Гриценко                                               | Олени Гриценко",
            "Marcus De Guzman                                                 | Marcus De Guzman",
            "Monica Jansen                                                    | Monica Jansen"})
    void shouldKeepOnlyTheNames(String raw, String expected) {
        assertThat(Bylines.clean(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "https://social.example/jane", "November 18, 2019 12:01 PM Print this article",
            "@handle", "—"})
    void shouldFindNoNameInDecorationAlone(String raw) {
        assertThat(Bylines.clean(raw)).isNull();
    }

    @Test
    void shouldPreferJsonLdPersonsToMetaAuthorNamingThePublisher() {
        Document page = Jsoup.parse("""
                <meta name="author" content="Example Media Group">
                <script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Ruiz"},"Ben Cole"]}</script>
                <p class="byline">By Someone Else</p>""");

        assertThat(Bylines.find(page, MetaTags.of(page), JsonLdArticle.of(page))).isEqualTo("Ana Ruiz, Ben Cole");
    }

    @Test
    void shouldFallBackToBylineMarkupWhenMetadataHasNone() {
        Document page = Jsoup.parse("<div class=\"article-byline\">By <a rel=\"author\" href=\"/a\">Ana Ruiz</a> | 2 March 2025</div>");

        assertThat(Bylines.find(page, MetaTags.of(page), JsonLdArticle.of(page))).isEqualTo("Ana Ruiz");
    }

    @Test
    void shouldReadOnlyTheStartOfHugeBylineElements() {
        assertThat(Bylines.textUpTo(Jsoup.parse("<div>" + "word ".repeat(100_000) + "</div>").body(), 20)).hasSizeLessThan(40);
    }
}
