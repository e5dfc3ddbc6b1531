package io.newswatch.processor.story;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StoryState} on the heap. Articles are kept one per id (an id is stored again only after its first entry
 * has left the window, because within it a repeated id is an exact duplicate and not stored); they are swept like
 * the postings, whenever the stream time has moved a quarter of the retention.
 */
final class InMemoryStoryState extends HeapIndexedStoryState {
    private final Map<String, StoredArticle> articles = new HashMap<>();
    private final long retentionMs;
    private long streamTime = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;

    InMemoryStoryState(Duration retention, int postingCap) {
        super(retention, postingCap);
        this.retentionMs = retention.toMillis();
    }

    @Override
    void purgeArticles(long cutoff) {
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
