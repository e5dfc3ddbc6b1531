package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A record, feed or page that could not be handled, kept on {@code newswatch.dlq} with its cause so that
 * nothing is lost silently. Key: the original record key (or the feed id / URL for ingest failures).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written
 * @param stage         who gave up: {@code ingest}, {@code processor}, {@code alerts}
 * @param sourceTopic   topic of the failed record, or {@code null} when it did not come from Kafka
 * @param partition     its partition, or -1
 * @param offset        its offset, or -1
 * @param key           the original key as text (UTF-8, or base64 prefixed {@code base64:} when not text)
 * @param value         the original value, same encoding, truncated to 1 MiB
 * @param errorClass    exception class name
 * @param cause         human-readable reason, e.g. the exception message with context
 * @param failedAt      when it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        int schemaVersion,
        String stage,
        String sourceTopic,
        int partition,
        long offset,
        String key,
        String value,
        String errorClass,
        String cause,
        Instant failedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** Longest value kept, in chars; a bigger one is cut and marked. */
    public static final int MAX_VALUE_CHARS = 1 << 20;

    public DeadLetter {
        Validate.notBlank(stage, "stage");
        Validate.notNull(cause, "cause");
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            value = value.substring(0, MAX_VALUE_CHARS) + "…[truncated]";
        }
    }

    /** Encodes raw bytes for {@link #key()} or {@link #value()}: UTF-8 text when valid, else base64. */
    public static String encode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "base64:" + java.util.Base64.getEncoder().encodeToString(bytes);
        }
    }
}
