package io.newswatch.processor.story;

import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * {@link StoryState} over the Kafka Streams window store of articles (see {@link StoryProcessor#storeBuilders}),
 * with the posting lists on the heap as an index derived from it.
 *
 * <p>The store is the state of record: one {@link StoredArticle} per article, keyed by id, window start = event
 * time, changelogged, its segments expiring with the retention. Everything in the posting lists (fingerprints,
 * LSH buckets, entities, terms) is a function of the stored articles, so the lists are not stored at all: they are
 * rebuilt from the store when a task opens ({@link #rebuild}, after Kafka Streams has restored the store) and
 * kept up to date as articles are added. An article therefore costs one store write and one changelog record
 * (~2 KB), instead of rewriting the hundred lists it touches. The price is heap: about 100 list entries per
 * article in the retention (see {@link StoryProcessor} for the bound).
 */
final class StoreBackedStoryState extends HeapIndexedStoryState {
    private final WindowStore<String, byte[]> articles;

    StoreBackedStoryState(WindowStore<String, byte[]> articles, StoryConfig settings) {
        super(settings.retention(), settings.postingCap());
        this.articles = articles;
    }

    /**
     * Hands every stored article, oldest segment first, to {@code reindex}, which files it in the posting lists.
     *
     * @return the number of articles read
     */
    long rebuild(Consumer<StoredArticle> reindex) {
        long n = 0;
        try (KeyValueIterator<Windowed<String>, byte[]> it = articles.all()) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, byte[]> kv = it.next();
                reindex.accept(StoredArticleCodec.decode(kv.value));
                n++;
            }
        }
        return n;
    }

    @Override
    void purgeArticles(long cutoff) {
        // Nothing to do: the window store drops whole segments as the stream time advances.
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
