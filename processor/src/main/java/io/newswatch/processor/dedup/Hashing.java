package io.newswatch.processor.dedup;

/**
 * The 64-bit hashing behind signatures and bucket keys, written out here rather than borrowed from
 * {@code String.hashCode} (32 bits) or {@code java.util.Random} (no promise across JVM versions), so that a
 * signature computed today matches one in a changelog written by an older build.
 */
final class Hashing {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    /** The SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective, well-mixing function of 64 bits. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 units of {@code s}, continuing from {@code h}. */
    static long fnv1a(long h, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** FNV-1a of {@code s} from the standard offset basis. */
    static long fnv1a(CharSequence s) {
        return fnv1a(FNV_OFFSET, s);
    }

    /** Folds one more long into a running hash. */
    static long combine(long h, long v) {
        return mix64(h ^ mix64(v + 0x9e3779b97f4a7c15L));
    }
}
