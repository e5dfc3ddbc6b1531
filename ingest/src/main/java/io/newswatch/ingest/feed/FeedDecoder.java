package io.newswatch.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed body into text, choosing the charset the way feedparser does.
 *
 * <ol>
 *   <li>A byte-order mark wins: it cannot be there by accident, and the XML spec (appendix F) trusts it.</li>
 *   <li>Otherwise RFC 3023: {@code application/xml} and {@code application/*+xml} use the header charset, else
 *       the XML declaration, else UTF-8; {@code text/xml}, {@code text/*+xml} and any other {@code text/*} use
 *       the header charset, else US-ASCII (the declaration is ignored); JSON uses the header charset, else
 *       UTF-8; no Content-Type at all uses the declaration, else UTF-8.</li>
 *   <li>The chosen charset must decode the bytes strictly. When it cannot (a server that says UTF-8 and sends
 *       windows-1252, or {@code text/xml} without charset on a UTF-8 feed), the declaration, the charset sniffed
 *       from the first bytes, UTF-8, windows-1252 and ISO-8859-2 are tried in turn; the last decodes anything,
 *       so a body always comes out as text.</li>
 * </ol>
 *
 * <p>A body labelled ISO-8859-1 that holds bytes 0x80-0x9F is read as windows-1252, as browsers do. A declared
 * charset of the wrong width (UTF-16 declared in a document whose first bytes read as ASCII, or
 * the reverse) cannot be true and is ignored. GB2312 is read as its superset GB18030. Stateless and thread-safe.
 */
public final class FeedDecoder {

    /**
     * A decoded body.
     *
     * @param text     the text, without byte-order mark
     * @param charset  the charset that decoded it
     * @param declared the charset RFC 3023 chose before any fallback; differs from {@code charset} when the
     *                 declared one could not decode the bytes
     */
    public record Decoded(String text, Charset charset, Charset declared) {
    }

    /** Byte layouts of the first four bytes, for UTF-16/32 without a BOM (XML spec appendix F). */
    private enum Width { ONE, UTF16BE, UTF16LE, UTF32BE, UTF32LE, UNKNOWN }

    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");
    private static final Pattern CHARSET_PARAM = Pattern.compile(
            ";\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset ISO_8859_2 = Charset.forName("ISO-8859-2");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private FeedDecoder() {
    }

    /**
     * Decodes {@code body}.
     *
     * @param body        raw bytes; not modified
     * @param contentType the HTTP Content-Type header, or {@code null} when there was none
     */
    public static Decoded decode(byte[] body, String contentType) {
        Charset bom = null;
        int offset = 0;
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            bom = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(body, 0x00, 0x00, 0xFE, 0xFF)) {
            bom = UTF_32BE;
            offset = 4;
        } else if (startsWith(body, 0xFF, 0xFE, 0x00, 0x00)) {
            bom = UTF_32LE;
            offset = 4;
        } else if (startsWith(body, 0xFE, 0xFF)) {
            bom = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(body, 0xFF, 0xFE)) {
            bom = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        Width width = bom != null ? widthOf(bom) : sniffWidth(body);
        Charset sniffed = switch (width) {
            case UTF16BE -> StandardCharsets.UTF_16BE;
            case UTF16LE -> StandardCharsets.UTF_16LE;
            case UTF32BE -> UTF_32BE;
            case UTF32LE -> UTF_32LE;
            default -> null;
        };
        Charset xmlDeclared = fitting(xmlEncoding(body, offset, sniffed), width);
        if (sniffed != null && (xmlDeclared != null || hasXmlDeclaration(body, offset, sniffed))) {
            // "encoding='utf-16'" in a UTF-16LE document names the family; the bytes tell the order.
            xmlDeclared = sniffed;
        }

        Charset chosen;
        if (bom != null) {
            chosen = bom;
        } else {
            chosen = fitting(rfc3023(contentType, xmlDeclared), width);
            if (chosen == null) {
                chosen = sniffed != null ? sniffed : StandardCharsets.UTF_8;
            }
        }
        List<Charset> candidates = new ArrayList<>();
        for (Charset c : new Charset[] {chosen, xmlDeclared, sniffed, StandardCharsets.UTF_8, WINDOWS_1252, ISO_8859_2}) {
            if (c != null && !candidates.contains(c)) {
                candidates.add(c);
            }
        }
        for (Charset c : candidates) {
            if (c.equals(StandardCharsets.ISO_8859_1) && hasC1Bytes(body, offset)) {
                // Bytes 0x80-0x9F are C1 controls in Latin-1 but curly quotes and dashes in windows-1252, which
                // is what such feeds mean; browsers decode the Latin-1 label this way (WHATWG Encoding).
                String text = strictDecode(body, offset, WINDOWS_1252);
                if (text != null) {
                    return new Decoded(text, WINDOWS_1252, chosen);
                }
            }
            String text = strictDecode(body, offset, c);
            if (text != null) {
                return new Decoded(text, c, chosen);
            }
        }
        // ISO-8859-2 maps all 256 byte values, so this is only reached with a broken JDK; stay lenient anyway.
        return new Decoded(new String(body, offset, body.length - offset, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1, chosen);
    }

    /** The charset RFC 3023 assigns, or {@code null} when the rule gives a name this JVM cannot decode. */
    private static Charset rfc3023(String contentType, Charset xmlDeclared) {
        if (contentType == null || contentType.isBlank()) {
            return xmlDeclared != null ? xmlDeclared : StandardCharsets.UTF_8;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        Matcher m = CHARSET_PARAM.matcher(contentType);
        Charset http = m.find() ? charset(m.group(1)) : null;
        boolean applicationXml = mediaType.equals("application/xml") || mediaType.equals("application/xml-dtd")
                || mediaType.equals("application/xml-external-parsed-entity")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+xml"));
        boolean json = mediaType.equals("application/json") || mediaType.equals("application/feed+json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (applicationXml) {
            return first(http, xmlDeclared, StandardCharsets.UTF_8);
        }
        if (mediaType.startsWith("text/")) {
            return first(http, StandardCharsets.US_ASCII);
        }
        if (json) {
            return first(http, StandardCharsets.UTF_8);
        }
        return first(xmlDeclared, StandardCharsets.UTF_8);
    }

    private static Charset first(Charset... options) {
        for (Charset c : options) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** {@code charset} unless its width contradicts the first bytes of the document. */
    private static Charset fitting(Charset charset, Width width) {
        if (charset == null || width == Width.UNKNOWN) {
            return charset;
        }
        Width declared = widthOf(charset);
        if (width == Width.ONE) {
            return declared == Width.ONE ? charset : null;
        }
        return declared == width ? charset : null;
    }

    private static Width widthOf(Charset c) {
        String name = c.name().toUpperCase(Locale.ROOT);
        if (name.startsWith("UTF-32")) {
            return name.endsWith("LE") ? Width.UTF32LE : Width.UTF32BE;
        }
        if (name.startsWith("UTF-16")) {
            return name.endsWith("LE") ? Width.UTF16LE : Width.UTF16BE;
        }
        return Width.ONE;
    }

    private static Width sniffWidth(byte[] b) {
        if (b.length < 4) {
            return Width.UNKNOWN;
        }
        boolean z0 = b[0] == 0;
        boolean z1 = b[1] == 0;
        boolean z2 = b[2] == 0;
        boolean z3 = b[3] == 0;
        if (z0 && z1 && z2 && !z3) {
            return Width.UTF32BE;
        }
        if (!z0 && z1 && z2 && z3) {
            return Width.UTF32LE;
        }
        if (z0 && !z1 && z2 && !z3) {
            return Width.UTF16BE;
        }
        if (!z0 && z1 && !z2 && z3) {
            return Width.UTF16LE;
        }
        if (!z0 && !z1 && !z2 && !z3) {
            return Width.ONE;
        }
        return Width.UNKNOWN;
    }

    /** The charset named by the XML declaration, read with the sniffed width, or {@code null}. */
    private static Charset xmlEncoding(byte[] body, int offset, Charset sniffed) {
        Matcher m = XML_ENCODING.matcher(head(body, offset, sniffed));
        return m.find() ? charset(m.group(1)) : null;
    }

    private static boolean hasXmlDeclaration(byte[] body, int offset, Charset sniffed) {
        return head(body, offset, sniffed).stripLeading().startsWith("<?xml");
    }

    private static String head(byte[] body, int offset, Charset sniffed) {
        int length = Math.min(body.length - offset, 1024);
        // Latin-1 keeps every byte, so an ASCII declaration reads the same whatever the real 8-bit charset.
        return new String(body, offset, length, sniffed != null ? sniffed : StandardCharsets.ISO_8859_1);
    }

    /** The charset for a label, or {@code null} when the label is bogus or unknown to this JVM. */
    public static Charset charset(String label) {
        String name = label.strip();
        if (name.equalsIgnoreCase("gb2312")) {
            name = "GB18030";
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String strictDecode(byte[] body, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasC1Bytes(byte[] body, int offset) {
        for (int i = offset; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b >= 0x80 && b <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
