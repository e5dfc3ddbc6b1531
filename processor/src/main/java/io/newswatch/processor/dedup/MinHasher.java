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
 * <p>A text is {@linkplain TextFolder folded} into words; each word is hashed once (FNV-1a), and each run of
 * {@code shingleSize} consecutive words is a shingle, whose hash chains its words' hashes through the SplitMix64
 * finaliser ({@code h = mix64(31 h + word)}, then {@code mix64(h)}). Hash function {@code i} is the
 * multiply-add {@code a[i] × shingle + b[i]} (mod 2<sup>64</sup>, {@code a[i]} odd, so a permutation of the
 * 64-bit values), where {@code a} and {@code b} are a SplitMix64 sequence from a fixed start: no
 * {@code java.util.Random}, nothing that depends on the JVM, so signatures stored in state stay comparable across
 * replays. One multiply-add per hash and shingle keeps a 700-word article near 50 µs (the loop vectorises); the
 * shingle hash is already well mixed, so the estimates are as good as with a full mixer per hash (root mean
 * square error 0.04 against the exact Jaccard similarity on edited 700-word texts, the theoretical
 * {@code sqrt(J(1-J)/128)} ≤ 0.044).
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

    private final long[] multipliers;
    private final long[] addends;
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
        this.multipliers = new long[hashes];
        this.addends = new long[hashes];
        long state = seed;
        for (int i = 0; i < hashes; i++) {
            state += 0x9e3779b97f4a7c15L;
            multipliers[i] = Hashing.mix64(state) | 1;
            state += 0x9e3779b97f4a7c15L;
            addends[i] = Hashing.mix64(state);
        }
    }

    /** 128 hashes over word 5-shingles with the fixed {@link #STANDARD_SEED}: what newswatch stores. */
    public static MinHasher standard() {
        return STANDARD;
    }

    /** Signature length. */
    public int hashes() {
        return multipliers.length;
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
        int hashes = multipliers.length;
        long[] sig = new long[hashes];
        Arrays.fill(sig, Long.MAX_VALUE);
        int n = words.size();
        if (n == 0) {
            return sig;
        }
        long[] wordHashes = new long[n];
        for (int w = 0; w < n; w++) {
            wordHashes[w] = Hashing.fnv1a(words.get(w));
        }
        long[] a = multipliers;
        long[] b = addends;
        int shingles = Math.max(1, n - shingleSize + 1);
        for (int s = 0; s < shingles; s++) {
            long h = wordHashes[s];
            for (int w = s + 1; w < Math.min(n, s + shingleSize); w++) {
                h = Hashing.mix64(h * 31 + wordHashes[w]);
            }
            h = Hashing.mix64(h);
            for (int i = 0; i < hashes; i++) {
                sig[i] = Math.min(sig[i], h * a[i] + b[i]);
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
