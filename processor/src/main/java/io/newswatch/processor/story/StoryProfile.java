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
    /** The ids among {@link #entityIds} of people, sorted: details specific to one event, unlike a group or a country. */
    final String[] personIds;

    StoryProfile(String[] entityIds, float[] entityWeights, String[] terms, float[] termWeights,
            List<List<Posting>> entityPostings, List<List<Posting>> termPostings, String[] personIds) {
        this.entityIds = entityIds;
        this.entityWeights = entityWeights;
        this.terms = terms;
        this.termWeights = termWeights;
        this.entityPostings = entityPostings;
        this.termPostings = termPostings;
        this.personIds = personIds;
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
