package io.newswatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.ingest.poll.IngestSink;
import io.newswatch.model.Article;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.topic.Topics;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes articles (keyed by article id) and dead letters with one idempotent producer. Thread-safe. */
final class KafkaIngestSink implements IngestSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestSink.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final MeterRegistry metrics;

    KafkaIngestSink(KafkaProducer<String, byte[]> producer, Topics topics, MeterRegistry metrics) {
        this.producer = producer;
        this.topics = topics;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<Void> article(Article article) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        byte[] value = topics.articles().valueSerde().serializer().serialize(topics.articles().name(), article);
        producer.send(new ProducerRecord<>(topics.articles().name(), article.id(), value), (md, e) -> {
            if (e != null) {
                ack.completeExceptionally(e);
            } else {
                ack.complete(null);
            }
        });
        return ack;
    }

    @Override
    public void deadLetter(DeadLetter dl) {
        metrics.counter("newswatch.ingest.dead.letters").increment();
        byte[] value = topics.dlq().valueSerde().serializer().serialize(topics.dlq().name(), dl);
        producer.send(new ProducerRecord<>(topics.dlq().name(), dl.key(), value), (md, e) -> {
            if (e != null) {
                LOG.error("could not write dead letter ({}): {}", dl.cause(), e.toString());
            }
        });
    }
}
