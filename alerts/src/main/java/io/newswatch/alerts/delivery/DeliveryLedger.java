package io.newswatch.alerts.delivery;

import io.newswatch.model.Alert;
import io.newswatch.model.Delivery;
import io.newswatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery ledger: the compacted topic {@code newswatch.deliveries}, read whole at start into memory and
 * appended to as channels accept or give up. It is what "delivered" means: a notice whose key is recorded as
 * {@code DELIVERED} (or is covered by a delivered digest) is never sent again on that channel.
 *
 * <p>Memory: one entry per alert version and channel still on the topic (tens of bytes each; a year of a busy
 * desk's alerts is a few megabytes). Thread-safe: workers record, the delivery loop reads.
 */
public final class DeliveryLedger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);

    private final Topics topics;
    private final Properties consumerProps;
    private final KafkaProducer<String, Delivery> producer;
    private final Clock clock;
    private final Map<String, Delivery.Status> status = new ConcurrentHashMap<>();
    private final Map<String, Instant> starts = new ConcurrentHashMap<>();
    private final Map<String, Delivery> failed = new ConcurrentHashMap<>();

    public DeliveryLedger(Topics topics, Properties consumerProps, Properties producerProps, Clock clock) {
        this.topics = topics;
        this.consumerProps = consumerProps;
        this.producer = new KafkaProducer<>(producerProps, topics.deliveries().keySerde().serializer(), topics.deliveries().valueSerde().serializer());
        this.clock = clock;
    }

    /** Reads the whole ledger topic (to the end it has now). */
    public DeliveryLedger load() {
        int n = 0;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topics.deliveries().name(), Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    try {
                        Delivery d = topics.deliveries().valueSerde().deserializer().deserialize(r.topic(), r.value());
                        if (d != null) {
                            remember(d);
                            n++;
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("skipping unreadable ledger record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
        }
        LOG.info("delivery ledger loaded: {} records, {} failed deliveries awaiting retry", n, failed.size());
        return this;
    }

    private void remember(Delivery d) {
        switch (d.status()) {
            case STARTED -> starts.put(d.channel(), d.at());
            case DELIVERED -> {
                status.put(d.key(), Delivery.Status.DELIVERED);
                failed.remove(d.key());
                d.covers().forEach(id -> status.put(Delivery.key(d.channel(), id), Delivery.Status.DELIVERED));
            }
            case FAILED -> {
                if (status.get(d.key()) != Delivery.Status.DELIVERED) {
                    status.put(d.key(), Delivery.Status.FAILED);
                    failed.put(d.key(), d);
                }
            }
        }
    }

    /** Whether {@code deliveryId} was delivered to {@code channel} (alone or in a digest), or failed for good. */
    public boolean settled(String channel, String deliveryId) {
        return status.containsKey(Delivery.key(channel, deliveryId));
    }

    public boolean delivered(String channel, String deliveryId) {
        return status.get(Delivery.key(channel, deliveryId)) == Delivery.Status.DELIVERED;
    }

    /** Where {@code channel} starts: its recorded start, else {@code since}, else now (then recorded). */
    public Instant start(String channel, Instant since) {
        if (since != null) {
            return since;
        }
        return starts.computeIfAbsent(channel, c -> {
            Instant now = clock.instant();
            write(new Delivery(Delivery.SCHEMA_VERSION, c, null, Delivery.Status.STARTED, 0, null, now, List.of(), List.of()), null);
            LOG.info("channel {} is new: it receives alerts raised from {} on (set since: to start elsewhere)", c, now);
            return now;
        });
    }

    /** Records that {@code channel} accepted {@code n}; {@code then} runs once the record is stored (or failed to be). */
    public void delivered(String channel, Notice n, int attempts, Runnable then) {
        Delivery d = new Delivery(Delivery.SCHEMA_VERSION, channel, n.deliveryId(), Delivery.Status.DELIVERED, attempts, null, clock.instant(),
                n.kind() == Notice.Kind.DIGEST ? n.alerts().stream().map(Alert::deliveryId).toList() : List.of(), List.of());
        remember(d);
        write(d, then);
    }

    /** Records that {@code channel} gave up on {@code n}, keeping its alerts so that it can be retried. */
    public void failed(String channel, Notice n, int attempts, String cause, Runnable then) {
        Delivery d = new Delivery(Delivery.SCHEMA_VERSION, channel, n.deliveryId(), Delivery.Status.FAILED, attempts, cause, clock.instant(),
                List.of(), n.alerts());
        remember(d);
        write(d, then);
    }

    /** Failed deliveries not delivered since, optionally of one channel. */
    public List<Delivery> failures(String channel) {
        return failed.values().stream().filter(d -> channel == null || d.channel().equals(channel)).toList();
    }

    private void write(Delivery d, Runnable then) {
        producer.send(new ProducerRecord<>(topics.deliveries().name(), d.key(), d), (md, e) -> {
            if (e != null) {
                // the channel has it; only a restart before the next record could send it again
                LOG.error("could not record delivery {} in the ledger: {}", d.key(), e.toString());
            }
            if (then != null) {
                then.run();
            }
        });
    }

    /** Waits until every record sent so far is stored. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
