package io.newswatch.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.model.Alert;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.topic.DeadLetters;
import io.newswatch.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each alert on {@code newswatch.alerts} to every channel, once per consumer group.
 *
 * <p>Offsets are committed only after a batch was handed to every channel, so a crash re-delivers at most
 * the batch in flight and a clean restart delivers nothing twice. A channel that keeps failing an alert
 * ({@value #ATTEMPTS} attempts with backoff, or a non-retryable error) dead-letters that alert with the
 * cause, and delivery moves on: one broken webhook never holds back the others.
 *
 * <p>Runs on its own thread ({@link #run()}); {@link #close()} from any thread stops it.
 */
public final class AlertDispatcher implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    static final int ATTEMPTS = 3;

    private final Topics topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, DeadLetter> dlqProducer;
    private final List<AlertChannel> channels;
    private final MeterRegistry metrics;
    private final Counter badRecords;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Duration retryDelay;

    public AlertDispatcher(Topics topics, Properties consumerProps, Properties producerProps, List<AlertChannel> channels,
                           MeterRegistry metrics, Duration retryDelay) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        this.dlqProducer = new KafkaProducer<>(producerProps, topics.dlq().keySerde().serializer(), topics.dlq().valueSerde().serializer());
        this.channels = List.copyOf(channels);
        this.metrics = metrics;
        this.retryDelay = retryDelay;
        this.badRecords = Counter.builder("newswatch.alerts.dead.letters").description("alerts or records that could not be delivered")
                .register(metrics);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.alerts().name()));
            while (running.get()) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> r : batch) {
                    handle(r);
                }
                if (!batch.isEmpty()) {
                    dlqProducer.flush();
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("alert delivery stopped: {}", e.toString(), e);
            throw e;
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) throws InterruptedException {
        Alert alert;
        try {
            alert = topics.alerts().valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (alert == null) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("unreadable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            deadLetter(DeadLetters.of("alerts", r, e, Instant.now()));
            return;
        }
        for (AlertChannel ch : channels) {
            deliver(ch, alert, r);
        }
    }

    private void deliver(AlertChannel channel, Alert alert, ConsumerRecord<String, byte[]> r) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                channel.deliver(alert);
                metrics.counter("newswatch.alerts.delivered", "channel", channel.name()).increment();
                return;
            } catch (DeliveryException | RuntimeException e) {
                boolean retryable = !(e instanceof DeliveryException d) || d.retryable();
                if (!retryable || attempt >= ATTEMPTS) {
                    LOG.warn("channel {} failed alert {} (rule {}, story {}) after {} attempt(s): {}", channel.name(), alert.alertId(),
                            alert.ruleId(), alert.storyId(), attempt, e.getMessage());
                    metrics.counter("newswatch.alerts.delivery.failed", "channel", channel.name()).increment();
                    deadLetter(DeadLetters.of("alerts:" + channel.name(), r, e, Instant.now()));
                    return;
                }
                Thread.sleep(retryDelay.toMillis() * (1L << (attempt - 1)));
            }
        }
    }

    private void deadLetter(DeadLetter dl) {
        badRecords.increment();
        dlqProducer.send(new ProducerRecord<>(topics.dlq().name(), dl.key(), dl), (md, ex) -> {
            if (ex != null) {
                LOG.error("could not write dead letter for {}@{}: {}", dl.sourceTopic(), dl.offset(), ex.toString());
            }
        });
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }

    /** Closes the channels and the dead-letter producer; call after the delivery thread ended. */
    public void closeResources() {
        dlqProducer.close(Duration.ofSeconds(10));
        channels.forEach(AlertChannel::close);
    }
}
