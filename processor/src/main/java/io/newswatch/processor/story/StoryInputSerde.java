package io.newswatch.processor.story;

import io.newswatch.model.EntityMention;
import io.newswatch.model.Match;
import io.newswatch.model.topic.JsonSerde;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of the internal stories topic.
 *
 * <p>Written: a binary envelope. Byte 0 is {@code 0x00} (never the first byte of JSON), byte 1 the format
 * version ({@value #VERSION}), then the fetch time (8 bytes, epoch milliseconds: the story stage's order key, read
 * without parsing the article), the article id, a matched flag, the features (fingerprint, the MinHash
 * signature as 8-byte values, terms with 8-byte weights, so they read back exactly, the paragraph hashes), the entities, and
 * finally the match's JSON as it will be published, minus the story fields. Strings are a 2-byte length and
 * UTF-8 (see {@link StoredArticleCodec}). Compared with one JSON document, the ordered stage reads a few
 * hundred bytes instead of parsing a whole article, and the features take a third of the space.
 *
 * <p>Read: that envelope, and, so that records in flight across an upgrade are assigned instead of lost,
 * the JSON earlier versions wrote: {@code {"schemaVersion":1,"match":...,"features":...}} or a bare
 * {@link Match}, envelope version 3 (no fetch time: it is read from the article's JSON) and version 2 (no
 * fetch time, no paragraph hashes), whose features are then recomputed from the article. Anything else fails with a {@link SerializationException} naming what was expected, and the
 * topology dead-letters the record. Thread-safe.
 */
public final class StoryInputSerde implements Serde<StoryInput> {
    static final byte MAGIC = 0;
    static final byte VERSION = 4;
    /** The format before the fetch time: read, with the fetch time taken from the article's JSON. */
    private static final byte VERSION_WITHOUT_FETCH_TIME = 3;
    /** The format before paragraph hashes: read, with the features left to be recomputed from the article. */
    private static final byte VERSION_WITHOUT_PARAGRAPHS = 2;

    /** The JSON form of earlier versions. */
    private record Legacy(int schemaVersion, AnalysedArticle match, StoryFeatures features) {
    }

    private static final JsonSerde<Legacy> LEGACY = new JsonSerde<>(Legacy.class);

    @Override
    public Serializer<StoryInput> serializer() {
        return (topic, input) -> input == null ? null : encode(input);
    }

    @Override
    public Deserializer<StoryInput> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(StoryInput in) {
        StoryFeatures f = in.features();
        List<byte[]> strings = new ArrayList<>();
        strings.add(StoredArticleCodec.utf8(in.articleId()));
        int length = 2 + 8 + 1 + 1 + 2 + 4 + in.matchJson().length;
        if (f != null) {
            strings.add(StoredArticleCodec.utf8(f.fingerprint()));
            for (String t : f.terms()) {
                strings.add(StoredArticleCodec.utf8(t));
            }
            length += 2 + 8 * f.signature().length + 2 + 8 * f.terms().length + 2 + 8 * f.paragraphs().length;
        }
        for (EntityMention e : in.entities()) {
            strings.add(StoredArticleCodec.utf8(e.id()));
            strings.add(StoredArticleCodec.utf8(e.type()));
            strings.add(StoredArticleCodec.utf8(e.name()));
            length += 4;
        }
        for (byte[] s : strings) {
            length += 2 + (s == null ? 0 : s.length);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(MAGIC).put(VERSION).putLong(in.fetchedAt());
        int k = 0;
        StoredArticleCodec.put(out, strings.get(k++));
        out.put((byte) (in.matched() ? 1 : 0));
        out.put((byte) (f == null ? 0 : 1));
        if (f != null) {
            StoredArticleCodec.put(out, strings.get(k++));
            StoredArticleCodec.putLongs(out, f.signature());
            out.putShort((short) f.terms().length);
            for (int i = 0; i < f.terms().length; i++) {
                StoredArticleCodec.put(out, strings.get(k++));
                out.putDouble(f.termWeights()[i]);
            }
            StoredArticleCodec.putLongs(out, f.paragraphs());
        }
        out.putShort((short) in.entities().size());
        for (EntityMention e : in.entities()) {
            StoredArticleCodec.put(out, strings.get(k++));
            StoredArticleCodec.put(out, strings.get(k++));
            StoredArticleCodec.put(out, strings.get(k++));
            out.putInt(e.count());
        }
        out.putInt(in.matchJson().length).put(in.matchJson());
        return out.array();
    }

    static StoryInput decode(byte[] data) {
        if (data.length > 0 && data[0] == MAGIC) {
            return decodeBinary(data);
        }
        Legacy legacy;
        try {
            legacy = LEGACY.fromBytes(data);
        } catch (SerializationException e) {
            throw new SerializationException("not a story input: " + e.getMessage(), e);
        }
        if (legacy.match() != null) {
            if (legacy.match().article() == null) {
                throw new SerializationException("story input without an article");
            }
            return new StoryInput(legacy.match(), legacy.features());
        }
        AnalysedArticle match;
        try {
            match = StoryInput.ANALYSED_JSON.fromBytes(data);
        } catch (SerializationException e) {
            throw new SerializationException("record is neither a story input nor a match with an article: " + e.getMessage(), e);
        }
        if (match == null || match.article() == null) {
            throw new SerializationException("record is neither a story input nor a match with an article");
        }
        return new StoryInput(match, null);
    }

    private static StoryInput decodeBinary(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            in.get();
            byte version = in.get();
            if (version != VERSION && version != VERSION_WITHOUT_FETCH_TIME && version != VERSION_WITHOUT_PARAGRAPHS) {
                throw new SerializationException("story input format " + version + " is not " + VERSION
                        + " (written by another version of newswatch)");
            }
            long fetchedAt = version == VERSION ? in.getLong() : Long.MIN_VALUE;
            String id = StoredArticleCodec.get(in, data);
            boolean matched = in.get() != 0;
            StoryFeatures features = null;
            if (in.get() != 0) {
                String fingerprint = StoredArticleCodec.get(in, data);
                long[] signature = StoredArticleCodec.getLongs(in);
                String[] terms = new String[Short.toUnsignedInt(in.getShort())];
                double[] weights = new double[terms.length];
                for (int i = 0; i < terms.length; i++) {
                    terms[i] = StoredArticleCodec.get(in, data);
                    weights[i] = in.getDouble();
                }
                features = version != VERSION_WITHOUT_PARAGRAPHS
                        ? new StoryFeatures(fingerprint, signature, terms, weights, StoredArticleCodec.getLongs(in))
                        : null;
            }
            int n = Short.toUnsignedInt(in.getShort());
            List<EntityMention> entities = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entities.add(new EntityMention(StoredArticleCodec.get(in, data), StoredArticleCodec.get(in, data),
                        StoredArticleCodec.get(in, data), in.getInt()));
            }
            int jsonLength = in.getInt();
            if (jsonLength < 0 || jsonLength > in.remaining()) {
                throw new SerializationException("corrupt story input: the match takes " + jsonLength + " bytes, "
                        + in.remaining() + " are left");
            }
            byte[] json = new byte[jsonLength];
            in.get(json);
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " bytes after the match");
            }
            if (version != VERSION) {
                // fail here, where the record can be dead-lettered, if the article cannot be read
                AnalysedArticle analysed = StoryInput.ANALYSED_JSON.fromBytes(json);
                if (analysed == null || analysed.article() == null) {
                    throw new SerializationException("story input format " + version + " without an article");
                }
                fetchedAt = analysed.article().fetchedAt().toEpochMilli();
            }
            StoryInput input = new StoryInput(id, fetchedAt, features, entities, matched, json);
            if (features == null) {
                input.analysed(); // the story stage will need the article: fail here, where the record can be dead-lettered
            }
            return input;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException | NullPointerException e) {
            throw new SerializationException("corrupt story input: " + e, e);
        }
    }
}
