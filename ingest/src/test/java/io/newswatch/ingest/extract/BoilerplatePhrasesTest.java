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
            "We use cookies to improve your experience.", "Compartir", "Поділитися",
            "Suscríbete a nuestro boletín y recibe cada mañana las noticias de seguridad.",
            "Assine nossa newsletter", "Підпишіться на нашу розсилку, щоб першими дізнаватися головні новини.",
            "Подпишитесь на рассылку", "Usamos cookies propias y de terceros para analizar la navegación.",
            "Este sitio utiliza cookies para mejorar tu experiencia.",
            "Ми використовуємо файли cookie, щоб покращити роботу сайту.",
            "Мы используем файлы cookie для улучшения работы сайта."})
    void shouldRecogniseStandAloneClutterLines(String text) {
        assertThat(BoilerplatePhrases.isStandAlone(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Analysts warn that drones are spreading.", "Print media is shrinking fast in Mexico.",
            "Cartels subscribe to the same encrypted apps as the soldiers they recruit, investigators said.",
            "The site uses drones and cameras to watch the border, and we use the footage in this report."})
    void shouldLeaveProseAlone(String text) {
        assertThat(BoilerplatePhrases.isStandAlone(text)).isFalse();
    }
}
