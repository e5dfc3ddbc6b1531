package io.newswatch.processor.dedup;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the earlier article that a new one nearly duplicates: the same wire story republished with small edits.
 *
 * <p>Locality-sensitive hashing over {@link MinHasher} signatures: the 128 values are cut into
 * {@value #BANDS} bands of {@value #ROWS}; each band is hashed to a bucket key, and articles sharing any bucket
 * become candidates. Two texts of Jaccard similarity {@code s} share at least one bucket with probability
 * {@code 1 - (1 - s^4)^32}: 0.9998 at s = 0.7, 0.87 at 0.5, 0.23 at 0.3, so near duplicates are almost never
 * missed while unrelated articles rarely even get verified. Each candidate is then verified by the full
 * signature estimate, which must reach the threshold (default 0.7: edits to a headline, a dropped or added
 * paragraph, a changed dateline stay above; a rewrite in other words falls far below).
 *
 * <p>Buckets live in a {@link TimedPostings}, so they expire with the window. Each bucket lookup reads at most
 * {@code bucketCap} newest entries, which bounds the cost of one lookup at {@code 32 × bucketCap} verifications
 * even when boilerplate makes a bucket popular. Of the verified candidates the earliest (then smallest id) is
 * returned, so every copy points at the first publication. Not thread-safe; deterministic.
 */
public final class NearDuplicateIndex {
    /** Bands of the LSH scheme. */
    public static final int BANDS = 32;
    /** Signature rows per band. */
    public static final int ROWS = 4;

    /** Sets the bucket keys apart from the named keys sharing the postings. */
    private static final long KEY_SALT = TimedPostings.key("lsh:");

    private final TimedPostings buckets;
    private final SignatureSource signatures;
    private final double threshold;
    private final int bucketCap;

    /** Where the index reads back the signature of a candidate it found in a bucket. */
    @FunctionalInterface
    public interface SignatureSource {
        /** The signature stored for the article at that event time, or {@code null} when it is gone. */
        long[] signatureOf(String articleId, long timestamp);
    }

    /** A verified near duplicate: the earlier article and the estimated Jaccard similarity. */
    public record NearDuplicate(String articleId, long timestamp, double similarity) {
    }

    /**
     * @param buckets    bucket state; shared with other users of the postings under other key prefixes
     * @param signatures read-back of candidate signatures
     * @param threshold  minimum estimated Jaccard similarity, in (0, 1]
     * @param bucketCap  newest entries read per bucket, at least 1
     */
    public NearDuplicateIndex(TimedPostings buckets, SignatureSource signatures, double threshold, int bucketCap) {
        if (buckets == null || signatures == null) {
            throw new IllegalArgumentException("buckets and signatures must not be null");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        if (bucketCap < 1) {
            throw new IllegalArgumentException("bucketCap must be >= 1, was " + bucketCap);
        }
        this.buckets = buckets;
        this.signatures = signatures;
        this.threshold = threshold;
        this.bucketCap = bucketCap;
    }

    /**
     * The earliest article filed with a timestamp in {@code [from, to]} whose signature is at least
     * {@code threshold} similar to {@code signature}.
     *
     * @param signature a {@link MinHasher#standard()} signature; an empty one finds nothing
     */
    public Optional<NearDuplicate> findDuplicate(long[] signature, long from, long to) {
        checkLength(signature);
        if (MinHasher.isEmpty(signature)) {
            return Optional.empty();
        }
        Set<Posting> seen = new HashSet<>();
        NearDuplicate best = null;
        for (long key : bandKeys(signature)) {
            for (Posting p : buckets.newest(key, from, to, bucketCap)) {
                if (!seen.add(p)) {
                    continue;
                }
                long[] other = signatures.signatureOf(p.articleId(), p.timestamp());
                if (other == null || other.length != signature.length) {
                    continue;
                }
                double s = MinHasher.similarity(signature, other);
                if (s >= threshold && (best == null || p.timestamp() < best.timestamp()
                        || p.timestamp() == best.timestamp() && p.articleId().compareTo(best.articleId()) < 0)) {
                    best = new NearDuplicate(p.articleId(), p.timestamp(), s);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Files the article's signature in its {@value #BANDS} buckets. An empty signature is not filed. */
    public void add(String articleId, long[] signature, long timestamp) {
        checkLength(signature);
        if (articleId == null || articleId.isBlank()) {
            throw new IllegalArgumentException("articleId must not be blank");
        }
        if (MinHasher.isEmpty(signature)) {
            return;
        }
        for (long key : bandKeys(signature)) {
            buckets.add(key, articleId, timestamp);
        }
    }

    /** The bucket keys of a signature, one per band: the band number and its rows, hashed. */
    public static long[] bandKeys(long[] signature) {
        checkLength(signature);
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = Hashing.combine(h, signature[b * ROWS + r]);
            }
            keys[b] = Hashing.combine(h, KEY_SALT);
        }
        return keys;
    }

    private static void checkLength(long[] signature) {
        if (signature == null || signature.length != BANDS * ROWS) {
            throw new IllegalArgumentException("signature must have " + BANDS * ROWS + " values, had "
                    + (signature == null ? "none" : signature.length));
        }
    }
}
