package io.newswatch.processor.story;

import io.newswatch.processor.dedup.Posting;
import io.newswatch.processor.dedup.TimedPostings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StoryState} on the heap. Articles are kept one per id (an id is stored again only after its first entry
 * has left the window, because within it a repeated id is an exact duplicate and not stored); they are swept like
 * the postings, whenever the stream time has moved a quarter of the retention.
 */
final class InMemoryStoryState implements StoryState {
    private final TimedPostings postings;
    private final Map<String, StoredArticle> articles = new HashMap<>();
    private final long retentionMs;
    private long streamTime = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;

    InMemoryStoryState(Duration retention, int postingCap) {
        this.postings = TimedPostings.inMemory(retention, postingCap);
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void add(String key, String articleId, long timestamp) {
        postings.add(key, articleId, timestamp);
    }

    @Override
    public List<Posting> newest(String key, long from, long to, int limit) {
        return postings.newest(key, from, to, limit);
    }

    @Override
    public Optional<Posting> oldest(String key, long from, long to) {
        return postings.oldest(key, from, to);
    }

    @Override
    public void purge(long cutoff) {
        postings.purge(cutoff);
        articles.values().removeIf(a -> a.timestamp() < cutoff);
    }

    @Override
    public StoredArticle article(String articleId, long timestamp) {
        StoredArticle a = articles.get(articleId);
        return a != null && a.timestamp() == timestamp ? a : null;
    }

    @Override
    public Optional<StoredArticle> article(String articleId, long from, long to) {
        StoredArticle a = articles.get(articleId);
        return a != null && a.timestamp() >= from && a.timestamp() <= to ? Optional.of(a) : Optional.empty();
    }

    @Override
    public void putArticle(StoredArticle article) {
        long ts = article.timestamp();
        if (streamTime != Long.MIN_VALUE && ts < streamTime - retentionMs) {
            return; // as a window store would: already expired
        }
        streamTime = Math.max(streamTime, ts);
        StoredArticle previous = articles.get(article.articleId());
        if (previous == null || previous.timestamp() <= ts) {
            articles.put(article.articleId(), article);
        }
        if (lastSweep == Long.MIN_VALUE || streamTime - lastSweep >= retentionMs / 4) {
            lastSweep = streamTime;
            articles.values().removeIf(a -> a.timestamp() < streamTime - retentionMs);
        }
    }

    /** Articles held, for tests and the benchmark. */
    int articleCount() {
        return articles.size();
    }
}
