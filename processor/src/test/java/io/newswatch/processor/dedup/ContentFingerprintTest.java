package io.newswatch.processor.dedup;

import static io.newswatch.processor.dedup.MinHasherTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

    private static String title(String content) {
        return content.substring(0, content.indexOf('\n'));
    }

    private static String body(String content) {
        return content.substring(content.indexOf('\n') + 1);
    }

    @Test
    void shouldMatchCopiesThatDifferOnlyInCaseAccentsWhitespaceAndPunctuation() {
        String wire = fixture("a1-en-wire.txt");
        String copy = fixture("a3-en-copy.txt");

        assertThat(ContentFingerprint.of(title(copy), body(copy))).isEqualTo(ContentFingerprint.of(title(wire), body(wire)))
                .get().asString().matches("[0-9a-f]{16}");
    }

    @Test
    void shouldTellApartCopiesWithAnyEditedWord() {
        String wire = fixture("a1-en-wire.txt");
        String syndicated = fixture("a2-en-syndicated.txt");

        assertThat(ContentFingerprint.of(title(syndicated), body(syndicated)))
                .isNotEqualTo(ContentFingerprint.of(title(wire), body(wire)));
    }

    @Test
    void shouldNotFingerprintTeasersTooShortToIdentifyAnArticle() {
        assertThat(ContentFingerprint.of("Watch the video", "Read more")).isEmpty();
        assertThat(ContentFingerprint.of((String) null, null)).isEmpty();
        assertThat(ContentFingerprint.of("Cartel drones hit checkpoint", "Two soldiers were killed on Thursday")).isPresent();
    }
}
