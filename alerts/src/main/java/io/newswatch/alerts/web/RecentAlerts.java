package io.newswatch.alerts.web;

import io.newswatch.model.Alert;
import io.newswatch.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest alerts, for the API and web page: read from the whole alerts topic at start (no consumer group,
 * nothing committed) and kept current. Memory is bounded by {@code keep}: the oldest alerts fall out of the
 * view but stay on the topic. Reads are thread-safe; {@link #run()} is the single writer.
 */
public final class RecentAlerts implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecentAlerts.class);

    private final Topics topics;
    private final Properties consumerProps;
    private final int keep;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LinkedHashMap<String, Alert> byId = new LinkedHashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean caughtUp;

    public RecentAlerts(Topics topics, Properties consumerProps, int keep) {
        this.topics = topics;
        this.consumerProps = consumerProps;
        this.keep = keep;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> parts = c.partitionsFor(topics.alerts().name(), Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    try {
                        Alert a = topics.alerts().valueSerde().deserializer().deserialize(r.topic(), r.value());
                        if (a != null) {
                            add(a);
                        }
                    } catch (RuntimeException e) {
                        LOG.debug("skipping unreadable alert at {}-{}@{} (delivery dead-letters it)", r.topic(), r.partition(), r.offset());
                    }
                }
                if (!caughtUp && parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) {
                    caughtUp = true;
                    LOG.info("alert view loaded: {} alerts", size());
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        }
    }

    private synchronized void add(Alert a) {
        byId.remove(a.alertId());
        byId.put(a.alertId(), a);
        while (byId.size() > keep) {
            byId.remove(byId.keySet().iterator().next());
        }
    }

    /** True once the topic was read to the end it had at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Up to {@code limit} alerts matching {@code filter}, newest first (by when they were raised). */
    public synchronized List<Alert> newest(int limit, Predicate<Alert> filter) {
        List<Alert> all = new ArrayList<>(byId.values());
        all.sort((a, b) -> {
            Instant x = a.raisedAt() == null ? Instant.EPOCH : a.raisedAt();
            Instant y = b.raisedAt() == null ? Instant.EPOCH : b.raisedAt();
            int c = y.compareTo(x);
            return c != 0 ? c : a.alertId().compareTo(b.alertId());
        });
        return all.stream().filter(filter).limit(limit).toList();
    }

    public synchronized Alert get(String alertId) {
        return byId.get(alertId);
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
