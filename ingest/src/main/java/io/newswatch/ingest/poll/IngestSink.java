package io.newswatch.ingest.poll;

import io.newswatch.model.Article;
import io.newswatch.model.DeadLetter;
import java.util.concurrent.CompletableFuture;

/** Where ingest publishes: articles (acknowledged) and dead letters (best effort, logged on failure). */
public interface IngestSink {

    /** Publishes an article; the future completes when Kafka acknowledged it (acks=all). */
    CompletableFuture<Void> article(Article article);

    /** Records something that could not be ingested. */
    void deadLetter(DeadLetter deadLetter);
}
