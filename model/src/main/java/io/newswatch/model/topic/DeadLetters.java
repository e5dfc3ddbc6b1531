package io.newswatch.model.topic;

import io.newswatch.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builds {@link DeadLetter}s with the cause chain summarised in one line. Stateless, thread-safe. */
public final class DeadLetters {
    private DeadLetters() {
    }

    /**
     * A dead letter for a Kafka record that failed in {@code stage}, whichever API read it (the Streams processors
     * and the plain consumers all come here).
     *
     * @param key the record's key as read, or {@code null}
     * @param at  when it failed (the record's timestamp in a Streams processor, so that a replay writes the same)
     */
    public static DeadLetter of(String stage, String topic, int partition, long offset, String key, byte[] value, Throwable error,
                                Instant at) {
        return new DeadLetter(DeadLetter.SCHEMA_VERSION, stage, topic, partition, offset,
                DeadLetter.encode(key == null ? null : key.getBytes(StandardCharsets.UTF_8)), DeadLetter.encode(value),
                error.getClass().getName(), describe(error), at);
    }

    /** A dead letter for a record a plain consumer read. */
    public static DeadLetter of(String stage, ConsumerRecord<String, byte[]> record, Throwable error, Instant at) {
        return of(stage, record.topic(), record.partition(), record.offset(), record.key(), record.value(), error, at);
    }

    /** A dead letter for something that did not come from Kafka (a feed, a page). */
    public static DeadLetter ofInput(String stage, String key, String value, String errorClass, String cause, Instant now) {
        return new DeadLetter(DeadLetter.SCHEMA_VERSION, stage, null, -1, -1, key, value, errorClass, cause, now);
    }

    /** "message (caused by: Inner: message)", bounded to 2,000 chars; an error without a message is named by its class. */
    public static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder(error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName());
        Throwable c = error.getCause();
        for (int depth = 0; c != null && c != error && depth < 5; depth++, c = c.getCause()) {
            sb.append(" (caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(')');
        }
        return sb.length() > 2000 ? sb.substring(0, 2000) + "…" : sb.toString();
    }
}
