package io.newswatch.alerts.desk;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.model.Alert;
import io.newswatch.model.Delivery;
import io.newswatch.model.FeedHealth;
import io.newswatch.model.Feedback;
import io.newswatch.model.Match;
import io.newswatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link DeskStore} current: reads the alerts, matches, feedback, deliveries and feed-health topics
 * (no consumer group: the offsets live in the store, written in the same batch as what they index), and hands
 * each stored alert version to {@link DeskEvents}. A record that cannot be read is skipped with a log line and
 * {@code newswatch.desk.unreadable} (the delivery loop dead-letters bad alerts; the desk only shows). Every
 * {@link #PRUNE_EVERY} it drops what the alerts topic no longer retains. The single writer of the store.
 */
public final class DeskIndexer implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskIndexer.class);
    static final Duration PRUNE_EVERY = Duration.ofHours(6);

    private final Topics topics;
    private final Properties consumerProps;
    private final DeskStore store;
    private final DeskEvents events;
    private final Triage triage;
    private final Duration retention;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean caughtUp;
    private volatile boolean failed;

    /**
     * @param retention how long the alerts topic keeps alerts ({@code topics.alerts.retention}): older alerts are pruned
     */
    public DeskIndexer(Topics topics, Properties consumerProps, DeskStore store, DeskEvents events, Triage triage, Duration retention,
                       MeterRegistry metrics, Clock clock) {
        this.topics = topics;
        this.consumerProps = consumerProps;
        this.store = store;
        this.events = events;
        this.triage = triage;
        this.retention = retention;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<String> names = List.of(topics.alerts().name(), topics.matches().name(), topics.feedback().name(), topics.deliveries().name(),
                    topics.feedHealth().name());
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : names) {
                c.partitionsFor(t, Duration.ofSeconds(60)).forEach(p -> parts.add(new TopicPartition(t, p.partition())));
            }
            c.assign(parts);
            Map<TopicPartition, Long> first = c.beginningOffsets(parts);
            int alertPartitions = 0;
            for (String t : names) {
                Map<Integer, Long> stored = store.offsets(t);
                for (TopicPartition tp : parts) {
                    if (tp.topic().equals(t)) {
                        c.seek(tp, Math.max(stored.getOrDefault(tp.partition(), 0L), first.get(tp)));
                        if (t.equals(topics.alerts().name())) {
                            alertPartitions = Math.max(alertPartitions, tp.partition() + 1);
                        }
                    }
                }
            }
            long[] next = new long[alertPartitions];
            for (TopicPartition tp : parts) {
                if (tp.topic().equals(topics.alerts().name())) {
                    next[tp.partition()] = c.position(tp);
                }
            }
            events.start(next);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            Instant nextPrune = clock.instant();
            while (running.get()) {
                if (!clock.instant().isBefore(nextPrune)) {
                    prune(c, parts);
                    nextPrune = clock.instant().plus(PRUNE_EVERY);
                }
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    index(c, records);
                }
                if (!caughtUp && parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) {
                    caughtUp = true;
                    LOG.info("desk history loaded from the topics");
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failed = true;
                throw e;
            }
        } catch (RuntimeException | RocksDBException e) {
            failed = true;
            LOG.error("desk indexer stopped: {}", e.toString(), e);
        }
    }

    private void index(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) throws RocksDBException {
        List<DeskEvents.Event> published = new ArrayList<>();
        List<Feedback> feedback = new ArrayList<>();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (DeskStore.Batch b = store.batch()) {
            for (ConsumerRecord<String, byte[]> r : records) {
                offsets.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                if (r.value() == null) {
                    continue;
                }
                try {
                    if (r.topic().equals(topics.alerts().name())) {
                        Alert a = topics.alerts().valueSerde().deserializer().deserialize(r.topic(), r.value());
                        b.alert(r.partition(), r.offset(), a);
                        published.add(new DeskEvents.Event(r.partition(), r.offset(), a, null));
                    } else if (r.topic().equals(topics.matches().name())) {
                        b.match(topics.matches().valueSerde().deserializer().deserialize(r.topic(), r.value()));
                    } else if (r.topic().equals(topics.feedback().name())) {
                        Feedback f = topics.feedback().valueSerde().deserializer().deserialize(r.topic(), r.value());
                        b.feedback(f);
                        feedback.add(f);
                    } else if (r.topic().equals(topics.deliveries().name())) {
                        b.delivery(topics.deliveries().valueSerde().deserializer().deserialize(r.topic(), r.value()));
                    } else {
                        FeedHealth h = topics.feedHealth().valueSerde().deserializer().deserialize(r.topic(), r.value());
                        b.health(h);
                    }
                } catch (RuntimeException e) {
                    metrics.counter("newswatch.desk.unreadable", "topic", r.topic()).increment();
                    LOG.warn("desk skips an unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                }
            }
            // a transaction's commit marker takes an offset too: store the position, not just the last record's
            for (TopicPartition tp : offsets.keySet()) {
                offsets.put(tp, c.position(tp));
            }
            for (var e : offsets.entrySet()) {
                b.offset(e.getKey().topic(), e.getKey().partition(), e.getValue());
            }
            b.commit();
        }
        for (DeskEvents.Event e : published) {
            events.published(e.partition(), e.offset(), e.alert());
        }
        for (Feedback f : feedback) {
            triage.indexed(f);
            events.feedback(f);
        }
    }

    private void prune(KafkaConsumer<String, byte[]> c, List<TopicPartition> parts) throws RocksDBException {
        Map<Integer, Long> first = new HashMap<>();
        c.beginningOffsets(parts.stream().filter(tp -> tp.topic().equals(topics.alerts().name())).toList())
                .forEach((tp, o) -> first.put(tp.partition(), o));
        int n = store.prune(clock.instant().minus(retention), first);
        if (n > 0) {
            LOG.info("desk history: {} alerts older than {} pruned", n, retention);
        }
    }

    /** True once the topics were read to the ends they had at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** False once the indexer stopped on an error (health). */
    public boolean healthy() {
        return !failed;
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
