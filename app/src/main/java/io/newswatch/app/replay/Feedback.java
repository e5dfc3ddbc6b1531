package io.newswatch.app.replay;

import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.model.topic.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's verdicts on alerts, read from the alert-feedback topic ({@code Topics.feedback()}, the desk's
 * {@link io.newswatch.model.Feedback} records, read with that topic's own serde) when the deployment has it. The
 * latest record of an alert is its whole state: {@link io.newswatch.model.Feedback.Status#ACKNOWLEDGED} gives
 * {@link #RELEVANT}, {@link io.newswatch.model.Feedback.Status#FALSE_POSITIVE} gives {@link #FALSE_POSITIVE}, and
 * {@code OPEN} (never triaged, or reopened) or a tombstone gives no verdict, whatever earlier records said. A record
 * that cannot be read is logged with its position and skipped. No topic means no feedback. Stateless.
 */
final class Feedback {
    static final String RELEVANT = "relevant";
    static final String FALSE_POSITIVE = "false-positive";
    private static final Logger LOG = LoggerFactory.getLogger(Feedback.class);

    private Feedback() {
    }

    /** Alert id to verdict; empty when the topic does not exist. */
    static Map<String, String> read(Config config, Admin admin, TopicSpec<String, io.newswatch.model.Feedback> topic) throws Exception {
        if (!admin.listTopics().names().get().contains(topic.name())) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, "newswatch-replay-feedback", null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic.name()).stream().map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(out, topic, r);
                }
            }
        }
        return out;
    }

    /**
     * Applies one record of the feedback topic, in offset order, to {@code verdicts}.
     *
     * @return whether the record could be read
     */
    static boolean apply(Map<String, String> verdicts, TopicSpec<String, io.newswatch.model.Feedback> topic, ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            if (r.key() != null) {
                verdicts.remove(r.key());
            }
            return true;
        }
        io.newswatch.model.Feedback f;
        try {
            f = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            LOG.warn("skipping unreadable feedback {}-{}@{} (key {}): {}", r.topic(), r.partition(), r.offset(), r.key(), e.getMessage());
            return false;
        }
        String verdict = switch (f.status()) {
            case ACKNOWLEDGED -> RELEVANT;
            case FALSE_POSITIVE -> FALSE_POSITIVE;
            case OPEN -> null;
        };
        if (verdict == null) {
            verdicts.remove(f.alertId());
        } else {
            verdicts.put(f.alertId(), verdict);
        }
        return true;
    }
}
