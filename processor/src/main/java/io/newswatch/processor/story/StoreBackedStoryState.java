package io.newswatch.processor.story;

import io.newswatch.processor.dedup.Posting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * {@link StoryState} over two Kafka Streams window stores (see {@link StoryProcessor#storeBuilders}): articles
 * keyed by id, and postings keyed by feature with duplicates retained. An entry's window start is the article's
 * event time, so a time-range fetch is a posting-list read, and the store's segment expiry is the retention.
 */
final class StoreBackedStoryState implements StoryState {
    private final WindowStore<String, byte[]> articles;
    private final WindowStore<String, String> postings;

    StoreBackedStoryState(WindowStore<String, byte[]> articles, WindowStore<String, String> postings) {
        this.articles = articles;
        this.postings = postings;
    }

    @Override
    public void add(String key, String articleId, long timestamp) {
        postings.put(key, articleId, timestamp);
    }

    @Override
    public List<Posting> newest(String key, long from, long to, int limit) {
        List<Posting> out = new ArrayList<>();
        if (limit <= 0 || to < 0) {
            return out;
        }
        try (WindowStoreIterator<String> it = postings.backwardFetch(key, Math.max(0, from), to)) {
            while (it.hasNext() && out.size() < limit) {
                KeyValue<Long, String> kv = it.next();
                out.add(new Posting(kv.value, kv.key));
            }
        }
        return out;
    }

    @Override
    public Optional<Posting> oldest(String key, long from, long to) {
        if (to < 0) {
            return Optional.empty();
        }
        try (WindowStoreIterator<String> it = postings.fetch(key, Math.max(0, from), to)) {
            if (it.hasNext()) {
                KeyValue<Long, String> kv = it.next();
                return Optional.of(new Posting(kv.value, kv.key));
            }
        }
        return Optional.empty();
    }

    @Override
    public StoredArticle article(String articleId, long timestamp) {
        byte[] bytes = articles.fetch(articleId, timestamp);
        return bytes == null ? null : StoredArticleCodec.decode(bytes);
    }

    @Override
    public Optional<StoredArticle> article(String articleId, long from, long to) {
        if (to < 0) {
            return Optional.empty();
        }
        try (WindowStoreIterator<byte[]> it = articles.backwardFetch(articleId, Math.max(0, from), to)) {
            return it.hasNext() ? Optional.of(StoredArticleCodec.decode(it.next().value)) : Optional.empty();
        }
    }

    @Override
    public void putArticle(StoredArticle article) {
        articles.put(article.articleId(), StoredArticleCodec.encode(article), article.timestamp());
    }
}
