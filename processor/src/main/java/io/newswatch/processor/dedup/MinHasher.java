package io.newswatch.processor.dedup;

import io.newswatch.processor.entities.FoldedToken;
import io.newswatch.processor.entities.TextFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MinHash signatures of texts over word shingles, for estimating the Jaccard similarity of two texts' shingle
 * sets from two fixed-size arrays.
 *
 * <p>A text is {@linkplain TextFolder folded} into words; each run of {@code shingleSize} consecutive words is a
 * shingle, hashed to 64 bits (FNV-1a, then the SplitMix64 finaliser). Hash function {@code i} is
 * {@code mix64(shingle ^ seed[i])}, where the seeds are a SplitMix64 sequence from a fixed start: no
 * {@code java.util.Random}, nothing that depends on the JVM, so signatures stored in state stay comparable across
 * versions and replays. The fraction of positions at which two signatures agree estimates the Jaccard
 * similarity; with 128 hashes its standard error is at most 0.044.
 *
 * <p>A text shorter than one shingle is taken whole as a single shingle; a text without words has the
 * {@linkplain #isEmpty empty signature}, which is similar to nothing. Immutable and thread-safe.
 */
public final class MinHasher {
    /** Hashes per signature in {@link #standard()}. */
    public static final int STANDARD_HASHES = 128;
    /** Words per shingle in {@link #standard()}. */
    public static final int STANDARD_SHINGLE = 5;
    /** Start of the seed sequence of {@link #standard()}; changing it invalidates every stored signature. */
    public static final long STANDARD_SEED = 0x6e65777377617463L;

    private static final MinHasher STANDARD = new MinHasher(STANDARD_HASHES, STANDARD_SHINGLE, STANDARD_SEED);

    private final long[] seeds;
    private final int shingleSize;

    /**
     * @param hashes      signature length, at least 1
     * @param shingleSize words per shingle, at least 1
     * @param seed        start of the seed sequence
     */
    public MinHasher(int hashes, int shingleSize, long seed) {
        if (hashes < 1) {
            throw new IllegalArgumentException("hashes must be >= 1, was " + hashes);
        }
        if (shingleSize < 1) {
            throw new IllegalArgumentException("shingleSize must be >= 1, was " + shingleSize);
        }
        this.shingleSize = shingleSize;
        this.seeds = new long[hashes];
        long state = seed;
        for (int i = 0; i < hashes; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = Hashing.mix64(state);
        }
    }

    /** 128 hashes over word 5-shingles with the fixed {@link #STANDARD_SEED}: what newswatch stores. */
    public static MinHasher standard() {
        return STANDARD;
    }

    /** Signature length. */
    public int hashes() {
        return seeds.length;
    }

    /** The signature of a text, after folding it into words. {@code null} is treated as empty. */
    public long[] signature(String text) {
        List<String> words = new ArrayList<>();
        for (FoldedToken t : TextFolder.tokens(text)) {
            words.add(t.text());
        }
        return signature(words);
    }

    /**
     * The signature of a sequence of (already folded) words.
     *
     * @return a new array of {@link #hashes()} values; all {@code Long.MAX_VALUE} when {@code words} is empty
     */
    public long[] signature(List<String> words) {
        if (words == null) {
            throw new IllegalArgumentException("words must not be null");
        }
        long[] sig = new long[seeds.length];
        Arrays.fill(sig, Long.MAX_VALUE);
        if (words.isEmpty()) {
            return sig;
        }
        int shingles = Math.max(1, words.size() - shingleSize + 1);
        for (int s = 0; s < shingles; s++) {
            long h = Hashing.fnv1a(words.get(s));
            for (int w = s + 1; w < Math.min(words.size(), s + shingleSize); w++) {
                h = Hashing.fnv1a(h ^ 0x1f, words.get(w)); // 0x1f keeps "ab c" and "a bc" apart
            }
            h = Hashing.mix64(h);
            for (int i = 0; i < seeds.length; i++) {
                long v = Hashing.mix64(h ^ seeds[i]);
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return sig;
    }

    /** True for the signature of a text without words. */
    public static boolean isEmpty(long[] signature) {
        for (long v : signature) {
            if (v != Long.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The estimated Jaccard similarity of the two texts: the share of positions where the signatures agree.
     * Zero when either is empty.
     *
     * @throws IllegalArgumentException when the signatures differ in length
     */
    public static double similarity(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures differ in length: " + a.length + " vs " + b.length);
        }
        if (isEmpty(a) || isEmpty(b)) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }
}
