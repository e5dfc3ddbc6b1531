package io.newswatch.processor.story;

import io.newswatch.model.Match;

/**
 * A record of the processor's internal, single-partition stories topic: an analysed article (rule hits and
 * entities filled, no story yet) and the {@link StoryFeatures} computed beside the analysis, so that the one
 * ordered stage only does what needs its state. Internal to the processor: its format may change between
 * versions, and a record without features is still accepted (they are recomputed).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param match         the analysed article
 * @param features      its story features, or {@code null}
 */
public record StoryInput(int schemaVersion, Match match, StoryFeatures features) {
    public static final int SCHEMA_VERSION = 1;

    public StoryInput(Match match, StoryFeatures features) {
        this(SCHEMA_VERSION, match, features);
    }
}
