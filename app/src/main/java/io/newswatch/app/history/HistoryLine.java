package io.newswatch.app.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.topic.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of an export file: a JSON object on one line.
 *
 * <pre>{@code {"topic":"newswatch.articles","partition":2,"offset":41,"timestamp":1740816000000,"key":"9091...","value":"{\"id\":...}"}}</pre>
 *
 * <p>{@code value} is the record's value as text when it is valid UTF-8 (every JSON topic), else {@code valueBase64}
 * holds its bytes; neither means a tombstone. The key is text (every newswatch key is), or {@code keyBase64}.
 * {@code headers}, when there are any, is a list of {@code {"key":..., "valueBase64":...}}. {@code partition} and
 * {@code offset} say where the record was; import does not need them. Immutable.
 *
 * @param topic     the topic it was read from
 * @param partition its partition there
 * @param offset    its offset there
 * @param timestamp its timestamp, epoch milliseconds
 * @param key       the key as text, or {@code null}
 * @param keyBase64 the key's bytes when they are not UTF-8, else {@code null}
 * @param value     the value as text, or {@code null}
 * @param valueBase64 the value's bytes when they are not UTF-8, else {@code null}
 * @param headers   the headers, or {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryLine(String topic, Integer partition, Long offset, Long timestamp, String key, String keyBase64, String value,
                          String valueBase64, List<HeaderLine> headers) {

    /** One header: its key and its value's bytes. */
    public record HeaderLine(String key, String valueBase64) {
    }

    /** The line for a consumed record. */
    public static HistoryLine of(ConsumerRecord<byte[], byte[]> r) {
        String key = text(r.key());
        String value = text(r.value());
        List<HeaderLine> headers = null;
        for (Header h : r.headers()) {
            if (headers == null) {
                headers = new ArrayList<>();
            }
            headers.add(new HeaderLine(h.key(), h.value() == null ? null : Base64.getEncoder().encodeToString(h.value())));
        }
        return new HistoryLine(r.topic(), r.partition(), r.offset(), r.timestamp(), key,
                key == null && r.key() != null ? Base64.getEncoder().encodeToString(r.key()) : null, value,
                value == null && r.value() != null ? Base64.getEncoder().encodeToString(r.value()) : null, headers);
    }

    /** The line as one line of JSON (no line breaks inside). */
    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a history line", e);
        }
    }

    /**
     * Reads one line of an export file.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static HistoryLine parse(String line) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        HistoryLine l;
        try {
            l = Json.mapper().treeToValue(node, HistoryLine.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a history line: " + e.getOriginalMessage());
        }
        if (l.timestamp() == null || l.timestamp() < 0) {
            throw new IllegalArgumentException("'timestamp' (epoch milliseconds, not negative) is missing");
        }
        if (l.value() != null && l.valueBase64() != null) {
            throw new IllegalArgumentException("both 'value' and 'valueBase64'");
        }
        if (l.key() != null && l.keyBase64() != null) {
            throw new IllegalArgumentException("both 'key' and 'keyBase64'");
        }
        // decode now, so that a bad line is reported as such, not when it is sent
        l.keyBytes();
        l.valueBytes();
        l.headerMap();
        return l;
    }

    /** The key's bytes, or {@code null}. */
    public byte[] keyBytes() {
        return bytes(key, keyBase64, "keyBase64");
    }

    /** The value's bytes, or {@code null} for a tombstone. */
    public byte[] valueBytes() {
        return bytes(value, valueBase64, "valueBase64");
    }

    /** The headers, in order (a key may repeat). */
    public List<Map.Entry<String, byte[]>> headerMap() {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        if (headers != null) {
            for (HeaderLine h : headers) {
                if (h == null || h.key() == null) {
                    throw new IllegalArgumentException("a header without 'key'");
                }
                out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(h.key(), bytes(null, h.valueBase64(), "header " + h.key())));
            }
        }
        return out;
    }

    private static byte[] bytes(String text, String base64, String field) {
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "' is not base64: " + e.getMessage());
        }
    }

    /** The bytes as text when they are valid UTF-8 (so they read back to the same bytes), else {@code null}. */
    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
