package io.newswatch.processor.story;

import java.time.Duration;

/**
 * How duplicates and stories are decided, and how much state that keeps. Immutable; validated on construction.
 *
 * @param window                 how far apart in event time two articles may be and still be compared: a story
 *                               continues while each new article is within this of an earlier one (72 h)
 * @param grace                  how late an article may arrive behind the stream time and still see the whole
 *                               window; state is retained for {@code window + grace} (12 h)
 * @param nearDuplicateThreshold minimum estimated Jaccard similarity of word 5-shingles for a near duplicate (0.7)
 * @param storyThreshold         minimum {@linkplain StoryClusterer story score} to join an earlier article's
 *                               story ({@value #DEFAULT_STORY_THRESHOLD})
 * @param entityWeight           share of the story score given to shared entities; the rest goes to term
 *                               cosine (0.6)
 * @param termsPerArticle        terms kept per article for clustering, the most frequent first (64)
 * @param postingCap             newest entries read from one posting list (an LSH bucket, an entity, a term);
 *                               bounds per-article work and saturates document frequencies (64)
 * @param candidateCap           earlier articles scored in full per new article (32)
 */
public record StorySettings(
        Duration window,
        Duration grace,
        double nearDuplicateThreshold,
        double storyThreshold,
        double entityWeight,
        int termsPerArticle,
        int postingCap,
        int candidateCap) {

    /** Defaults, tuned on the fixtures under {@code src/test/resources/stories} and checked on the seed articles. */
    public static final double DEFAULT_STORY_THRESHOLD = 0.33;

    public StorySettings {
        requirePositive(window, "window");
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be >= 0, was " + grace);
        }
        requireUnit(nearDuplicateThreshold, "nearDuplicateThreshold");
        requireUnit(storyThreshold, "storyThreshold");
        if (!(entityWeight >= 0 && entityWeight <= 1)) {
            throw new IllegalArgumentException("entityWeight must be in [0, 1], was " + entityWeight);
        }
        requireAtLeastOne(termsPerArticle, "termsPerArticle");
        requireAtLeastOne(postingCap, "postingCap");
        requireAtLeastOne(candidateCap, "candidateCap");
    }

    /**
     * 72 h window, 12 h grace, near duplicates at 0.7, stories at {@value #DEFAULT_STORY_THRESHOLD} with 0.6 of
     * the score on entities, 64 terms per article, posting lists read to 64 entries, 32 candidates.
     */
    public static StorySettings defaults() {
        return new StorySettings(Duration.ofHours(72), Duration.ofHours(12), 0.7, DEFAULT_STORY_THRESHOLD, 0.6,
                64, 64, 32);
    }

    /** A copy with another window. */
    public StorySettings withWindow(Duration newWindow) {
        return new StorySettings(newWindow, grace, nearDuplicateThreshold, storyThreshold, entityWeight,
                termsPerArticle, postingCap, candidateCap);
    }

    /** A copy with another story threshold. */
    public StorySettings withStoryThreshold(double threshold) {
        return new StorySettings(window, grace, nearDuplicateThreshold, threshold, entityWeight,
                termsPerArticle, postingCap, candidateCap);
    }

    /** How long state is kept behind the stream time: {@code window + grace}. */
    public Duration retention() {
        return window.plus(grace);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static void requireUnit(double v, String name) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + v);
        }
    }

    private static void requireAtLeastOne(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + v);
        }
    }
}
