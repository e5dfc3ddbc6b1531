package io.newswatch.processor.story;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The binary form of a {@link StoredArticle} in the articles store and its changelog. Compact and fast rather
 * than JSON, because every article writes one and every candidate check reads one (about 1.5 KB: most of it the
 * 128-value signature). The first byte is a format version; a reader refuses versions it does not know, which
 * after an incompatible change means resetting the application's state (the window refills in 72 h).
 */
final class StoredArticleCodec {
    static final byte VERSION = 1;

    private StoredArticleCodec() {
    }

    static byte[] encode(StoredArticle a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + a.signature().length * 8 + a.terms().length * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(a.articleId());
            out.writeLong(a.timestamp());
            out.writeByte(a.kind().ordinal());
            out.writeUTF(a.storyId());
            writeNullable(out, a.duplicateOf());
            writeNullable(out, a.fingerprint());
            out.writeShort(a.signature().length);
            for (long v : a.signature()) {
                out.writeLong(v);
            }
            writeWeights(out, a.entityIds(), a.entityWeights());
            writeWeights(out, a.terms(), a.termWeights());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return bytes.toByteArray();
    }

    static StoredArticle decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("stored article format " + version + " is not " + VERSION
                        + "; reset the application's state after an incompatible upgrade");
            }
            String id = in.readUTF();
            long ts = in.readLong();
            Assignment.Kind kind = Assignment.Kind.values()[in.readByte()];
            String story = in.readUTF();
            String duplicateOf = readNullable(in);
            String fingerprint = readNullable(in);
            long[] signature = new long[in.readUnsignedShort()];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = in.readLong();
            }
            String[] entityIds = new String[in.readUnsignedShort()];
            float[] entityWeights = readWeights(in, entityIds);
            String[] terms = new String[in.readUnsignedShort()];
            float[] termWeights = readWeights(in, terms);
            return new StoredArticle(id, ts, kind, story, duplicateOf, fingerprint, signature, entityIds, entityWeights,
                    terms, termWeights);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt stored article: " + e, e);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeWeights(DataOutputStream out, String[] keys, float[] weights) throws IOException {
        out.writeShort(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.writeUTF(keys[i]);
            out.writeFloat(weights[i]);
        }
    }

    private static float[] readWeights(DataInputStream in, String[] keys) throws IOException {
        float[] weights = new float[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.readUTF();
            weights[i] = in.readFloat();
        }
        return weights;
    }
}
