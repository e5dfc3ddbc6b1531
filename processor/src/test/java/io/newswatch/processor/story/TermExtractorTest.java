package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TermExtractorTest {

    @Test
    void shouldNormaliseNumbersAcrossLanguageConventions() {
        assertThat(TermExtractor.numbers("90,000")).containsExactly("90000");
        assertThat(TermExtractor.numbers("90.000")).containsExactly("90000");
        assertThat(TermExtractor.numbers("90 000")).containsExactly("90000");
        assertThat(TermExtractor.numbers("1.800")).containsExactly("1800");
        assertThat(TermExtractor.numbers("1,3")).containsExactly("1.3");
        assertThat(TermExtractor.numbers("2024 200")).containsExactly("2024", "200");
        assertThat(TermExtractor.numbers("7")).isEmpty();
        assertThat(TermExtractor.numbers("007")).isEmpty();
    }

    @Test
    void shouldGiveNamesOneSkeletonInLatinAndCyrillicSpellings() {
        assertThat(TermExtractor.skeleton("skibitskyi")).isEqualTo("skbsk");
        assertThat(TermExtractor.skeleton("скибицкий")).isEqualTo("skbsk");
        assertThat(TermExtractor.skeleton("скібіцького")).isEqualTo("skbsk");
        assertThat(TermExtractor.skeleton("caicedo")).isEqualTo(TermExtractor.skeleton("каиседо"));
        assertThat(TermExtractor.skeleton("villasenor")).isEqualTo(TermExtractor.skeleton("вильясеньор"));
        assertThat(TermExtractor.skeleton("budanov")).isNotEqualTo(TermExtractor.skeleton("ospina"));
    }

    @Test
    void shouldDropStopWordsAndSentenceInitialCapitalsButKeepNamesAndNumbers() {
        Map<String, Double> tf = TermExtractor.extract("",
                "The prosecutor said on Tuesday that Ospina earned 90,000 pesos. Police arrested Ospina.");

        assertThat(tf).containsEntry("n:aspn", 2.0).containsEntry("#90000", 1.0).containsEntry("w:prosec", 1.0)
                .containsEntry("w:police", 1.0).containsKey("w:earned").containsKey("w:peso");
        assertThat(tf.keySet()).noneMatch(k -> k.contains("said") || k.contains("tuesda") || k.equals("w:the"));
    }

    @Test
    void shouldCountTitleWordsTwiceAndQuotationsAQuarter() {
        Map<String, Double> tf = TermExtractor.extract("Drone school raided",
                "\"They were teaching recruits how to fly drones,\" he said of the \"school\".");

        assertThat(tf.get("w:school")).isEqualTo(TermExtractor.TITLE_WEIGHT + 1.0); // a one-word quote is a term
        assertThat(tf.get("w:teachi")).isEqualTo(TermExtractor.QUOTE_WEIGHT);
        assertThat(tf.get("w:drone")).isEqualTo(TermExtractor.TITLE_WEIGHT + TermExtractor.QUOTE_WEIGHT);
    }

    @Test
    void shouldJoinCognatesAndInflectionsByStemAndPrefix() {
        assertThat(TermExtractor.word("cartels")).isEqualTo(TermExtractor.word("cartel"));
        assertThat(TermExtractor.word("militares")).isEqualTo(TermExtractor.word("military"));
        assertThat(TermExtractor.word("картелями")).isEqualTo(TermExtractor.word("картель")).isEqualTo("kartel");
    }
}
