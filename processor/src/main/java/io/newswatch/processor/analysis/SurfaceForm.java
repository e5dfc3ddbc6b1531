package io.newswatch.processor.analysis;

import com.ibm.icu.text.Normalizer;
import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.nio.CharBuffer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Keeps the written form of each word beside its stem, both folded, at one position.
 *
 * <p>{@link Remember} sits before the stemmer and copies the word as written; {@link Emit} sits after it and
 * emits the folded stem, then the folded written form at the same position when it differs. This is what
 * Lucene's {@code KeywordRepeatFilter} + {@code RemoveDuplicatesTokenFilter} + {@link ICUFoldingFilter} do,
 * without copying every attribute of every token (which made that chain the most expensive part of
 * matching an article). Folding uses the same normalizer as {@link ICUFoldingFilter}.
 *
 * <p>One instance serves one analysis chain, so one thread at a time, like the filters themselves.
 */
final class SurfaceForm {
    private static final Normalizer2 FOLDING = ICUFoldingFilter.NORMALIZER;

    private char[] chars = new char[32];
    private int length;

    /** Folds a term in place. */
    static void fold(CharTermAttribute term, StringBuilder scratch) {
        if (isFolded(term.buffer(), term.length()) || FOLDING.quickCheck(term) == Normalizer.YES) {
            return;
        }
        scratch.setLength(0);
        FOLDING.normalize(term, scratch);
        term.setEmpty().append(scratch);
    }

    /**
     * True when the chars are only lower-case ASCII letters and digits, which folding leaves as they are: most words
     * of a Latin-script text, decided without the normalizer's lookups.
     */
    static boolean isFolded(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Copies the written form; place before the stemmer. */
    static final class Remember extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final SurfaceForm surface;

        Remember(TokenStream in, SurfaceForm surface) {
            super(in);
            this.surface = surface;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (surface.chars.length < term.length()) {
                surface.chars = new char[term.length() * 2];
            }
            System.arraycopy(term.buffer(), 0, surface.chars, 0, term.length());
            surface.length = term.length();
            return true;
        }
    }

    /** Emits the folded stem, then the folded written form at the same position if different; place after the stemmer. */
    static final class Emit extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final SurfaceForm surface;
        private final StringBuilder scratch = new StringBuilder();
        private final StringBuilder folded = new StringBuilder();
        private boolean pending;

        Emit(TokenStream in, SurfaceForm surface) {
            super(in);
            this.surface = surface;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (pending) {
                pending = false;
                term.setEmpty().append(folded);
                increment.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            boolean stemmed = term.length() != surface.length
                    || !java.util.Arrays.equals(term.buffer(), 0, term.length(), surface.chars, 0, surface.length);
            fold(term, scratch);
            if (stemmed) {
                CharBuffer written = CharBuffer.wrap(surface.chars, 0, surface.length);
                folded.setLength(0);
                if (isFolded(surface.chars, surface.length) || FOLDING.quickCheck(written) == Normalizer.YES) {
                    folded.append(written);
                } else {
                    FOLDING.normalize(written, folded);
                }
                pending = !contentEquals(term, folded);
            }
            return true;
        }

        private static boolean contentEquals(CharTermAttribute a, CharSequence b) {
            if (a.length() != b.length()) {
                return false;
            }
            for (int i = 0; i < b.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending = false;
        }
    }

    /** Folds each token; the query-side counterpart of {@link Emit}. */
    static final class Fold extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final StringBuilder scratch = new StringBuilder();

        Fold(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            fold(term, scratch);
            return true;
        }
    }
}
