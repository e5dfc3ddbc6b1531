package io.newswatch.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.model.topic.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * The desk's verdicts on alerts, read from {@code <prefix>.alert-feedback} when the deployment has that topic:
 * {@link #RELEVANT} for an acknowledged alert, {@link #FALSE_POSITIVE} for one marked a false positive; the latest
 * record of an alert wins. The alert id is the record key, or the value's {@code alertId}; the verdict is the value's
 * {@code verdict}, {@code feedback}, {@code status} or {@code kind} field. A record without either is skipped. No
 * topic means no feedback. Stateless.
 */
final class Feedback {
    static final String RELEVANT = "relevant";
    static final String FALSE_POSITIVE = "false-positive";
    private static final Logger LOG = LoggerFactory.getLogger(Feedback.class);

    private Feedback() {
    }

    /** Alert id to verdict; empty when the topic does not exist. */
    static Map<String, String> read(Config config, Admin admin, String topic) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, "newswatch-replay-feedback", null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        JsonNode v = Json.mapper().readTree(r.value());
                        String alert = v.hasNonNull("alertId") ? v.get("alertId").asText() : r.key();
                        String verdict = verdict(v);
                        if (alert != null && verdict != null) {
                            out.put(alert, verdict);
                        }
                    } catch (Exception e) {
                        LOG.warn("skipping unreadable feedback {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    static String verdict(JsonNode v) {
        for (String field : List.of("verdict", "feedback", "status", "kind", "action")) {
            if (v.hasNonNull(field)) {
                String s = v.get(field).asText().toLowerCase(Locale.ROOT).replace('_', '-').replace(" ", "-");
                if (s.startsWith("ack") || s.equals("relevant") || s.equals("confirmed")) {
                    return RELEVANT;
                }
                if (s.equals("false-positive") || s.equals("falsepositive") || s.equals("fp") || s.equals("not-relevant") || s.equals("irrelevant")) {
                    return FALSE_POSITIVE;
                }
            }
        }
        return null;
    }
}
