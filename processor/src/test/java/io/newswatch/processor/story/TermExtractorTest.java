package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /** What {@link TermExtractor#nextNumber} finds, as a regular expression. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,\u00a0\u202f ]\\d+)*");

    @Test
    void shouldFindExactlyTheNumbersTheReferenceExpressionFinds() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        String alphabet = "0123456789., \u00a0\u202fabcXYZ-дрон٣²Ⅻ\n";
        List<String> texts = new java.util.ArrayList<>(List.of("", "7", "MS-13 and MS13", "1,200.50 pesos, 3 000 men",
                "at 10.30, 2025", "x9 9x ٣9 Ⅻ5 ²7", "12.", ".5", "1 2 3", "a1.2.3.4 5,6"));
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(30);
            for (int k = 0; k < len; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        for (String text : texts) {
            List<String> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher m = NUMBER.matcher(text);
            while (m.find()) {
                expected.add(m.start() + ":" + m.group());
            }
            List<String> actual = new java.util.ArrayList<>();
            for (int[] run = TermExtractor.nextNumber(text, 0); run != null; run = TermExtractor.nextNumber(text, run[1])) {
                actual.add(run[0] + ":" + text.substring(run[0], run[1]));
            }
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }
}
