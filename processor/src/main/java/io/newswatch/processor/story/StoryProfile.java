package io.newswatch.processor.story;

import io.newswatch.processor.dedup.Posting;
import java.util.List;

/**
 * An article as story clustering sees it: weighted entity ids and an L2-normalised TF-IDF term vector, each
 * sorted by key, plus the posting lists read while weighting them (reused to find candidates, so each list is
 * read once). Made by {@link StoryClusterer#profile}; opaque outside this package. Arrays are not copied.
 */
public final class StoryProfile {
    final String[] entityIds;
    final float[] entityWeights;
    final String[] terms;
    final float[] termWeights;
    final List<List<Posting>> entityPostings;
    final List<List<Posting>> termPostings;

    StoryProfile(String[] entityIds, float[] entityWeights, String[] terms, float[] termWeights,
            List<List<Posting>> entityPostings, List<List<Posting>> termPostings) {
        this.entityIds = entityIds;
        this.entityWeights = entityWeights;
        this.terms = terms;
        this.termWeights = termWeights;
        this.entityPostings = entityPostings;
        this.termPostings = termPostings;
    }

    /** The clustering terms, sorted; for diagnostics. */
    public List<String> terms() {
        return List.of(terms);
    }

    /** The entity ids, sorted; for diagnostics. */
    public List<String> entityIds() {
        return List.of(entityIds);
    }
}
