package io.newswatch.processor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageAnalyzerTest {

    /** Tokens as "term" or "term/samePosition" joined by spaces. */
    private static String analyze(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(inc.getPositionIncrement() == 0 ? "/" + term : term.toString());
            }
            ts.end();
        }
        return String.join(" ", out).replace(" /", "/");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Ukraine's drone trainers     | ukrain drone trainer
            es | Capacitación de SICARIOS     | capacitacion de sicari
            pt | Recrutamento de ex-militares | recrutament de ex militar
            ru | Инструкторы обучали наёмников | инструктор обучал наемник
            uk | Інструкторів навчання дронами | інструктор навчан дрон
            """)
    void shouldStemAndFoldQueryWords(String lang, String text, String expected) throws IOException {
        Language language = Language.fromCode(lang).orElseThrow();
        assertThat(analyze(LanguageAnalyzer.forQuery(language), text)).isEqualTo(expected);
    }

    @Test
    void shouldKeepTheFoldedUnstemmedWordBesideItsStemWhenIndexing() throws IOException {
        assertThat(analyze(LanguageAnalyzer.forIndex(Language.ENGLISH), "Armies of Drones"))
                .isEqualTo("armi/armies of drone/drones");
        assertThat(analyze(LanguageAnalyzer.forIndex(Language.SPANISH), "Pilotos de drones"))
                .isEqualTo("pilot/pilotos de dron/drones");
    }

    @Test
    void shouldFoldWildcardPatternsWithoutSplittingOrStemming() {
        Analyzer a = LanguageAnalyzer.forIndex(Language.RUSSIAN);
        assertThat(a.normalize("f", "НАЁМНИК*").utf8ToString()).isEqualTo("наемник*");
        assertThat(LanguageAnalyzer.forQuery(Language.SPANISH).normalize("f", "Capacitació?").utf8ToString())
                .isEqualTo("capacitacio?");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            es,   SPANISH
            ES,   SPANISH
            pt-BR, PORTUGUESE
            uk_UA, UKRAINIAN
            """)
    void shouldReadLanguageCodesWithRegionsAndCase(String code, Language expected) {
        assertThat(Language.fromCode(code)).contains(expected);
    }

    @Test
    void shouldNotKnowOtherLanguages() {
        assertThat(Language.fromCode("fr")).isEmpty();
        assertThat(Language.fromCode(null)).isEmpty();
        assertThat(Language.fromCode(" ")).isEmpty();
    }

    @Test
    void shouldTreatLowerCaseAsciiLettersAndDigitsAsFoldedAsIcuFoldingDoes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            String one = String.valueOf(c);
            boolean folded = SurfaceForm.isFolded(one.toCharArray(), 1);
            assertThat(folded).as("char %d", (int) c).isEqualTo(c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
            if (folded) {
                all.append(c);
                assertThat(ICUFoldingFilter.NORMALIZER.normalize(one)).isEqualTo(one);
            }
        }
        String word = all.toString() + all.reverse();
        assertThat(SurfaceForm.isFolded(word.toCharArray(), word.length())).isTrue();
        assertThat(ICUFoldingFilter.NORMALIZER.normalize(word)).isEqualTo(word);
    }
}
