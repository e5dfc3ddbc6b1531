package io.newswatch.tools.bench;

import io.newswatch.model.Article;
import io.newswatch.model.topic.TopicSpec;
import io.newswatch.processor.rules.MatchInput;
import io.newswatch.tools.synthetic.SyntheticArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark articles: {@link SyntheticArticles} (about 700 words, five languages, one in twenty without a language)
 * wrapped as ingest would publish them. Each batch has its own seed and URL path, so no two articles of a run
 * share an id or a text, and the story stage treats none as an exact duplicate. Thread-safe (stateless).
 */
final class BenchArticles {
    private static final String SITE = "https://bench.newswatch.example/";

    private BenchArticles() {
    }

    /**
     * @param n     how many
     * @param seed  the generator's seed: the same seed gives the same texts
     * @param batch names the batch in the URLs ({@code warm-up}, {@code measured}, ...)
     * @param now   fetch and publication time
     * @param news  {@link SyntheticArticles#news} (named entities with Zipf popularity, for the realistic rule set)
     *              rather than {@link SyntheticArticles#articles}
     */
    static List<Article> generate(int n, long seed, String batch, Instant now, boolean news) {
        List<Article> out = new ArrayList<>(n);
        int i = 0;
        for (MatchInput m : news ? SyntheticArticles.news(n, seed) : SyntheticArticles.articles(n, seed)) {
            out.add(Article.builder(SITE + batch + "/" + seed + "/" + i++)
                    .feedId("bench").source("Bench Wire")
                    .title(m.title()).text(m.text()).lang(m.lang())
                    .publishedAt(now).fetchedAt(now)
                    .build());
        }
        return out;
    }

    /** The articles as records for {@code spec}'s topic: key the article id, value its JSON. */
    static List<LoadDriver.Payload> payloads(List<Article> articles, TopicSpec<String, Article> spec) {
        List<LoadDriver.Payload> out = new ArrayList<>(articles.size());
        for (Article a : articles) {
            out.add(new LoadDriver.Payload(a.id(), spec.valueSerde().serializer().serialize(spec.name(), a)));
        }
        return out;
    }
}
