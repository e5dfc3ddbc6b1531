package io.newswatch.processor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UkrainianLightStemmerTest {

    private static String stem(String word) {
        char[] buf = word.toCharArray();
        return new String(buf, 0, UkrainianLightStemmer.stem(buf, buf.length));
    }

    /** Each row: inflected forms of one word that must meet at one stem. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            дрон,        'дрон, дрони, дронів, дронами, дронах, дрону, дроном'
            картел,      'картель, картелі, картелів, картелями, картелю'
            найманц,     'найманець, найманця, найманці, найманців, найманцями'
            навчан,      'навчання, навчанню, навчанням, навчанні'
            інструктор,  'інструктор, інструктори, інструкторів, інструкторами, інструктора'
            колумбійськ, 'колумбійський, колумбійського, колумбійські, колумбійських, колумбійськими'
            """)
    void shouldBringInflectedFormsToOneStem(String expected, String forms) {
        for (String form : forms.split(",\\s*")) {
            assertThat(stem(form)).as(form).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"бої", "дім", "ФПВ"})
    void shouldLeaveShortWordsAlone(String word) {
        assertThat(stem(word)).isEqualTo(word);
    }
}
