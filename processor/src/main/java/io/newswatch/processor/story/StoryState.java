package io.newswatch.processor.story;

import io.newswatch.processor.dedup.TimedPostings;
import java.util.Optional;

/**
 * Everything {@link StoryAssigner} remembers: capped posting lists (LSH buckets, fingerprints, entities, terms;
 * see {@link TimedPostings}) and one {@link StoredArticle} per article. Two implementations: {@link #inMemory} for
 * the offline scan and tests, and one over Kafka Streams stores inside {@link StoryProcessor}. Both keep the same
 * capped lists, expire state {@code settings.retention()} behind the latest event time, and name a time range in
 * every read, so the two give identical answers for the same input. Not thread-safe: one owner.
 */
public sealed interface StoryState extends TimedPostings permits HeapIndexedStoryState {

    /** The article stored under this id at exactly this event time, or {@code null}. */
    StoredArticle article(String articleId, long timestamp);

    /** The newest article stored under this id with an event time in {@code [from, to]}. */
    Optional<StoredArticle> article(String articleId, long from, long to);

    /** Stores an article under its id and event time. */
    void putArticle(StoredArticle article);

    /** State on the heap, retained for {@code settings.retention()}, posting lists capped at {@code postingCap}. */
    static StoryState inMemory(StoryConfig settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        return new InMemoryStoryState(settings.retention(), settings.postingCap());
    }
}
