package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.ingest.extract.BoilerplatePhrases.Heading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplatePhrasesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "You may also like       | STRONG",
            "YOU MAY ALSO LIKE:      | STRONG",
            "More from Frontline World | STRONG",
            "Leia também             | STRONG",
            "Читайте також           | STRONG",
            "Вам может быть интересно | STRONG",
            "Lo más leído            | STRONG",
            "Related                 | WEAK",
            "Trending                | WEAK",
            "Related issues arise in Kyiv | NONE",
            "A course in four stages | NONE"})
    void shouldClassifySectionHeadings(String text, Heading expected) {
        assertThat(BoilerplatePhrases.sectionHeading(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Publicidad",
            "Реклама", "Share this article", "Facebook Twitter Email", "Sign up for our daily newsletter",
            "We use cookies to improve your experience."})
    void shouldRecogniseStandAloneClutterLines(String text) {
        assertThat(BoilerplatePhrases.isStandAlone(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Analysts warn that drones are spreading.", "Print media is shrinking fast in Mexico."})
    void shouldLeaveProseAlone(String text) {
        assertThat(BoilerplatePhrases.isStandAlone(text)).isFalse();
    }
}
