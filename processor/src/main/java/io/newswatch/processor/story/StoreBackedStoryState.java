package io.newswatch.processor.story;

import io.newswatch.processor.dedup.Posting;
import io.newswatch.processor.dedup.PostingList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * {@link StoryState} over two Kafka Streams stores (see {@link StoryProcessor#storeBuilders}).
 *
 * <p>Articles sit in a window store keyed by id, window start = event time: a lookup by id and time is a point
 * read, and the store's segments expire them. Posting lists sit in a key-value store, one encoded
 * {@link PostingList} per key: a lookup is one point read however long the window, where a window store would
 * open a range iterator per feature (about a hundred per article, ten times the cost). Lists are capped on write,
 * so a value stays under about 2 KB; lists whose newest entry has left the retention are deleted by
 * {@link #purge}, which {@link StoryProcessor} schedules on stream time.
 *
 * <p>While one record is assigned, each list it touches is decoded once and kept; {@link #flush} then writes each
 * changed list once. A record that fails leaves the stores untouched ({@link #discard}), apart from its article,
 * which is written last.
 */
final class StoreBackedStoryState implements StoryState {
    private final WindowStore<String, byte[]> articles;
    private final KeyValueStore<String, byte[]> postings;
    private final int cap;
    /** Lists read or changed while assigning the current record: decoded once, written once by {@link #flush}. */
    private final Map<String, PostingList> loaded = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    StoreBackedStoryState(WindowStore<String, byte[]> articles, KeyValueStore<String, byte[]> postings, int cap) {
        this.articles = articles;
        this.postings = postings;
        this.cap = cap;
    }

    @Override
    public void add(String key, String articleId, long timestamp) {
        load(key).add(new Posting(articleId, timestamp), cap);
        dirty.add(key);
    }

    @Override
    public List<Posting> newest(String key, long from, long to, int limit) {
        return load(key).newest(from, to, limit);
    }

    @Override
    public Optional<Posting> oldest(String key, long from, long to) {
        return load(key).oldest(from, to);
    }

    /** Writes the lists changed by the current record, once each, and forgets the decoded lists. */
    void flush() {
        for (String key : dirty) {
            postings.put(key, loaded.get(key).encode());
        }
        discard();
    }

    /** Forgets the current record's changes, as when assigning it failed: the stores stay as before it. */
    void discard() {
        dirty.clear();
        loaded.clear();
    }

    private PostingList load(String key) {
        PostingList list = loaded.get(key);
        if (list == null) {
            byte[] bytes = postings.get(key);
            list = bytes == null ? new PostingList() : PostingList.decode(bytes);
            loaded.put(key, list);
        }
        return list;
    }

    @Override
    public void purge(long cutoff) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = postings.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (PostingList.decode(kv.value).newestTimestamp() < cutoff) {
                    expired.add(kv.key);
                }
            }
        }
        expired.forEach(postings::delete);
        // Articles need no sweep: their window store drops whole segments as the stream time advances.
    }

    @Override
    public StoredArticle article(String articleId, long timestamp) {
        if (timestamp < 0) {
            return null;
        }
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
