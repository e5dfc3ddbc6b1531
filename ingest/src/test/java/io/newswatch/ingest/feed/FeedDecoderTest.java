package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The charset precedence of feedparser's encoding suite (BOM, RFC 3023, XML declaration, fallbacks), on literal bodies. */
class FeedDecoderTest {

    private static final String LATIN_PROLOG = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss/>";

    @Test
    void byteOrderMarkWinsOverHeaderAndProlog() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>é</rss>".getBytes(StandardCharsets.UTF_8));

        FeedDecoder.Decoded d = FeedDecoder.decode(body, "application/xml; charset=windows-1251");

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.text()).isEqualTo("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>é</rss>");
    }

    @Test
    void applicationXmlUsesHeaderThenPrologThenUtf8() {
        assertThat(charset(LATIN_PROLOG, "application/xml; charset=\"us-ascii\"")).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(charset(LATIN_PROLOG, "application/rss+xml")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(charset("<rss/>", "application/atom+xml")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void textXmlIgnoresThePrologAndDefaultsToUsAscii() {
        assertThat(charset(LATIN_PROLOG, "text/xml")).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(charset(LATIN_PROLOG, "text/xml;charset= \"iso-8859-2\"")).isEqualTo(Charset.forName("ISO-8859-2"));
        // "charset:" is not a parameter: feedparser's http_text_xml_bogus_param.
        assertThat(charset(LATIN_PROLOG, "text/xml; charset:iso-8859-1")).isEqualTo(StandardCharsets.US_ASCII);
    }

    @Test
    void withoutContentTypeThePrologDecides() {
        assertThat(charset(LATIN_PROLOG, null)).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(charset("<rss/>", null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gb2312IsReadAsItsSupersetGb18030() {
        assertThat(charset("<feed/>", "application/atom+xml;charset='gb2312'")).isEqualTo(Charset.forName("GB18030"));
    }

    @Test
    void aDeclaredCharsetThatCannotDecodeFallsBackAndReportsWhatWasDeclared() {
        byte[] utf8 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>Україна</rss>".getBytes(StandardCharsets.UTF_8);

        FeedDecoder.Decoded d = FeedDecoder.decode(utf8, "text/xml");

        assertThat(d.declared()).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.text()).endsWith("<rss>Україна</rss>");
    }

    @Test
    void utf8HeaderOnWindows1252BytesFallsBackToWindows1252() {
        byte[] body = concat("<rss>".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x93, 'h', 'i', (byte) 0x94}, "</rss>".getBytes(StandardCharsets.US_ASCII));

        FeedDecoder.Decoded d = FeedDecoder.decode(body, "application/rss+xml; charset=utf-8");

        assertThat(d.charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(d.text()).isEqualTo("<rss>“hi”</rss>");
    }

    @Test
    void latin1LabelWithC1BytesIsReadAsWindows1252() {
        byte[] body = concat(LATIN_PROLOG.replace("<rss/>", "<rss>don").getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x92},
                "t</rss>".getBytes(StandardCharsets.US_ASCII));

        FeedDecoder.Decoded d = FeedDecoder.decode(body, null);

        assertThat(d.charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(d.text()).endsWith("<rss>don’t</rss>");
    }

    @Test
    void aWideCharsetDeclaredInANarrowDocumentIsIgnored() {
        assertThat(charset("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>", null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf16WithoutBomIsSniffedFromTheFirstBytes() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss>Київ</rss>".getBytes(StandardCharsets.UTF_16LE);

        FeedDecoder.Decoded d = FeedDecoder.decode(body, "application/xml");

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(d.text()).endsWith("<rss>Київ</rss>");
    }

    @Test
    void unknownCharsetNamesAreSkipped() {
        assertThat(charset("<?xml version=\"1.0\" encoding=\"bogus\"?><rss/>", "application/xml; charset=x-no-such-charset"))
                .isEqualTo(StandardCharsets.UTF_8);
    }

    private static Charset charset(String body, String contentType) {
        return FeedDecoder.decode(body.getBytes(StandardCharsets.ISO_8859_1), contentType).charset();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
