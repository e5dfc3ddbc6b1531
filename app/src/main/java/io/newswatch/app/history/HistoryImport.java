package io.newswatch.app.history;

import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the lines of an export file back to Kafka with their keys, timestamps, headers and values, to the topic
 * each line names or to one given topic. A record goes to the partition its key hashes to (as every newswatch
 * producer does), so the target may have another partition count. A line that cannot be read is reported with its
 * number and the reason, and the rest is imported. Not thread-safe.
 */
public final class HistoryImport {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryImport.class);
    /** How many bad lines are listed one by one in the result; the count is always exact. */
    static final int MAX_LISTED = 1000;

    private final Config config;

    public HistoryImport(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /**
     * What an import did.
     *
     * @param imported records written
     * @param skipped  lines that could not be read (blank lines are not counted)
     * @param problems the first {@value #MAX_LISTED} of them: {@code "line N: reason"}
     */
    public record Result(long imported, long skipped, List<String> problems) {
    }

    /**
     * @param in    the export file's lines
     * @param topic the topic every record goes to, or {@code null} for the one each line names
     * @throws IOException if the file cannot be read, or Kafka refuses a record (the import stops there)
     * @throws io.newswatch.config.ConfigException if {@code topic} does not exist
     */
    public Result run(BufferedReader in, String topic) throws IOException {
        List<String> problems = new ArrayList<>();
        long skipped = 0;
        long imported = 0;
        AtomicReference<Exception> failed = new AtomicReference<>();
        java.util.Set<String> existing;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(KafkaClients.common(config, "newswatch-import"))) {
            existing = admin.listTopics().names().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("cannot list the cluster's topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (topic != null && !existing.contains(topic)) {
            throw new io.newswatch.config.ConfigException("--topic: no topic '" + topic + "' on the cluster; create it first");
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "newswatch-import"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                HistoryLine l;
                try {
                    l = HistoryLine.parse(line);
                    if (topic == null && (l.topic() == null || l.topic().isBlank())) {
                        throw new IllegalArgumentException("no 'topic' (give --topic to import it)");
                    }
                    if (topic == null && !existing.contains(l.topic())) {
                        throw new IllegalArgumentException("no topic '" + l.topic() + "' on the cluster (create it, or give --topic)");
                    }
                } catch (IllegalArgumentException e) {
                    skipped++;
                    String problem = "line " + number + ": " + e.getMessage();
                    LOG.warn("import: skipping {}", problem);
                    if (problems.size() < MAX_LISTED) {
                        problems.add(problem);
                    }
                    continue;
                }
                RecordHeaders headers = new RecordHeaders();
                for (Map.Entry<String, byte[]> h : l.headerMap()) {
                    headers.add(h.getKey(), h.getValue());
                }
                String target = topic != null ? topic : l.topic();
                producer.send(new ProducerRecord<>(target, null, l.timestamp(), l.keyBytes(), l.valueBytes(), headers), (md, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                });
                imported++;
                if (failed.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IOException("Kafka refused a record: " + failed.get().getMessage(), failed.get());
        }
        return new Result(imported, skipped, List.copyOf(problems));
    }
}
