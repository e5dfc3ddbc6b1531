package io.newswatch.processor.story;

import io.newswatch.model.Article;
import io.newswatch.processor.dedup.ContentFingerprint;
import io.newswatch.processor.dedup.MinHasher;
import io.newswatch.processor.dedup.ParagraphIndex;
import io.newswatch.processor.entities.FoldedToken;
import io.newswatch.processor.entities.TextFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything story assignment needs from an article's text, computed without any state: its
 * {@link ContentFingerprint}, its {@link MinHasher#standard() MinHash signature}, its paragraph hashes and its clustering terms (the
 * {@code termsPerArticle} heaviest by frequency, before any weighting by the window). Pure and thread-safe, so
 * the topology computes it in the parallel analyse stage and the single-partition story stage only does the
 * lookups that need state. Arrays are not copied; treat them as read-only.
 *
 * @param fingerprint the content fingerprint, or {@code null} for texts too short to have one
 * @param signature   the MinHash signature ({@link MinHasher#STANDARD_HASHES} values)
 * @param terms       clustering terms, heaviest first (ties by term)
 * @param termWeights their frequency weights ({@code tf' × prior}), aligned with {@code terms}
 * @param paragraphs  its {@linkplain ParagraphIndex#paragraphs paragraph hashes}, sorted (empty when unknown)
 */
public record StoryFeatures(String fingerprint, long[] signature, String[] terms, double[] termWeights, long[] paragraphs) {
    /** Frequency weight of names and numbers relative to words. */
    static final double ANCHOR_PRIOR = 1.5;

    public StoryFeatures {
        if (signature == null || signature.length != MinHasher.STANDARD_HASHES) {
            throw new IllegalArgumentException("signature must have " + MinHasher.STANDARD_HASHES + " values");
        }
        if (terms == null || termWeights == null || terms.length != termWeights.length) {
            throw new IllegalArgumentException("terms and weights must be present and align");
        }
        if (paragraphs == null) {
            throw new IllegalArgumentException("paragraphs must not be null");
        }
    }

    /** Features without paragraph hashes, as written by versions before paragraph containment. */
    public StoryFeatures(String fingerprint, long[] signature, String[] terms, double[] termWeights) {
        this(fingerprint, signature, terms, termWeights, new long[0]);
    }

    /** The features of an article's title and text, keeping at most {@code termsPerArticle} terms. */
    public static StoryFeatures of(Article article, int termsPerArticle) {
        if (termsPerArticle < 1) {
            throw new IllegalArgumentException("termsPerArticle must be >= 1, was " + termsPerArticle);
        }
        List<FoldedToken> title = TextFolder.tokens(article.title());
        List<FoldedToken> text = TextFolder.tokens(article.text());
        String fingerprint = ContentFingerprint.of(title, text).orElse(null);
        List<String> words = new ArrayList<>(title.size() + text.size());
        title.forEach(t -> words.add(t.text()));
        text.forEach(t -> words.add(t.text()));
        long[] signature = MinHasher.standard().signature(words);

        Map<String, Double> tf = TermExtractor.extract(article.title(), title, article.text(), text);
        record Weighted(String term, double weight) {
        }
        List<Weighted> ranked = new ArrayList<>(tf.size());
        tf.forEach((term, count) -> ranked.add(new Weighted(term, tfWeight(term, count))));
        ranked.sort(Comparator.comparingDouble((Weighted w) -> -w.weight()).thenComparing(Weighted::term));
        int n = Math.min(ranked.size(), termsPerArticle);
        String[] terms = new String[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            terms[i] = ranked.get(i).term();
            weights[i] = ranked.get(i).weight();
        }
        return new StoryFeatures(fingerprint, signature, terms, weights, ParagraphIndex.paragraphs(article.text(), text));
    }

    /** Sublinear above one occurrence, linear below (quoted words count fractionally); names and numbers × 1.5. */
    static double tfWeight(String term, double tf) {
        double prior = term.startsWith("w:") ? 1 : ANCHOR_PRIOR;
        return (tf <= 1 ? tf : 1 + Math.log(tf)) * prior;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoryFeatures f && java.util.Objects.equals(fingerprint, f.fingerprint)
                && Arrays.equals(signature, f.signature) && Arrays.equals(terms, f.terms)
                && Arrays.equals(termWeights, f.termWeights) && Arrays.equals(paragraphs, f.paragraphs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "StoryFeatures[fingerprint=" + fingerprint + ", terms=" + terms.length + "]";
    }
}
