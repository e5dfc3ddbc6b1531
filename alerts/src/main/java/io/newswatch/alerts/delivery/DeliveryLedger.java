package io.newswatch.alerts.delivery;

import io.newswatch.model.Alert;
import io.newswatch.model.Delivery;
import io.newswatch.model.Validate;
import io.newswatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * <p>Bound: the topic is {@code compact,delete} with {@code topics.deliveries.retention} (default 30 days), so a
 * record goes once it is older than that. An alert version whose record time is older than the retention (less a
 * small margin for clock skew, see {@link #expired}) is therefore beyond what the ledger can vouch for, and delivery
 * skips it rather than risk sending it twice; entries that old are dropped from memory too ({@link #prune()}).
 * A channel's start marker is written again before it could expire ({@link #refreshStarts()}), so a channel never
 * looks new after running for longer than the retention.
 *
 * <p>Memory: one entry per alert version and channel of the last retention period (some tens of bytes each).
 * Thread-safe: workers record, the delivery loop reads.
 */
public final class DeliveryLedger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);

    private final Topics topics;
    private final Properties consumerProps;
    private final KafkaProducer<String, Delivery> producer;
    private final Clock clock;
    private final Duration retention;
    private final Map<String, Entry> status = new ConcurrentHashMap<>();
    private final Map<String, Delivery> starts = new ConcurrentHashMap<>();
    private final Map<String, Long> startWritten = new ConcurrentHashMap<>();
    private final Map<String, Delivery> failed = new ConcurrentHashMap<>();

    /** What the ledger holds for one key, and when that was recorded (epoch ms). */
    private record Entry(Delivery.Status status, long at) {
    }

    /**
     * @param retention the topic's {@code topics.deliveries.retention}: how far back the ledger remembers
     */
    public DeliveryLedger(Topics topics, Properties consumerProps, Properties producerProps, Duration retention, Clock clock) {
        this.topics = Validate.notNull(topics, "topics");
        this.consumerProps = Validate.notNull(consumerProps, "consumerProps");
        this.retention = Validate.notNull(retention, "retention");
        Validate.isTrue(retention.toMinutes() >= 1, "retention must be at least 1m, was " + retention);
        Properties props = new Properties();
        props.putAll(producerProps);
        // a channel waits for each record before its next send (see delivered), so a linger would only slow it down
        props.setProperty(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(props, topics.deliveries().keySerde().serializer(), topics.deliveries().valueSerde().serializer());
        this.clock = Validate.notNull(clock, "clock");
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
                            if (d.status() == Delivery.Status.STARTED) {
                                startWritten.put(d.channel(), r.timestamp());
                            }
                            n++;
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("skipping unreadable ledger record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
        }
        prune();
        LOG.info("delivery ledger loaded: {} records, {} failed deliveries awaiting retry; it remembers {} back", n, failed.size(), retention);
        return this;
    }

    private void remember(Delivery d) {
        long at = d.at().toEpochMilli();
        switch (d.status()) {
            case STARTED -> starts.put(d.channel(), d);
            case DELIVERED -> {
                status.put(d.key(), new Entry(Delivery.Status.DELIVERED, at));
                failed.remove(d.key());
                d.covers().forEach(id -> status.put(Delivery.key(d.channel(), id), new Entry(Delivery.Status.DELIVERED, at)));
            }
            case FAILED -> {
                Entry e = status.get(d.key());
                if (e == null || e.status() != Delivery.Status.DELIVERED) {
                    status.put(d.key(), new Entry(Delivery.Status.FAILED, at));
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
        Entry e = status.get(Delivery.key(channel, deliveryId));
        return e != null && e.status() == Delivery.Status.DELIVERED;
    }

    /** How far back the ledger remembers ({@code topics.deliveries.retention}). */
    public Duration retention() {
        return retention;
    }

    /**
     * The oldest record time the ledger still vouches for: now less the retention, plus a margin (a tenth of the
     * retention, at most an hour) for a broker clock ahead of ours. Every ledger record of an alert stamped at or
     * after it is still on the topic (a record is written after its alert, and deleted only once older than the
     * retention), so such an alert is never sent twice.
     */
    public Instant horizon() {
        Duration margin = retention.dividedBy(10);
        if (margin.compareTo(Duration.ofHours(1)) > 0) {
            margin = Duration.ofHours(1);
        }
        return clock.instant().minus(retention).plus(margin);
    }

    /** Whether an alert record stamped {@code recordTime} is older than the ledger's memory, so must not be sent. */
    public boolean expired(Instant recordTime) {
        return recordTime.isBefore(horizon());
    }

    /** Drops entries older than {@link #horizon()}: the alerts they are about are skipped anyway. */
    public void prune() {
        long h = horizon().toEpochMilli();
        status.values().removeIf(e -> e.at() < h);
        failed.values().removeIf(d -> d.at().toEpochMilli() < h);
    }

    /** Where {@code channel} starts: {@code since} when set, else its recorded start, else now (then recorded). */
    public Instant start(String channel, Instant since) {
        if (since != null) {
            return since;
        }
        return starts.computeIfAbsent(channel, c -> {
            Instant now = clock.instant();
            Delivery d = new Delivery(Delivery.SCHEMA_VERSION, c, null, Delivery.Status.STARTED, 0, null, now, List.of(), List.of());
            startWritten.put(c, now.toEpochMilli());
            write(d, null);
            LOG.info("channel {} is new: it receives alerts raised from {} on (set since: to start elsewhere)", c, now);
            return d;
        }).at();
    }

    /**
     * Writes again the start marker of each of {@code channels} written more than half a retention ago (same
     * start, new record time), so that the topic's retention never deletes it while the channel is configured; the
     * markers of channels no longer configured are left to expire.
     */
    public void refreshStarts(Collection<String> channels) {
        long due = clock.instant().minus(retention.dividedBy(2)).toEpochMilli();
        starts.forEach((channel, d) -> {
            Long written = startWritten.get(channel);
            if (channels.contains(channel) && (written == null || written < due)) {
                startWritten.put(channel, clock.millis());
                write(d, null);
            }
        });
    }

    /**
     * Records that {@code channel} accepted {@code n}; {@code then} runs once the record is stored (or failed to be).
     * A channel waits on the returned future before its next send, so a crash leaves at most one notice per channel
     * accepted but not recorded: the one duplicate a restart may send.
     *
     * @return completes when the record is stored, exceptionally when it could not be
     */
    public Future<RecordMetadata> delivered(String channel, Notice n, int attempts, Runnable then) {
        Delivery d = new Delivery(Delivery.SCHEMA_VERSION, channel, n.deliveryId(), Delivery.Status.DELIVERED, attempts, null, clock.instant(),
                n.kind() == Notice.Kind.DIGEST ? n.alerts().stream().map(Alert::deliveryId).toList() : List.of(), List.of());
        remember(d);
        return write(d, then);
    }

    /** Records that {@code channel} gave up on {@code n}, keeping its alerts so that it can be retried. */
    public Future<RecordMetadata> failed(String channel, Notice n, int attempts, String cause, Runnable then) {
        Delivery d = new Delivery(Delivery.SCHEMA_VERSION, channel, n.deliveryId(), Delivery.Status.FAILED, attempts, cause, clock.instant(),
                List.of(), n.alerts());
        remember(d);
        return write(d, then);
    }

    /** Failed deliveries not delivered since, optionally of one channel. */
    public List<Delivery> failures(String channel) {
        return failed.values().stream().filter(d -> channel == null || d.channel().equals(channel)).toList();
    }

    private Future<RecordMetadata> write(Delivery d, Runnable then) {
        return producer.send(new ProducerRecord<>(topics.deliveries().name(), d.key(), d), (md, e) -> {
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
