package io.newswatch.processor.analysis;

/**
 * A light stemmer for Ukrainian: strips one case ending of nouns and adjectives, in the manner of Savoy's
 * light stemmers that Lucene uses for Russian. Verbs keep their endings (rules use wildcards for them).
 *
 * <p>Endings are tried longest first and only stripped when at least three letters remain, so short words
 * such as {@code бої} stay whole. Then: the fleeting vowel of {@code -ець} is dropped ({@code найманець} and
 * {@code найманця} meet at {@code найманц}), a final soft sign goes, and {@code нн} of verbal nouns is
 * shortened ({@code навчання}, {@code навчанням} → {@code навчан}). Expects lower-case input.
 *
 * <p>Stateless and thread-safe.
 */
final class UkrainianLightStemmer {

    private static final int MIN_STEM = 3;

    /** Case endings of nouns and adjectives, longest first. */
    private static final String[] ENDINGS = {
        "ього", "ьому",
        "ого", "ому", "ими", "іми", "ами", "ями", "ові", "еві", "єві",
        "ий", "ій", "ої", "ою", "ею", "єю", "их", "іх", "им", "ім", "ах", "ях", "ів", "їв", "ам", "ям", "ом", "ем", "єм",
        "а", "я", "у", "ю", "о", "е", "є", "і", "ї", "и", "ь", "й",
    };

    private UkrainianLightStemmer() {
    }

    /**
     * Stems the word in place.
     *
     * @return the new length of the word in {@code s}
     */
    static int stem(char[] s, int len) {
        if (len > 5 && endsWith(s, len, "ець")) {
            s[len - 3] = 'ц';
            return len - 2;
        }
        for (String ending : ENDINGS) {
            if (len - ending.length() >= MIN_STEM && endsWith(s, len, ending)) {
                len -= ending.length();
                break;
            }
        }
        if (len > MIN_STEM && s[len - 1] == 'ь') {
            len--;
        }
        if (len > MIN_STEM + 1 && s[len - 1] == 'н' && s[len - 2] == 'н') {
            len--;
        }
        return len;
    }

    private static boolean endsWith(char[] s, int len, String suffix) {
        int n = suffix.length();
        if (n > len) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s[len - n + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
