package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final String ENGLISH = "Mexican and Colombian criminal groups are sending members abroad to gain "
            + "battlefield experience with attack drones, according to security analysts in both countries. The "
            + "operatives return home with skills that rival gangs and local police are poorly equipped to counter.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | Cartels are recruiting former soldiers who learned to fly attack drones in Ukraine.",
            "es | Los cárteles reclutan a exsoldados que aprendieron a pilotar drones de ataque en Ucrania.",
            "pt | Os cartéis estão recrutando ex-soldados que aprenderam a pilotar drones de ataque na Ucrânia.",
            "uk | Картелі вербують колишніх військових, які навчилися керувати ударними дронами в Україні.",
            "ru | Картели вербуют бывших военных, которые научились управлять ударными дронами на Украине."})
    void shouldDetectTheDesksLanguages(String expected, String text) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
    }

    @Test
    void shouldNotGuessOnTooLittleText() {
        assertThat(LanguageDetector.detect("")).isNull();
        assertThat(LanguageDetector.detect("FPV 2025 — 12:45")).isNull();
    }

    @Test
    void shouldLookOnlyAtTheStartOfLongText() {
        assertThat(LanguageDetector.detect(ENGLISH.repeat(10) + "Картели вербуют бывших военных. ".repeat(10_000)))
                .isEqualTo("en");
    }

    @Test
    void shouldRejectNullText() {
        assertThatThrownBy(() -> LanguageDetector.detect(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text must not be null");
    }

    @Test
    void shouldKeepDeclaredLanguageThatTheTextBearsOut() {
        assertThat(LanguageDetector.resolve("en", ENGLISH)).isEqualTo("en");
    }

    @Test
    void shouldOverruleDeclaredLanguageThatTheTextClearlyContradicts() {
        // an English article on a site whose template says lang="de"
        assertThat(LanguageDetector.resolve("de", ENGLISH)).isEqualTo("en");
    }

    @Test
    void shouldTrustDeclarationOnShortTextAndOutsideTheDetectorsLanguages() {
        assertThat(LanguageDetector.resolve("de", "Drone school opens")).isEqualTo("de");
        assertThat(LanguageDetector.resolve("hu", ENGLISH)).isEqualTo("hu");
    }

    @Test
    void shouldDetectWhenNothingIsDeclared() {
        assertThat(LanguageDetector.resolve(null, ENGLISH)).isEqualTo("en");
    }
}
