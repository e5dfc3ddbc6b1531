package io.newswatch.tools.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ExtractionScore} must agree with the benchmark's Python script to the last digit. */
class ExtractionScoreTest {

    @Test
    void shouldTokeniseLikePythonWordRegex() {
        // letters of any script, digits, "_" and No numbers (²) are word characters; a combining mark is not
        assertThat(ExtractionScore.tokens("Дрон-школа: FPV_2 x² नमस्ते, 10.5%"))
                .containsExactly("дрон", "школа", "fpv_2", "x²", "नमस", "त", "10", "5");
    }

    @Test
    void shouldCountSharedFourGramsAsMultisets() {
        // truth: a b c d e (2 shingles); prediction: a b c d a b c d (5 shingles, "a b c d" twice)
        ExtractionScore.Score s = ExtractionScore.of("a b c d a b c d", "a b c d e");

        assertThat(s.precision()).isEqualTo(1.0 / 5);
        assertThat(s.recall()).isEqualTo(1.0 / 2);
        assertThat(s.f1()).isEqualTo(2 * (0.2 * 0.5) / 0.7);
    }

    @Test
    void shouldCompareShortTextsAsOneShingle() {
        assertThat(ExtractionScore.of("Drone school", "drone SCHOOL!").f1()).isEqualTo(1.0);
        assertThat(ExtractionScore.of("drone school", "drone schools").f1()).isEqualTo(0.0);
    }

    @Test
    void shouldAgreeThatTwoEmptyTextsMatchAndOneEmptyTextDoesNot() {
        assertThat(ExtractionScore.of("", null)).isEqualTo(new ExtractionScore.Score(1, 1, 1));
        assertThat(ExtractionScore.of("", "some words in the truth")).isEqualTo(new ExtractionScore.Score(0, 0, 0));
    }

    @Test
    void shouldAverageOverTruthCountingMissingPredictionsAsEmpty() {
        ExtractionScore.Score s = ExtractionScore.mean(Map.of("a", "one two three four"),
                Map.of("a", "one two three four", "b", "five six seven eight"));

        assertThat(s).isEqualTo(new ExtractionScore.Score(0.5, 0.5, 0.5));
    }

    @Test
    void shouldRejectEmptyTruth() {
        assertThatThrownBy(() -> ExtractionScore.mean(Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truth must not be empty");
    }
}
