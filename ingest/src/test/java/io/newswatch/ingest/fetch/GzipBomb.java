package io.newswatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Decompression bombs for tests: a body of zeros as concatenated gzip members of 1 MiB each (RFC 1952 allows
 * several members, and every gzip reader expands them all). About 1 KB per MiB, so 1 GiB is about 1 MB, built in
 * milliseconds instead of the seconds that compressing a whole GiB takes.
 */
final class GzipBomb {

    private GzipBomb() {
    }

    static byte[] ofZeros(int mebibytes) {
        byte[] member = member();
        ByteArrayOutputStream out = new ByteArrayOutputStream(member.length * mebibytes);
        for (int i = 0; i < mebibytes; i++) {
            out.writeBytes(member);
        }
        return out.toByteArray();
    }

    private static byte[] member() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(new byte[1 << 20]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
