package io.newswatch.processor.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one text folding that entity matching, duplicate detection and story clustering share, so that
 * "Cártel", "CARTEL" and "cartel" are one word everywhere.
 *
 * <p>A token is a maximal run of letters, digits and combining marks; everything else (spaces, punctuation,
 * apostrophes, hyphens) separates tokens, so "MS-13" is the two tokens {@code ms 13}. Folding a token applies
 * NFKD, drops combining marks (accents, the breve of "й", the diaeresis of "ї" and "ё"), lower-cases with the
 * root locale and spells out the few letters that have no decomposition (ß, ł, ø, đ, æ, œ, ı).
 *
 * <p>{@link #matchKey(String)} goes one step further for Cyrillic words, whose case endings would otherwise
 * hide a name: it strips a final vowel group and a vowel + м/х/г/в ending, so "Буданов", "Буданова" and
 * "Будановым" share the key {@code будан}. It is deliberately crude (no dictionary, stems of at least three
 * letters) and applied identically to aliases and text, so it only has to be consistent, not linguistically right.
 *
 * <p>Pure functions; thread-safe.
 */
public final class TextFolder {
    /** Vowels and signs that end inflected Russian and Ukrainian words, after folding. */
    private static final String CYRILLIC_ENDING_VOWELS = "аеиоуыэюяьіъє";
    /** Consonants that, after a vowel, close common case endings (-ом, -ым, -ах, -ого, -ов, -ів). */
    private static final String CYRILLIC_ENDING_CONSONANTS = "мхгв";
    private static final int MIN_STEM = 3;

    private TextFolder() {
    }

    /** Texts at least this long are remembered per thread, see {@link #tokens}. */
    private static final int MEMO_MIN_LENGTH = 256;
    /** The last two long texts this thread folded (by identity) and their tokens. */
    private static final ThreadLocal<Object[]> MEMO = ThreadLocal.withInitial(() -> new Object[4]);

    /**
     * Splits {@code text} into folded tokens, keeping their offsets in {@code text}.
     *
     * <p>Entity tagging, fingerprinting, MinHash and term extraction all fold the same article body one after the
     * other on one thread; each thread therefore remembers the tokens of the last two long texts it folded, by
     * identity, and hands the same list out again.
     *
     * @param text any text; {@code null} is treated as empty
     * @return the tokens in text order, unmodifiable; never null
     */
    public static List<FoldedToken> tokens(String text) {
        if (text == null) {
            return List.of();
        }
        if (text.length() < MEMO_MIN_LENGTH) {
            return Collections.unmodifiableList(fold(text, new ArrayList<>()));
        }
        Object[] memo = MEMO.get();
        for (int i = 0; i < 4; i += 2) {
            if (memo[i] == text) {
                @SuppressWarnings("unchecked")
                List<FoldedToken> hit = (List<FoldedToken>) memo[i + 1];
                return hit;
            }
        }
        List<FoldedToken> out = Collections.unmodifiableList(fold(text, new ArrayList<>(text.length() / 6)));
        memo[2] = memo[0];
        memo[3] = memo[1];
        memo[0] = text;
        memo[1] = out;
        return out;
    }

    /**
     * Splits and folds. An all-ASCII token (most of a Latin-script text) is lower-cased straight from the text, which
     * is what {@link #fold(String)} does with it, without first copying it out.
     */
    private static List<FoldedToken> fold(String text, List<FoldedToken> out) {
        int n = text.length();
        int i = 0;
        char[] ascii = null;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (!ASCII_TOKEN_CHAR[c]) {
                    i++;
                    continue;
                }
            } else {
                int cp = text.codePointAt(i);
                if (!isTokenChar(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
            }
            int start = i;
            boolean allAscii = true;
            while (i < n) {
                c = text.charAt(i);
                if (c < 0x80) {
                    if (!ASCII_TOKEN_CHAR[c]) {
                        break;
                    }
                    i++;
                } else {
                    int cp = text.codePointAt(i);
                    if (!isTokenChar(cp)) {
                        break;
                    }
                    allAscii = false;
                    i += Character.charCount(cp);
                }
            }
            String folded;
            if (allAscii) {
                int length = i - start;
                if (ascii == null || ascii.length < length) {
                    ascii = new char[Math.max(32, length)];
                }
                for (int k = 0; k < length; k++) {
                    char a = text.charAt(start + k);
                    ascii[k] = a >= 'A' && a <= 'Z' ? (char) (a + ('a' - 'A')) : a;
                }
                folded = new String(ascii, 0, length);
            } else {
                folded = fold(text.substring(start, i));
            }
            if (!folded.isEmpty()) {
                out.add(new FoldedToken(folded, start, i));
            }
        }
        return out;
    }

    /** {@link #isTokenChar} for the ASCII chars: letters and digits. */
    private static final boolean[] ASCII_TOKEN_CHAR = new boolean[0x80];

    static {
        for (char c = 0; c < ASCII_TOKEN_CHAR.length; c++) {
            ASCII_TOKEN_CHAR[c] = isTokenChar(c);
        }
    }

    /** True for the code points that make up tokens: letters, digits and combining marks. */
    static boolean isTokenChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Folds one word: lower case, no accents or other marks, compatibility forms decomposed.
     *
     * @param word a word; must not be null
     * @return the folded word, possibly empty when {@code word} held only marks
     */
    public static String fold(String word) {
        if (isAscii(word)) {
            return word.toLowerCase(Locale.ROOT);
        }
        String lower = (isUndecomposable(word) ? word : stripMarks(word)).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int k = 0; k < lower.length(); k++) {
            char c = lower.charAt(k);
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'ł' -> out.append('l');
                case 'ø' -> out.append('o');
                case 'đ' -> out.append('d');
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The word with accents and other combining marks removed but its case kept, for aliases that must match
     * case-sensitively (acronyms such as "ELN" that collide with ordinary words when lower-cased).
     */
    static String caseForm(String word) {
        return isAscii(word) ? word : stripMarks(word);
    }

    /**
     * The key a folded token is matched by: the token itself, or for an all-Cyrillic token its crude stem.
     *
     * @param folded a token as returned by {@link #fold(String)}
     */
    public static String matchKey(String folded) {
        if (folded.length() <= MIN_STEM || !isCyrillic(folded)) {
            return folded;
        }
        String stem = stripVowels(folded);
        // Twice, for a case ending after a name suffix: "Будановым" -> "Буданов" -> "Будан", as "Буданов" itself.
        for (int pass = 0; pass < 2; pass++) {
            int len = stem.length();
            if (len - 2 < MIN_STEM
                    || CYRILLIC_ENDING_CONSONANTS.indexOf(stem.charAt(len - 1)) < 0
                    || CYRILLIC_ENDING_VOWELS.indexOf(stem.charAt(len - 2)) < 0) {
                break;
            }
            stem = stripVowels(stem.substring(0, len - 2));
        }
        return stem;
    }

    /**
     * Spells a folded Cyrillic word in Latin letters (a simple, reversible-enough scheme shared by Russian and
     * Ukrainian), so that names and cognates meet across scripts; other characters pass unchanged.
     */
    public static String transliterate(String folded) {
        StringBuilder out = null;
        for (int k = 0; k < folded.length(); k++) {
            char c = folded.charAt(k);
            String latin = c >= 'а' && c <= 'я' ? RU[c - 'а'] : switch (c) {
                case 'і', 'ї' -> "i";
                case 'є' -> "ie";
                case 'ґ' -> "g";
                case 'ё' -> "e";
                case 'ў' -> "u";
                default -> null;
            };
            if (latin != null && out == null) {
                out = new StringBuilder(folded.length() + 4).append(folded, 0, k);
            }
            if (out != null) {
                out.append(latin != null ? latin : String.valueOf(c));
            }
        }
        return out == null ? folded : out.toString();
    }

    private static final String[] RU = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"};

    /** True when every char of the folded token is a Cyrillic letter. */
    public static boolean isCyrillic(String folded) {
        for (int k = 0; k < folded.length(); k++) {
            char c = folded.charAt(k);
            if (c < '\u0400' || c > '\u04ff') { // the Unicode block CYRILLIC
                return false;
            }
        }
        return !folded.isEmpty();
    }

    /**
     * Chars below U+0500 (Latin, Greek, Cyrillic) that NFKD leaves alone and that are not marks: a word made only
     * of them is its own {@link #stripMarks} result, which spares the normaliser on most Cyrillic words.
     */
    private static final boolean[] UNDECOMPOSABLE = new boolean[0x500];

    static {
        for (char c = 0; c < UNDECOMPOSABLE.length; c++) {
            String one = String.valueOf(c);
            int type = Character.getType(c);
            UNDECOMPOSABLE[c] = Normalizer.normalize(one, Normalizer.Form.NFKD).equals(one)
                    && type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK;
        }
    }

    private static boolean isUndecomposable(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c >= UNDECOMPOSABLE.length || !UNDECOMPOSABLE[c]) {
                return false;
            }
        }
        return true;
    }

    private static String stripVowels(String s) {
        int end = s.length();
        while (end > MIN_STEM && CYRILLIC_ENDING_VOWELS.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String stripMarks(String word) {
        String d = Normalizer.normalize(word, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(d.length());
        for (int k = 0; k < d.length(); k++) {
            char c = d.charAt(k);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
