package io.newswatch.processor.story;

import java.time.Duration;

/**
 * How duplicates and stories are decided, and how much state that keeps. Immutable; validated on construction.
 * The thresholds are configuration ({@code processor.story.*}, see {@code ProcessorConfig}); the defaults below
 * were set on the labelled corpus under {@code eval/corpus} and the fixtures under {@code src/test/resources/stories}.
 *
 * @param window                 how far apart in event time two articles may be and still be compared: a story
 *                               continues while each new article is within this of an earlier one (72 h)
 * @param grace                  how late an article may arrive behind the stream time and still see the whole
 *                               window; state is retained for {@code window + grace} (12 h)
 * @param nearDuplicateThreshold minimum estimated Jaccard similarity of word 5-shingles for a near duplicate (0.7)
 * @param containmentThreshold   minimum share of the shorter article's paragraph words found word for word in the
 *                               other for it to be a copy ({@value #DEFAULT_CONTAINMENT}): a republished wire
 *                               story under a new headline and lede keeps most of its paragraphs
 * @param minSharedParagraphs    fewest identical paragraphs for that containment to count
 *                               ({@value #DEFAULT_SHARED_PARAGRAPHS}), so one shared boilerplate paragraph of a
 *                               short text never makes a copy
 * @param storyThreshold         minimum {@linkplain StoryClusterer story score} to join an earlier article's
 *                               story ({@value #DEFAULT_STORY_THRESHOLD})
 * @param storyMinCosine         a join also needs evidence of the same event: a term cosine of at least this
 *                               ({@value #DEFAULT_MIN_COSINE}, a rewrite or follow-up in the same language) ...
 * @param storyMinSharedFigures  ... or at least this many shared figures, numbers that are not years
 *                               ({@value #DEFAULT_SHARED_FIGURES}; translations keep them). Shared entities alone
 *                               (the same cartel, state or country) never join two articles
 * @param entityWeight           share of the story score given to shared entities; the rest goes to term
 *                               cosine (0.6)
 * @param termsPerArticle        terms kept per article for clustering, the most frequent first (64)
 * @param postingCap             newest entries read from one posting list (an LSH bucket, a paragraph, an entity,
 *                               a term); bounds per-article work and saturates document frequencies (64)
 * @param candidateCap           earlier articles scored in full per new article (32)
 */
public record StoryConfig(
        Duration window,
        Duration grace,
        double nearDuplicateThreshold,
        double containmentThreshold,
        int minSharedParagraphs,
        double storyThreshold,
        double storyMinCosine,
        int storyMinSharedFigures,
        double entityWeight,
        int termsPerArticle,
        int postingCap,
        int candidateCap) {

    public static final double DEFAULT_NEAR_DUPLICATE = 0.7;
    public static final double DEFAULT_CONTAINMENT = 0.6;
    public static final int DEFAULT_SHARED_PARAGRAPHS = 2;
    public static final double DEFAULT_STORY_THRESHOLD = 0.33;
    public static final double DEFAULT_MIN_COSINE = 0.3;
    public static final int DEFAULT_SHARED_FIGURES = 2;

    public StoryConfig {
        requirePositive(window, "window");
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be >= 0, was " + grace);
        }
        requireUnit(nearDuplicateThreshold, "nearDuplicateThreshold");
        requireUnit(containmentThreshold, "containmentThreshold");
        requireAtLeastOne(minSharedParagraphs, "minSharedParagraphs");
        requireUnit(storyThreshold, "storyThreshold");
        if (!(storyMinCosine >= 0 && storyMinCosine <= 1)) {
            throw new IllegalArgumentException("storyMinCosine must be in [0, 1], was " + storyMinCosine);
        }
        if (storyMinSharedFigures < 0) {
            throw new IllegalArgumentException("storyMinSharedFigures must be >= 0, was " + storyMinSharedFigures);
        }
        if (!(entityWeight >= 0 && entityWeight <= 1)) {
            throw new IllegalArgumentException("entityWeight must be in [0, 1], was " + entityWeight);
        }
        requireAtLeastOne(termsPerArticle, "termsPerArticle");
        requireAtLeastOne(postingCap, "postingCap");
        requireAtLeastOne(candidateCap, "candidateCap");
    }

    /**
     * 72 h window, 12 h grace, near duplicates at Jaccard 0.7 or paragraph containment 0.6 over at least two
     * paragraphs, stories at {@value #DEFAULT_STORY_THRESHOLD} with 0.6 of the score on entities and evidence of
     * the same event (cosine 0.3 or one shared figure), 64 terms per article, posting lists read to 64 entries,
     * 32 candidates.
     */
    public static StoryConfig defaults() {
        return new StoryConfig(Duration.ofHours(72), Duration.ofHours(12), DEFAULT_NEAR_DUPLICATE, DEFAULT_CONTAINMENT,
                DEFAULT_SHARED_PARAGRAPHS, DEFAULT_STORY_THRESHOLD, DEFAULT_MIN_COSINE, DEFAULT_SHARED_FIGURES, 0.6,
                64, 64, 32);
    }

    /** A copy with another window. */
    public StoryConfig withWindow(Duration newWindow) {
        return new StoryConfig(newWindow, grace, nearDuplicateThreshold, containmentThreshold, minSharedParagraphs,
                storyThreshold, storyMinCosine, storyMinSharedFigures, entityWeight, termsPerArticle, postingCap, candidateCap);
    }

    /** A copy with another story threshold. */
    public StoryConfig withStoryThreshold(double threshold) {
        return new StoryConfig(window, grace, nearDuplicateThreshold, containmentThreshold, minSharedParagraphs,
                threshold, storyMinCosine, storyMinSharedFigures, entityWeight, termsPerArticle, postingCap, candidateCap);
    }

    /** A copy with other duplicate thresholds: Jaccard, paragraph containment and its fewest shared paragraphs. */
    public StoryConfig withDuplicates(double jaccard, double containment, int sharedParagraphs) {
        return new StoryConfig(window, grace, jaccard, containment, sharedParagraphs, storyThreshold, storyMinCosine,
                storyMinSharedFigures, entityWeight, termsPerArticle, postingCap, candidateCap);
    }

    /** A copy with another evidence requirement for joining a story: cosine, or shared figures. */
    public StoryConfig withStoryEvidence(double minCosine, int minSharedFigures) {
        return new StoryConfig(window, grace, nearDuplicateThreshold, containmentThreshold, minSharedParagraphs,
                storyThreshold, minCosine, minSharedFigures, entityWeight, termsPerArticle, postingCap, candidateCap);
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
