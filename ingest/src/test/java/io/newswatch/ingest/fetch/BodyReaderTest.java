package io.newswatch.ingest.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>Caf\u00e9</title></channel></rss>"
            .getBytes(UTF_8);
    private static final long LIMIT = 1024 * 1024;

    @Test
    void shouldUndoEachCodingItOffers() throws IOException {
        assertThat(read(gzip(FEED), "gzip")).isEqualTo(FEED);
        assertThat(read(gzip(FEED), "X-GZIP")).isEqualTo(FEED);
        assertThat(read(zlib(FEED, false), "deflate")).isEqualTo(FEED);
        assertThat(read(FEED, "identity")).isEqualTo(FEED);
        assertThat(read(FEED, null)).isEqualTo(FEED);
    }

    @Test
    void shouldInflateRawDeflateThatServersMislabelAsZlib() throws IOException {
        assertThat(read(zlib(FEED, true), "deflate")).isEqualTo(FEED);
    }

    @Test
    void shouldUndoStackedCodingsFromTheLastApplied() throws IOException {
        // "deflate, gzip": deflated first, then gzipped.
        assertThat(read(gzip(zlib(FEED, false)), "deflate, gzip")).isEqualTo(FEED);
    }

    @Test
    void shouldPassBytesThroughUnchangedForCodingsItNeverOffered() throws IOException {
        byte[] latin1 = "<p>d\u00e9j\u00e0 vu</p>".getBytes(ISO_8859_1);
        assertThat(read(latin1, "UTF-8")).isEqualTo(latin1);
        assertThat(read(latin1, "br")).isEqualTo(latin1);
    }

    @Test
    void shouldGunzipAnUndeclaredGzipBody() throws IOException {
        assertThat(read(gzip(FEED), null)).isEqualTo(FEED);
    }

    @Test
    void shouldReturnAnEmptyBodyLabelledAsCompressed() throws IOException {
        assertThat(read(new byte[0], "gzip")).isEmpty();
        assertThat(read(new byte[0], "deflate")).isEmpty();
    }

    @Test
    void shouldStopAGzipBombAfterAFewKilobytesOfInput() throws IOException {
        byte[] bomb = GzipBomb.ofZeros(64);
        CountingInputStream wire = new CountingInputStream(new ByteArrayInputStream(bomb));

        assertThatThrownBy(() -> BodyReader.read(wire, "gzip", LIMIT))
                .isInstanceOf(BodyReader.TooLargeException.class)
                .hasMessage("decoded body exceeds the limit of 1048576 bytes");
        assertThat(bomb.length).isGreaterThan(60_000);
        assertThat(wire.count).isLessThanOrEqualTo(32 * 1024);
    }

    @Test
    void shouldCapTheBodyOnTheWireAsWellAsDecoded() throws IOException {
        byte[] exact = new byte[10];
        assertThat(BodyReader.read(new ByteArrayInputStream(exact), null, 10)).hasSize(10);
        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(new byte[11]), null, 10))
                .isInstanceOf(BodyReader.TooLargeException.class)
                .hasMessage("body exceeds the limit of 10 bytes on the wire");

        byte[] noise = new byte[4096];
        new java.util.SplittableRandom(1).nextBytes(noise);
        byte[] incompressible = gzip(noise);
        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(incompressible), "gzip", 4096))
                .hasMessage("body exceeds the limit of 4096 bytes on the wire");
    }

    @Test
    void shouldNameTheCodingThatDoesNotMatchTheBytes() {
        assertThatThrownBy(() -> read(FEED, "gzip"))
                .isInstanceOf(BodyReader.UndecodableException.class)
                .hasMessage("undecodable gzip body: Not in GZIP format");
        byte[] gz = gzip(FEED);
        assertThatThrownBy(() -> read(Arrays.copyOf(gz, gz.length - 12), "gzip"))
                .isInstanceOf(BodyReader.UndecodableException.class)
                .hasMessage("undecodable gzip body: Unexpected end of ZLIB input stream");
        assertThatThrownBy(() -> read(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2}, "deflate"))
                .isInstanceOf(BodyReader.UndecodableException.class)
                .hasMessageStartingWith("undecodable deflate body: ");
        assertThatThrownBy(() -> read(FEED, "gzip, gzip, gzip"))
                .isInstanceOf(BodyReader.UndecodableException.class)
                .hasMessage("Content-Encoding 'gzip, gzip, gzip' stacks more than 2 codings");
    }

    private static byte[] read(byte[] body, String encoding) throws IOException {
        return BodyReader.read(new ByteArrayInputStream(body), encoding, LIMIT);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zlib(byte[] data, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
            d.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }
    }
}
