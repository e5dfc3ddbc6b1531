package io.newswatch.processor;

import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The replay's order, carried in a record header so that a replay can analyse its articles in parallel and still
 * hand them to the story stage in one exact order. A replay numbers the articles of its window 0, 1, 2, ... in the
 * story stage's order (fetch time, then article id) and spreads them over several partitions of its private
 * articles topic; each analysis task passes the number on with its output (an article it dead-letters goes on as an
 * empty record with the number, so that no number is missing), and the story stage's buffer hands them on strictly by
 * number ({@code StoryOrder}). Production articles carry no such header; their order is the reorder buffer's.
 */
public final class ReplaySequence {
    /** The header: the article's place in the replay, an 8-byte big-endian long from 0. */
    public static final String HEADER = "newswatch-replay-seq";

    private ReplaySequence() {
    }

    /** The header value for place {@code n}. */
    public static byte[] encode(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a replay sequence number is not negative, was " + n);
        }
        return ByteBuffer.allocate(Long.BYTES).putLong(n).array();
    }

    /**
     * The record's place in its replay, if it has one.
     *
     * @throws IllegalArgumentException when the header is there but not 8 bytes
     */
    static OptionalLong of(Headers headers) {
        Header h = headers == null ? null : headers.lastHeader(HEADER);
        if (h == null) {
            return OptionalLong.empty();
        }
        if (h.value() == null || h.value().length != Long.BYTES) {
            throw new IllegalArgumentException(HEADER + " must hold 8 bytes");
        }
        return OptionalLong.of(ByteBuffer.wrap(h.value()).getLong());
    }
}
