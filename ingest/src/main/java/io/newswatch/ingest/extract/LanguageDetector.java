package io.newswatch.ingest.extract;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;

/**
 * Detects the language of plain text with lingua, restricted to the languages news monitoring meets
 * (the desks' en, es, pt, uk, ru and their neighbours), in lingua's low-accuracy mode: trigram models
 * only, which keeps the resident models to tens of megabytes and is reliable on article-length text.
 *
 * <p>The detector is built on first use and shared; lingua's detector is thread-safe, so this class is.
 * Only the first {@value #MAX_CHARS} characters are looked at: more text does not change the answer but
 * costs time on long pages.
 */
public final class LanguageDetector {

    static final int MAX_CHARS = 500;
    /** Below this many letters, no guess is better than a wrong one. */
    static final int MIN_LETTERS = 20;
    /** A declared language is only second-guessed on this many letters of text. */
    static final int MIN_LETTERS_TO_OVERRULE = 200;
    /** Lingua's confidence, relative to the best language (1.0), under which a declaration is overruled. */
    static final double OVERRULE_BELOW = 0.85;

    private static final Set<Language> LANGUAGES = Set.of(
            Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.UKRAINIAN, Language.RUSSIAN,
            Language.BELARUSIAN, Language.FRENCH, Language.GERMAN, Language.ITALIAN, Language.POLISH,
            Language.DUTCH, Language.ROMANIAN, Language.TURKISH, Language.ARABIC, Language.PERSIAN,
            Language.HEBREW, Language.CHINESE, Language.JAPANESE, Language.KOREAN, Language.INDONESIAN,
            Language.HINDI);

    private LanguageDetector() {
    }

    /** Initialisation-on-demand: models load when the first text is detected, not when the class loads. */
    private static final class Holder {
        static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR = LanguageDetectorBuilder
                .fromLanguages(LANGUAGES.toArray(Language[]::new))
                .withLowAccuracyMode()
                .build();
    }

    /**
     * @param text plain text, not null
     * @return the ISO 639-1 code of the text's language ({@code "uk"}), or {@code null} when the text is
     *     too short or the detector cannot decide
     * @throws NullPointerException when {@code text} is null
     */
    public static String detect(String text) {
        if (text == null) {
            throw new NullPointerException("text must not be null");
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (letters(sample) < MIN_LETTERS) {
            return null;
        }
        Language language = Holder.DETECTOR.detectLanguageOf(sample);
        return language == Language.UNKNOWN ? null : code(language);
    }

    /**
     * The language of a page that declares {@code declared}: the declaration, unless the text is long
     * enough to judge and the detector finds the declared language clearly less likely than another.
     * Templates get copied between editions, so a {@code lang="de"} page may well be in English.
     *
     * @param declared the ISO 639-1 code the page declares, or {@code null}
     * @param text     the page's plain text, not null
     * @return an ISO 639-1 code, or {@code null} when neither declaration nor detection gives one
     */
    static String resolve(String declared, String text) {
        if (declared == null) {
            return detect(text);
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Language claimed = byCode(declared);
        if (claimed == null || letters(sample, MIN_LETTERS_TO_OVERRULE) < MIN_LETTERS_TO_OVERRULE) {
            return declared;
        }
        SortedMap<Language, Double> confidence = Holder.DETECTOR.computeLanguageConfidenceValues(sample);
        if (confidence.isEmpty()) {
            return declared;
        }
        Language best = confidence.firstKey();
        double claimedConfidence = confidence.getOrDefault(claimed, 0.0);
        return best != claimed && claimedConfidence < OVERRULE_BELOW ? code(best) : declared;
    }

    private static Language byCode(String iso) {
        for (Language l : LANGUAGES) {
            if (code(l).equals(iso)) {
                return l;
            }
        }
        return null;
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static int letters(String s) {
        return letters(s, MIN_LETTERS);
    }

    private static int letters(String s, int enough) {
        int n = 0;
        for (int i = 0; i < s.length() && n < enough; i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
