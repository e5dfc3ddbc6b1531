package io.newswatch.processor.story;

import io.newswatch.processor.entities.FoldedToken;
import io.newswatch.processor.entities.TextFolder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an article into clustering terms with raw frequencies. Three kinds, told apart by prefix:
 *
 * <ul>
 *   <li>{@code w:} words: folded, stop words and words under three letters dropped, a plural "s" dropped, Cyrillic
 *       stemmed and spelled in Latin letters, then cut to six letters. The cut is a cheap stemmer that also joins
 *       many cognates across the five languages ("militar", "military"; "cartel", "cárteles").</li>
 *   <li>{@code #} numbers, which survive translation: "90,000", "90.000" and "90 000" are all {@code #90000};
 *       "1,3" and "1.3" are {@code #1.3}. One-digit numbers are too common to mean anything and are dropped.</li>
 *   <li>{@code n:} names: capitalised words inside a sentence of the body, reduced to a consonant skeleton that is
 *       the same in Latin and Cyrillic spellings ("Skibitskyi", "Скибицкий", "Скібіцький" are all {@code skbsk};
 *       "Caicedo" and "Кайседо" are {@code ksd}), so people and places missing from the gazetteer still link
 *       translations.</li>
 * </ul>
 *
 * <p>Title words count {@value #TITLE_WEIGHT} times. Pure functions; thread-safe.
 */
final class TermExtractor {
    static final double TITLE_WEIGHT = 2;
    static final int MIN_WORD = 3;
    static final int PREFIX = 6;
    static final int MIN_SKELETON = 3;
    /** Weight of words inside a quotation: quotes travel between stories, reporting does not. */
    static final double QUOTE_WEIGHT = 0.25;
    /** Fewest words for quoted text to count as a quotation rather than a quoted term ("volunteers"). */
    static final int MIN_QUOTATION_WORDS = 4;

    /** Digits with inner group or decimal separators (comma, dot, space, no-break spaces). */
    private static final Pattern SEPARATOR = Pattern.compile("[.,\u00a0\u202f ]");
    private static final String OPENERS = " \t\"'“”‘’«»„([—–-";
    private static final String SENTENCE_END = ".!?…:;\n\r";

    private TermExtractor() {
    }

    /** Terms of the article with their weighted frequencies. */
    static Map<String, Double> extract(String title, String text) {
        return extract(title, TextFolder.tokens(title), text, TextFolder.tokens(text));
    }

    /** As {@link #extract(String, String)}, with the fields' {@linkplain TextFolder#tokens tokens} already folded. */
    static Map<String, Double> extract(String title, List<FoldedToken> titleTokens, String text, List<FoldedToken> textTokens) {
        Map<String, Double> tf = new HashMap<>();
        addField(tf, title, titleTokens, TITLE_WEIGHT, false);
        addField(tf, text, textTokens, 1, true);
        return tf;
    }

    private static void addField(Map<String, Double> tf, String field, List<FoldedToken> tokens, double weight, boolean names) {
        if (field == null || field.isEmpty()) {
            return;
        }
        List<int[]> spans = quotationSpans(field);
        boolean[] quoted = quotations(spans, tokens);
        for (int[] run = nextNumber(field, 0); run != null; run = nextNumber(field, run[1])) {
            double w = inside(spans, run[0]) ? weight * QUOTE_WEIGHT : weight;
            for (String n : numbers(field.substring(run[0], run[1]))) {
                tf.merge("#" + n, w, Double::sum);
            }
        }
        for (int k = 0; k < tokens.size(); k++) {
            FoldedToken t = tokens.get(k);
            String folded = t.text();
            double w = quoted[k] ? weight * QUOTE_WEIGHT : weight;
            if (isDigits(folded) || folded.length() < MIN_WORD || StopWords.contains(folded)) {
                continue;
            }
            if (names && Character.isUpperCase(field.codePointAt(t.start())) && !sentenceInitial(field, t.start())) {
                String skeleton = skeleton(folded);
                if (skeleton.length() >= MIN_SKELETON) {
                    tf.merge("n:" + skeleton, w, Double::sum);
                    continue;
                }
            }
            tf.merge("w:" + word(folded), w, Double::sum);
        }
    }

    /**
     * Which tokens lie inside a quotation of at least {@value #MIN_QUOTATION_WORDS} words; shorter spans are
     * emptied in {@code spans}, so that numbers in them count fully too.
     */
    private static boolean[] quotations(List<int[]> spans, List<FoldedToken> tokens) {
        boolean[] out = new boolean[tokens.size()];
        for (int[] span : spans) {
            int first = -1;
            int count = 0;
            for (int k = 0; k < tokens.size(); k++) {
                if (tokens.get(k).start() >= span[0] && tokens.get(k).end() <= span[1]) {
                    if (first < 0) {
                        first = k;
                    }
                    count++;
                }
            }
            if (count >= MIN_QUOTATION_WORDS) {
                for (int k = first; k < first + count; k++) {
                    out[k] = true;
                }
            } else {
                span[1] = span[0]; // too short to be a quotation: forget it for numbers too
            }
        }
        return out;
    }

    /**
     * Quoted spans {@code [start, end)}: “…”, «…», „…“ and "…" (straight quotes pair up in order). An unclosed
     * quotation runs to the end of its paragraph, as in multi-paragraph quotes.
     */
    static List<int[]> quotationSpans(String field) {
        List<int[]> spans = new java.util.ArrayList<>();
        int open = -1;
        char closer = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (open < 0) {
                closer = switch (c) {
                    case '“' -> '”';
                    case '«' -> '»';
                    case '„' -> '“';
                    case '"' -> '"';
                    default -> 0;
                };
                if (closer != 0) {
                    open = i;
                }
            } else if (c == closer || c == '\n' && i + 1 < field.length() && field.charAt(i + 1) == '\n') {
                spans.add(new int[] {open + 1, i});
                open = -1;
            }
        }
        if (open >= 0) {
            spans.add(new int[] {open + 1, field.length()});
        }
        return spans;
    }

    private static boolean inside(List<int[]> spans, int at) {
        for (int[] s : spans) {
            if (at >= s[0] && at < s[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next run of ASCII digits at or after {@code from} that does not follow a letter or number, with groups
     * joined by one separator ({@code . , space, no-break spaces}): what the regular expression
     * {@code (?<![\p{L}\p{N}])\d+(?:[.,\u00a0\u202f ]\d+)*} finds, scanned by hand (the regex cost as much
     * as the rest of term extraction). Returns {@code [start, end)} or {@code null}.
     */
    static int[] nextNumber(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            if (!isAsciiDigit(s.charAt(i)) || i > 0 && isLetterOrNumber(s.codePointBefore(i))) {
                continue;
            }
            int j = i;
            while (j < n && isAsciiDigit(s.charAt(j))) {
                j++;
            }
            while (j + 1 < n && isNumberSeparator(s.charAt(j)) && isAsciiDigit(s.charAt(j + 1))) {
                j++;
                while (j < n && isAsciiDigit(s.charAt(j))) {
                    j++;
                }
            }
            return new int[] {i, j};
        }
        return null;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumberSeparator(char c) {
        return c == '.' || c == ',' || c == ' ' || c == '\u00a0' || c == '\u202f';
    }

    private static boolean isLetterOrNumber(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** The word term of a folded token (without prefix). */
    static String word(String folded) {
        String w;
        if (TextFolder.isCyrillic(folded)) {
            w = TextFolder.transliterate(TextFolder.matchKey(folded));
        } else {
            w = folded.length() > 4 && folded.endsWith("s") ? folded.substring(0, folded.length() - 1) : folded;
        }
        return w.length() > PREFIX ? w.substring(0, PREFIX) : w;
    }

    /** Normalised numbers in one matched run, see the class comment. */
    static List<String> numbers(String run) {
        String[] groups = SEPARATOR.split(run);
        if (groups.length == 1) {
            return keep(strip(groups[0]));
        }
        boolean thousands = groups[0].length() <= 3;
        for (int i = 1; i < groups.length && thousands; i++) {
            thousands = groups[i].length() == 3;
        }
        if (thousands) {
            return keep(strip(String.join("", groups)));
        }
        char sep = run.charAt(groups[0].length());
        if (groups.length == 2 && (sep == '.' || sep == ',')) {
            return List.of(strip(groups[0]) + "." + groups[1]);
        }
        List<String> out = new java.util.ArrayList<>();
        for (String g : groups) {
            out.addAll(keep(strip(g)));
        }
        return out;
    }

    private static List<String> keep(String n) {
        return n.length() < 2 ? List.of() : List.of(n);
    }

    private static String strip(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 ? c < '0' || c > '9' : !Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** True when only openers (spaces, quotes, brackets, dashes) separate {@code at} from a sentence start. */
    static boolean sentenceInitial(String field, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = field.charAt(i);
            if (SENTENCE_END.indexOf(c) >= 0) {
                return true;
            }
            if (OPENERS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A consonant skeleton of a name that Latin and Cyrillic spellings share: Cyrillic case endings stripped and
     * transliterated, digraphs merged (sh, zh, kh, ch, ts, ph, th), c/q to k (c to s before e and i, as in
     * Spanish), j to h, w to v, vowels and h dropped after the first letter, doubled letters merged.
     */
    static String skeleton(String folded) {
        String s = TextFolder.isCyrillic(folded) ? TextFolder.transliterate(stripCyrillicEnding(folded)) : folded;
        s = s.toLowerCase(Locale.ROOT)
                .replace("shch", "s").replace("sch", "s").replace("sh", "s").replace("zh", "z").replace("kh", "h")
                .replace("ch", "k").replace("ts", "s").replace("tz", "s").replace("ck", "k").replace("ph", "f")
                .replace("th", "t").replace("gh", "g");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            char mapped = switch (c) {
                case 'c' -> next == 'e' || next == 'i' ? 's' : 'k';
                case 'q' -> 'k';
                case 'x' -> 'k';
                case 'j' -> 'h';
                case 'w' -> 'v';
                case 'a', 'e', 'i', 'o', 'u', 'y' -> i == 0 ? 'a' : 0;
                case 'h' -> i == 0 ? 'h' : 0;
                default -> c >= 'a' && c <= 'z' ? c : 0;
            };
            if (mapped != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != mapped)) {
                out.append(mapped);
            }
        }
        return out.toString();
    }

    /** Cyrillic endings that follow a name: final vowels, and -ом/-ым/-ах/-ого after them. */
    private static String stripCyrillicEnding(String s) {
        String vowels = "аеиоуыэюяьіъє";
        int end = s.length();
        while (end > 3 && vowels.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end - 2 >= 3 && "мхг".indexOf(s.charAt(end - 1)) >= 0 && vowels.indexOf(s.charAt(end - 2)) >= 0) {
            end -= 2;
            while (end > 3 && vowels.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return s.substring(0, end);
    }
}
