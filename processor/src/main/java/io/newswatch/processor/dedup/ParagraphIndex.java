package io.newswatch.processor.dedup;

import io.newswatch.processor.entities.FoldedToken;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the earlier article that a new one republishes paragraph for paragraph: the wire story an outlet put out
 * again under its own headline and first paragraph, with the rest verbatim and perhaps a "Related:" line or a
 * cookie notice left by extraction. Such a copy shares most of its paragraphs with the original but only about
 * half of its word shingles (Jaccard near 0.5), so {@link NearDuplicateIndex} misses it.
 *
 * <p>An article's paragraphs (lines of its text) of at least {@value #MIN_WORDS} words are each hashed from their
 * {@linkplain io.newswatch.processor.entities.TextFolder folded} words, so case, accents and punctuation do not
 * matter; shorter lines (datelines, "Share this article", "Related: ...") are left out. Each hash is packed with
 * the paragraph's word count in its low 16 bits. Paragraph hashes are posting-list keys in a {@link TimedPostings},
 * so a new article reads one list per paragraph, and the earlier articles that share at least
 * {@code minShared} of its paragraphs are verified: the words of the shared paragraphs must be at least
 * {@code threshold} of the words of the shorter article's paragraphs (its <em>containment</em>). The default 0.6
 * with two paragraphs admits a copy with a new headline and lede (0.7-0.9 on the corpus) and rejects two
 * reports that share a background paragraph or a quotation (one paragraph, or well under half the words). Of the
 * verified articles the earliest (then smallest id) is returned, so every copy points at the first publication.
 *
 * <p>Cost: one list read of at most {@code cap} entries per paragraph and one read per candidate sharing enough
 * paragraphs; linear in the article's length. Not thread-safe; deterministic.
 */
public final class ParagraphIndex {
    /** Fewest words for a line of text to count as a paragraph. */
    public static final int MIN_WORDS = 10;

    private static final long KEY_SALT = TimedPostings.key("par:");
    private static final long WORDS_MASK = 0xffffL;
    private static final long[] NONE = new long[0];

    private final TimedPostings postings;
    private final ParagraphSource source;
    private final double threshold;
    private final int minShared;
    private final int cap;

    /** Where the index reads back the paragraph hashes of a candidate it found in a list. */
    @FunctionalInterface
    public interface ParagraphSource {
        /** The packed, sorted paragraph hashes stored for the article at that event time, or {@code null} when gone. */
        long[] paragraphsOf(String articleId, long timestamp);
    }

    /** A verified copy: the earlier article, the share of words contained and the paragraphs shared. */
    public record Copy(String articleId, long timestamp, double containment, int sharedParagraphs) {
    }

    /**
     * @param postings  list state; shared with other users of the postings under other keys
     * @param source    read-back of candidate paragraphs
     * @param threshold minimum containment, in (0, 1]
     * @param minShared fewest shared paragraphs, at least 1
     * @param cap       newest entries read per list, at least 1
     */
    public ParagraphIndex(TimedPostings postings, ParagraphSource source, double threshold, int minShared, int cap) {
        if (postings == null || source == null) {
            throw new IllegalArgumentException("postings and source must not be null");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        if (minShared < 1 || cap < 1) {
            throw new IllegalArgumentException("minShared and cap must be >= 1, were " + minShared + " and " + cap);
        }
        this.postings = postings;
        this.source = source;
        this.threshold = threshold;
        this.minShared = minShared;
        this.cap = cap;
    }

    /**
     * The packed hashes of a text's paragraphs, sorted and distinct.
     *
     * @param text   the text; a line break ends a paragraph
     * @param tokens its folded tokens, in order, with offsets into {@code text}
     */
    public static long[] paragraphs(String text, List<FoldedToken> tokens) {
        if (text == null || tokens.isEmpty()) {
            return NONE;
        }
        long[] out = new long[8];
        int n = 0;
        int i = 0;
        while (i < tokens.size()) {
            int end = text.indexOf('\n', tokens.get(i).start());
            if (end < 0) {
                end = text.length();
            }
            long h = Hashing.fnv1a("");
            int words = 0;
            for (; i < tokens.size() && tokens.get(i).start() < end; i++) {
                h = Hashing.fnv1a(Hashing.fnv1a(h, tokens.get(i).text()), " ");
                words++;
            }
            if (words >= MIN_WORDS) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = (Hashing.mix64(h) & ~WORDS_MASK) | Math.min(words, WORDS_MASK);
            }
        }
        long[] result = Arrays.copyOf(out, n);
        Arrays.sort(result);
        return dedupe(result);
    }

    /** The word count packed into a paragraph hash. */
    public static int words(long paragraph) {
        return (int) (paragraph & WORDS_MASK);
    }

    /**
     * The earliest article filed with a timestamp in {@code [from, to]} that shares at least {@code minShared}
     * paragraphs with these, covering at least {@code threshold} of the shorter one's paragraph words.
     */
    public Optional<Copy> findCopy(long[] paragraphs, long from, long to) {
        if (paragraphs.length < minShared) {
            return Optional.empty();
        }
        Map<Posting, int[]> shared = new HashMap<>();
        for (long p : paragraphs) {
            for (Posting posting : postings.newest(key(p), from, to, cap)) {
                shared.computeIfAbsent(posting, k -> new int[1])[0]++;
            }
        }
        Copy best = null;
        for (Map.Entry<Posting, int[]> e : shared.entrySet()) {
            Posting p = e.getKey();
            if (e.getValue()[0] < minShared || best != null && (p.timestamp() > best.timestamp()
                    || p.timestamp() == best.timestamp() && p.articleId().compareTo(best.articleId()) > 0)) {
                continue;
            }
            long[] other = source.paragraphsOf(p.articleId(), p.timestamp());
            if (other == null) {
                continue;
            }
            double c = containment(paragraphs, other);
            if (c >= threshold) {
                best = new Copy(p.articleId(), p.timestamp(), c, e.getValue()[0]);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Files the article under each of its paragraphs. */
    public void add(String articleId, long[] paragraphs, long timestamp) {
        if (articleId == null || articleId.isBlank()) {
            throw new IllegalArgumentException("articleId must not be blank");
        }
        for (long p : paragraphs) {
            postings.add(key(p), articleId, timestamp);
        }
    }

    /** Words of the paragraphs in both sorted arrays, over the words of the one with fewer; 0 when either is empty. */
    static double containment(long[] a, long[] b) {
        long shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared += words(a[i]);
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        long smaller = Math.min(total(a), total(b));
        return smaller == 0 ? 0 : shared / (double) smaller;
    }

    private static long total(long[] paragraphs) {
        long sum = 0;
        for (long p : paragraphs) {
            sum += words(p);
        }
        return sum;
    }

    private static long key(long paragraph) {
        return Hashing.combine(paragraph, KEY_SALT);
    }

    private static long[] dedupe(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
