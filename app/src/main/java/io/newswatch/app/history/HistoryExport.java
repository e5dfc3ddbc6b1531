package io.newswatch.app.history;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.KafkaClients;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Writes the records of one topic whose timestamp lies in {@code [from, to)} as {@link HistoryLine}s, partition by
 * partition in offset order. Starts each partition at {@code offsetsForTimes(from)} and reads it to the end offset
 * taken at the start, so records written meanwhile are not exported. Assigned partitions, no consumer group,
 * committed data only. Not thread-safe.
 */
public final class HistoryExport {
    private final Config config;

    public HistoryExport(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /**
     * @param topic the topic, which must exist
     * @param from  first timestamp exported, or {@code null} for the beginning
     * @param to    timestamps at or after it are not exported, or {@code null} for no end
     * @param out   where the lines go, one per record, each ended by {@code \n}
     * @return how many records were written
     * @throws ConfigException if the topic does not exist or the window is empty
     */
    public long run(String topic, Instant from, Instant to, Writer out) throws IOException {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new ConfigException("--to " + to + " must be after --from " + from);
        }
        long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        long written = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, "newswatch-export", null),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (!consumer.listTopics(Duration.ofSeconds(30)).containsKey(topic)) {
                throw new ConfigException("--topic: no topic '" + topic + "' on the cluster");
            }
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            List<TopicPartition> parts = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            Map<TopicPartition, Long> starts = new HashMap<>();
            if (from != null) {
                Map<TopicPartition, Long> query = new HashMap<>();
                parts.forEach(tp -> query.put(tp, fromMs));
                for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : consumer.offsetsForTimes(query).entrySet()) {
                    starts.put(e.getKey(), e.getValue() == null ? ends.get(e.getKey()) : e.getValue().offset());
                }
            }
            for (TopicPartition tp : parts) {
                long end = ends.get(tp);
                consumer.assign(List.of(tp));
                if (starts.containsKey(tp)) {
                    consumer.seek(tp, starts.get(tp));
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
                while (consumer.position(tp) < end) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() >= end || r.timestamp() < fromMs || r.timestamp() >= toMs) {
                            continue;
                        }
                        out.write(HistoryLine.of(r).toJson());
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
        out.flush();
        return written;
    }
}
