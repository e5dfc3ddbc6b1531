package io.newswatch.ingest.fetch;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body into memory, undoing its content codings while streaming and stopping as soon as either
 * the bytes on the wire or the decoded bytes pass the limit. A gzip bomb therefore costs at most the limit in
 * memory and the few kilobytes of input that expand to it, never the whole download.
 *
 * <p>Codings: {@code gzip} (and {@code x-gzip}), {@code deflate} in its zlib form and, since some servers get it
 * wrong, raw, and {@code identity}. A coding we did not offer (such as {@code br}) or a bogus one (such as
 * {@code UTF-8}, a common misconfiguration) leaves the bytes as they are; if they nevertheless start with the
 * gzip magic number they are gunzipped, since no feed or page begins with those bytes. Charset decoding is not
 * done here: the parsers know the document's own declarations.
 *
 * <p>Stateless and thread-safe; each call owns its streams and closes the decoders it created (releasing their
 * native zlib memory), but not {@code raw}.
 */
final class BodyReader {

    /** The body passed the limit; the message says whether on the wire or after decoding. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** The body is not valid in its declared coding; the message names the coding and the fault. */
    static final class UndecodableException extends IOException {
        UndecodableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int MAX_CODINGS = 2;
    private static final int CHUNK = 64 * 1024;
    // Small input buffers keep the compressed bytes pulled ahead of the decoder, and so wasted on a bomb, few.
    private static final int INPUT_BUFFER = 16 * 1024;

    private BodyReader() {
    }

    /**
     * @param raw             the body as received; read but not closed
     * @param contentEncoding the {@code Content-Encoding} header values joined with commas, or {@code null}
     * @param maxBytes        the limit, for the raw and for the decoded body alike
     * @return the decoded body, at most {@code maxBytes} long
     * @throws TooLargeException     when either limit is passed
     * @throws UndecodableException  when a declared coding does not match the bytes
     * @throws IOException           when reading {@code raw} fails
     */
    static byte[] read(InputStream raw, String contentEncoding, long maxBytes) throws IOException {
        List<String> codings = codings(contentEncoding);
        InputStream wire = new LimitedInputStream(raw, maxBytes);
        InputStream decoded = wire;
        String current = "identity";
        try {
            if (codings.isEmpty()) {
                PushbackInputStream peek = new PushbackInputStream(wire, 3);
                decoded = peek;
                if (startsWithGzipMagic(peek)) {
                    current = "gzip (undeclared)";
                    decoded = new GZIPInputStream(peek, INPUT_BUFFER);
                }
            } else {
                // Codings are listed in the order they were applied, so they are undone from the last.
                for (int i = codings.size() - 1; i >= 0; i--) {
                    current = codings.get(i);
                    decoded = decoder(current, decoded);
                }
            }
            return drain(decoded, maxBytes);
        } catch (ZipException | EOFException e) {
            throw new UndecodableException("undecodable " + current + " body: " + e.getMessage(), e);
        } finally {
            if (decoded != wire) {
                decoded.close();
            }
        }
    }

    /** The known codings in {@code header}, lower-cased, {@code identity} and unknown ones left out. */
    static List<String> codings(String header) throws UndecodableException {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String token : header.split(",")) {
            String coding = token.strip().toLowerCase(Locale.ROOT);
            switch (coding) {
                case "gzip", "x-gzip" -> out.add("gzip");
                case "deflate" -> out.add("deflate");
                default -> {
                    // identity, empty, or a coding we never offered: treat the bytes as they are.
                }
            }
        }
        if (out.size() > MAX_CODINGS) {
            throw new UndecodableException("Content-Encoding '" + header + "' stacks more than " + MAX_CODINGS
                    + " codings", null);
        }
        return out;
    }

    private static InputStream decoder(String coding, InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        int b0 = peek.read();
        if (b0 < 0) {
            // An empty body labelled as compressed (a 204, say) is just empty.
            return peek;
        }
        int b1 = peek.read();
        if (b1 >= 0) {
            peek.unread(b1);
        }
        peek.unread(b0);
        if (coding.equals("gzip")) {
            return new GZIPInputStream(peek, INPUT_BUFFER);
        }
        // RFC 9110 deflate is zlib-wrapped, but some servers send the raw stream; the zlib header tells them apart.
        boolean zlib = b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new EndingInflaterInputStream(peek, new Inflater(!zlib));
    }

    private static boolean startsWithGzipMagic(PushbackInputStream in) throws IOException {
        byte[] head = new byte[3];
        int n = in.readNBytes(head, 0, 3);
        in.unread(head, 0, n);
        return n == 3 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b && head[2] == 8;
    }

    // Chunks rather than a doubling buffer: an abandoned body never holds more than the limit, and a complete one
    // is copied once into an array of its exact size.
    private static byte[] drain(InputStream in, long maxBytes) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = new byte[CHUNK];
            int filled = in.readNBytes(chunk, 0, chunk.length);
            if (filled == 0) {
                break;
            }
            total += filled;
            if (total > maxBytes) {
                throw new TooLargeException("decoded body exceeds the limit of " + maxBytes + " bytes");
            }
            chunks.add(filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled));
            if (filled < chunk.length) {
                break;
            }
        }
        byte[] body = new byte[(int) total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, body, at, chunk.length);
            at += chunk.length;
        }
        return body;
    }

    /** Counts the bytes on the wire and fails once they pass the limit. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public void close() {
            // The caller owns the raw stream.
        }

        private void count(long n) throws TooLargeException {
            count += n;
            if (count > max) {
                throw new TooLargeException("body exceeds the limit of " + max + " bytes on the wire");
            }
        }
    }

    /** An inflater stream that releases its own inflater's native memory on close. */
    private static final class EndingInflaterInputStream extends InflaterInputStream {
        EndingInflaterInputStream(InputStream in, Inflater inflater) {
            super(in, inflater, INPUT_BUFFER);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }
}
