package io.newswatch.processor.story;

import io.newswatch.processor.dedup.Posting;
import io.newswatch.processor.dedup.TimedPostings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What both {@link StoryState}s share: the posting lists, capped and swept on the heap. Subclasses keep the
 * articles (a map, or a Kafka Streams store) and sweep them in {@link #purgeArticles}.
 */
abstract sealed class HeapIndexedStoryState implements StoryState permits InMemoryStoryState, StoreBackedStoryState {
    private final TimedPostings postings;

    HeapIndexedStoryState(Duration retention, int postingCap) {
        this.postings = TimedPostings.inMemory(retention, postingCap);
    }

    @Override
    public final void add(long key, String articleId, long timestamp) {
        postings.add(key, articleId, timestamp);
    }

    @Override
    public final List<Posting> newest(long key, long from, long to, int limit) {
        return postings.newest(key, from, to, limit);
    }

    @Override
    public final Optional<Posting> oldest(long key, long from, long to) {
        return postings.oldest(key, from, to);
    }

    @Override
    public final void purge(long cutoff) {
        postings.purge(cutoff);
        purgeArticles(cutoff);
    }

    /** Drops the articles older than {@code cutoff}, where the subclass has to. */
    abstract void purgeArticles(long cutoff);
}
