package io.newswatch.tools.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The body-extraction metric of the article-extraction benchmark: texts are lower-cased and cut into
 * {@code \w+} tokens (Unicode), then compared as multisets of token 4-grams; a text of fewer than four
 * tokens is one shingle of all its tokens. Precision, recall and F1 are per page; a corpus score is their
 * mean. Two empty texts agree perfectly.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExtractionScore {

    static final int N = 4;

    /**
     * One page's agreement.
     *
     * @param precision share of the predicted shingles found in the truth
     * @param recall    share of the true shingles found in the prediction
     * @param f1        their harmonic mean, 0 when both are 0
     */
    public record Score(double precision, double recall, double f1) {
    }

    private ExtractionScore() {
    }

    /**
     * @param predicted the extracted text, {@code null} counts as empty
     * @param truth     the expected text, {@code null} counts as empty
     */
    public static Score of(String predicted, String truth) {
        Map<String, Integer> p = shingles(predicted);
        Map<String, Integer> t = shingles(truth);
        if (p.isEmpty() && t.isEmpty()) {
            return new Score(1, 1, 1);
        }
        long common = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            common += Math.min(e.getValue(), t.getOrDefault(e.getKey(), 0));
        }
        double precision = p.isEmpty() ? 0 : (double) common / total(p);
        double recall = t.isEmpty() ? 0 : (double) common / total(t);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1);
    }

    /** Mean scores of the predictions against the truths, by page id; a page without prediction scores as empty. */
    public static Score mean(Map<String, String> predicted, Map<String, String> truth) {
        Objects.requireNonNull(predicted, "predicted must not be null");
        if (Objects.requireNonNull(truth, "truth must not be null").isEmpty()) {
            throw new IllegalArgumentException("truth must not be empty");
        }
        double p = 0;
        double r = 0;
        double f = 0;
        for (Map.Entry<String, String> e : truth.entrySet()) {
            Score s = of(predicted.get(e.getKey()), e.getValue());
            p += s.precision();
            r += s.recall();
            f += s.f1();
        }
        int n = truth.size();
        return new Score(p / n, r / n, f / n);
    }

    /** Shingles joined by a space (tokens contain none), with their counts. */
    static Map<String, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<String, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        if (tokens.size() < N) {
            out.put(String.join(" ", tokens), 1);
            return out;
        }
        for (int i = 0; i + N <= tokens.size(); i++) {
            out.merge(String.join(" ", tokens.subList(i, i + N)), 1, Integer::sum);
        }
        return out;
    }

    /**
     * Python's {@code re.findall(r"\w+", text.lower())}: a word character is a letter, a number of any
     * kind or an underscore. Java's own Unicode {@code \w} differs (it takes combining marks, not
     * {@code No} numbers), which would shift scores on Indic pages.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            boolean word = isWordChar(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(lower.substring(start));
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static long total(Map<String, Integer> counts) {
        long n = 0;
        for (int c : counts.values()) {
            n += c;
        }
        return n;
    }
}
