package io.newswatch.ingest.poll;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Decoding of fetched HTML and conversion of feed HTML to plain text. Stateless, thread-safe. */
final class HtmlText {
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");

    private HtmlText() {
    }

    /** Decodes a page: BOM, then the Content-Type charset, then a {@code <meta>} charset in the first 4 KB, then UTF-8. */
    static String decode(byte[] body, String contentType) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset cs = contentType == null ? null : charset(HEADER_CHARSET.matcher(contentType));
        if (cs == null) {
            String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
            cs = charset(META_CHARSET.matcher(head));
        }
        return new String(body, cs == null ? StandardCharsets.UTF_8 : cs);
    }

    private static Charset charset(Matcher m) {
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Plain text of an HTML fragment, one paragraph per block element, separated by blank lines. */
    static String blocksToText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, iframe, noscript, figure figcaption, form").remove();
        StringBuilder sb = new StringBuilder();
        var blocks = doc.body().select("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre");
        if (blocks.isEmpty()) {
            return doc.body().text().strip();
        }
        for (Element e : blocks) {
            if (!e.select("p, li, blockquote").isEmpty() && e.children().stream().anyMatch(c -> c.is("p, li, blockquote"))) {
                continue; // a container of paragraphs: its children are emitted themselves
            }
            String t = e.text().strip();
            if (!t.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append("\n\n");
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }
}
