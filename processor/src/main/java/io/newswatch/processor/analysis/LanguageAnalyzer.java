package io.newswatch.processor.analysis;

import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chain of one language, in an index flavour (for article text) and a query flavour (for the
 * words of a rule).
 *
 * <p>Both flavours run: {@link StandardTokenizer} (Unicode word boundaries, so Latin and Cyrillic split the
 * same way) → (English only) possessive {@code 's} removal → lower case → the language's stemmer → ICU
 * folding (case folding plus accent and diacritic removal, so {@code capacitación} = {@code capacitacion}
 * and {@code її} = {@code ii}). Stop words are kept, so phrases and distances count every word.
 *
 * <p>The index flavour also keeps each word's unstemmed, folded form at the same position as its stem
 * ({@link SurfaceForm}).
 * Query words are stemmed and meet the stems; wildcards are only folded ({@link #normalize}) and meet the
 * unstemmed forms, so {@code recruit*} matches what a reader sees in the text, whatever the stemmer did.
 *
 * <p>Stemmers: English Porter (as Lucene's {@code EnglishAnalyzer}); Spanish, Portuguese and Russian:
 * Lucene's light stemmers (Savoy), which strip inflections but leave derivations apart; Ukrainian:
 * {@link UkrainianLightStemFilter}, a light stemmer of the same kind written here because Lucene's only
 * Ukrainian analysis needs the Morfologik dictionaries.
 *
 * <p>Stemming is done before folding because the stemmers' suffix tables are written with accents
 * ({@code -ção}, {@code -ій}). Immutable and thread-safe, like every {@link Analyzer}.
 */
public final class LanguageAnalyzer extends Analyzer {

    /**
     * Positions between the title and the text when both are indexed in one field: larger than any
     * allowed distance, so a phrase or NEAR never spans the end of the headline and the first sentence.
     */
    public static final int POSITION_GAP = 100;

    private final Language language;
    private final boolean index;

    private LanguageAnalyzer(Language language, boolean index) {
        this.language = Objects.requireNonNull(language, "language");
        this.index = index;
    }

    /** The chain for article text: stems and unstemmed forms at each position. */
    public static LanguageAnalyzer forIndex(Language language) {
        return new LanguageAnalyzer(language, true);
    }

    /** The chain for the words of a query: stems only. */
    public static LanguageAnalyzer forQuery(Language language) {
        return new LanguageAnalyzer(language, false);
    }

    public Language language() {
        return language;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = source;
        if (language == Language.ENGLISH) {
            ts = new EnglishPossessiveFilter(ts);
        }
        ts = new LowerCaseFilter(ts);
        if (index) {
            SurfaceForm surface = new SurfaceForm();
            ts = new SurfaceForm.Emit(stemmer(new SurfaceForm.Remember(ts, surface)), surface);
        } else {
            ts = new SurfaceForm.Fold(stemmer(ts));
        }
        return new TokenStreamComponents(source, ts);
    }

    private TokenStream stemmer(TokenStream ts) {
        return switch (language) {
            case ENGLISH -> new PorterStemFilter(ts);
            case SPANISH -> new SpanishLightStemFilter(ts);
            case PORTUGUESE -> new PortugueseLightStemFilter(ts);
            case UKRAINIAN -> new UkrainianLightStemFilter(ts);
            case RUSSIAN -> new RussianLightStemFilter(ts);
        };
    }

    /** Wildcard patterns and entity ids are folded but neither split nor stemmed. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP;
    }

    @Override
    public String toString() {
        return "LanguageAnalyzer(" + language.code() + (index ? ", index)" : ", query)");
    }
}
