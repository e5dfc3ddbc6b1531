package io.newswatch.processor.dedup;

import io.newswatch.model.ArticleId;
import io.newswatch.processor.entities.FoldedToken;
import io.newswatch.processor.entities.TextFolder;
import java.util.List;
import java.util.Optional;

/**
 * The exact-duplicate fingerprint of an article: a hash of its title and text after folding case, accents,
 * whitespace and punctuation, so that copies differing only in typography, markup remnants or line breaks share it.
 *
 * <p>Texts of fewer than {@value #MIN_WORDS} words get no fingerprint: a bare "Watch the video" teaser is
 * not evidence that two items are the same article. Pure function, thread-safe.
 */
public final class ContentFingerprint {
    /** Fewest words for a fingerprint. */
    public static final int MIN_WORDS = 8;

    private ContentFingerprint() {
    }

    /**
     * The fingerprint: 16 hex digits of SHA-256 over the folded words of title and text.
     *
     * @param title the headline; {@code null} is treated as empty
     * @param text  the body; {@code null} is treated as empty
     * @return the fingerprint, or empty when the article has fewer than {@link #MIN_WORDS} words
     */
    public static Optional<String> of(String title, String text) {
        return of(TextFolder.tokens(title), TextFolder.tokens(text));
    }

    /** The fingerprint of an already {@linkplain TextFolder#tokens folded} title and text. */
    public static Optional<String> of(List<FoldedToken> title, List<FoldedToken> text) {
        StringBuilder folded = new StringBuilder();
        int words = append(folded, title) + append(folded, text);
        return words < MIN_WORDS ? Optional.empty() : Optional.of(ArticleId.of(folded.toString()));
    }

    private static int append(StringBuilder out, List<FoldedToken> tokens) {
        for (FoldedToken t : tokens) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(t.text());
        }
        return tokens.size();
    }
}
