package io.newswatch.processor.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFolderTest {

    private static List<String> folded(String text) {
        return TextFolder.tokens(text).stream().map(FoldedToken::text).toList();
    }

    @Test
    void shouldFoldCaseAccentsAndCompatibilityFormsAndKeepOffsets() {
        String text = "  CÁRTEL de Jalisco—Nueva Generación ﬁnanció ";
        List<FoldedToken> tokens = TextFolder.tokens(text);

        assertThat(tokens).extracting(FoldedToken::text)
                .containsExactly("cartel", "de", "jalisco", "nueva", "generacion", "financio");
        assertThat(text.substring(tokens.get(0).start(), tokens.get(0).end())).isEqualTo("CÁRTEL");
        assertThat(text.substring(tokens.get(5).start(), tokens.get(5).end())).isEqualTo("ﬁnanció");
    }

    @Test
    void shouldSplitOnHyphensApostrophesAndPunctuationButKeepDecomposedAccentsInsideWords() {
        assertThat(folded("MS-13, Ukraine’s l'État")).containsExactly("ms", "13", "ukraine", "s", "l", "etat");
        assertThat(folded("Michoaca\u0301n")).containsExactly("michoacan");
        assertThat(folded("Straße Łódź Йошкар-Ола Київ Ёлка")).containsExactly("strasse", "lodz", "иошкар", "ола", "киів", "елка");
        assertThat(folded(null)).isEmpty();
    }

    @Test
    void shouldGiveInflectedCyrillicNamesOneMatchKey() {
        assertThat(List.of("Буданов", "Буданова", "Будановым", "Буданову").stream()
                .map(w -> TextFolder.matchKey(TextFolder.fold(w))).distinct()).containsExactly("будан");
        assertThat(List.of("Россия", "России", "Россией").stream()
                .map(w -> TextFolder.matchKey(TextFolder.fold(w))).distinct()).hasSize(1);
        assertThat(TextFolder.matchKey("сбу")).isEqualTo("сбу");
        assertThat(TextFolder.matchKey("cartel")).isEqualTo("cartel");
    }

    @Test
    void shouldTransliterateCyrillicAndLeaveLatinAlone() {
        assertThat(TextFolder.transliterate(TextFolder.fold("Житомир"))).isEqualTo("zhitomir");
        assertThat(TextFolder.transliterate(TextFolder.fold("Щучье"))).isEqualTo("shchuche");
        assertThat(TextFolder.transliterate("ospina")).isEqualTo("ospina");
        assertThat(TextFolder.isCyrillic("дрон")).isTrue();
        assertThat(TextFolder.isCyrillic("fpvдрон")).isFalse();
    }

    @Test
    void shouldFoldEveryCharBelowU0500AsTheFullNormalisationDoes() {
        // The fast path for words without decomposable chars must agree with NFKD + mark stripping.
        for (char c = 1; c < 0x500; c++) {
            String word = "д" + c + "a";
            String reference = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFKD)
                    .codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK
                            && Character.getType(cp) != Character.COMBINING_SPACING_MARK
                            && Character.getType(cp) != Character.ENCLOSING_MARK)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                    .toLowerCase(java.util.Locale.ROOT);
            StringBuilder spelled = new StringBuilder();
            for (char r : reference.toCharArray()) {
                int at = "ßłøđæœı".indexOf(r);
                spelled.append(at < 0 ? String.valueOf(r) : new String[] {"ss", "l", "o", "d", "ae", "oe", "i"}[at]);
            }
            assertThat(TextFolder.fold(word)).as("U+%04X", (int) c).isEqualTo(spelled.toString());
        }
    }
}
