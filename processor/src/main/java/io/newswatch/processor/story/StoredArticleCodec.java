package io.newswatch.processor.story;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of a {@link StoredArticle} in the articles store and its changelog. Compact and fast rather
 * than JSON, because every article writes one and every candidate check reads one (about 2 KB, half of it the
 * 128-value signature). Strings are a 2-byte length and UTF-8 bytes. The first byte is a format version; a
 * reader refuses versions it does not know, which after an incompatible change means resetting the
 * application's state (the window refills in 72 h). Version 2 adds the paragraph hashes at the end; version 1
 * records still read, without paragraphs (such articles are found as copies by Jaccard only).
 */
final class StoredArticleCodec {
    static final byte VERSION = 2;
    private static final byte VERSION_WITHOUT_PARAGRAPHS = 1;
    private static final int NULL = 0xffff;

    private StoredArticleCodec() {
    }

    static byte[] encode(StoredArticle a) {
        byte[][] strings = new byte[4 + a.entityIds().length + a.terms().length][];
        int k = 0;
        strings[k++] = utf8(a.articleId());
        strings[k++] = utf8(a.storyId());
        strings[k++] = utf8(a.duplicateOf());
        strings[k++] = utf8(a.fingerprint());
        for (String id : a.entityIds()) {
            strings[k++] = utf8(id);
        }
        for (String t : a.terms()) {
            strings[k++] = utf8(t);
        }
        int length = 1 + 8 + 1 + 2 + a.signature().length * 8 + 4 + 4 * (a.entityIds().length + a.terms().length)
                + 2 + 8 * a.paragraphs().length;
        for (byte[] s : strings) {
            length += 2 + (s == null ? 0 : s.length);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(VERSION).putLong(a.timestamp()).put((byte) a.kind().ordinal());
        k = 0;
        for (int i = 0; i < 4; i++) {
            put(out, strings[k++]);
        }
        putLongs(out, a.signature());
        out.putShort((short) a.entityIds().length);
        for (int i = 0; i < a.entityIds().length; i++) {
            put(out, strings[k++]);
            out.putFloat(a.entityWeights()[i]);
        }
        out.putShort((short) a.terms().length);
        for (int i = 0; i < a.terms().length; i++) {
            put(out, strings[k++]);
            out.putFloat(a.termWeights()[i]);
        }
        putLongs(out, a.paragraphs());
        return out.array();
    }

    static StoredArticle decode(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte version = in.get();
            if (version != VERSION && version != VERSION_WITHOUT_PARAGRAPHS) {
                throw new IllegalStateException("stored article format " + version + " is not " + VERSION
                        + "; reset the application's state after an incompatible upgrade");
            }
            long ts = in.getLong();
            Assignment.Kind kind = Assignment.Kind.values()[in.get()];
            String id = get(in, data);
            String story = get(in, data);
            String duplicateOf = get(in, data);
            String fingerprint = get(in, data);
            long[] signature = getLongs(in);
            String[] entityIds = new String[Short.toUnsignedInt(in.getShort())];
            float[] entityWeights = new float[entityIds.length];
            for (int i = 0; i < entityIds.length; i++) {
                entityIds[i] = get(in, data);
                entityWeights[i] = in.getFloat();
            }
            String[] terms = new String[Short.toUnsignedInt(in.getShort())];
            float[] termWeights = new float[terms.length];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = get(in, data);
                termWeights[i] = in.getFloat();
            }
            long[] paragraphs = version == VERSION ? getLongs(in) : new long[0];
            return new StoredArticle(id, ts, kind, story, duplicateOf, fingerprint, signature, entityIds, entityWeights,
                    terms, termWeights, paragraphs);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException("corrupt stored article: " + e, e);
        }
    }

    /** A 2-byte count, then the values. */
    static void putLongs(ByteBuffer out, long[] values) {
        out.putShort((short) values.length);
        for (long v : values) {
            out.putLong(v);
        }
    }

    static long[] getLongs(ByteBuffer in) {
        long[] values = new long[Short.toUnsignedInt(in.getShort())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.getLong();
        }
        return values;
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static void put(ByteBuffer out, byte[] s) {
        if (s == null) {
            out.putShort((short) NULL);
        } else {
            out.putShort((short) s.length).put(s);
        }
    }

    static String get(ByteBuffer in, byte[] data) {
        int len = Short.toUnsignedInt(in.getShort());
        if (len == NULL) {
            return null;
        }
        String s = new String(data, in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }
}
