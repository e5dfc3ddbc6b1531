package io.newswatch.ingest.feed;

import java.net.URI;
import java.util.Objects;

/**
 * The {@link FeedParser} for RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 (through Rome) and JSON Feed 1.0/1.1 (through
 * Jackson).
 *
 * <p>Reading a body takes four steps: {@link FeedDecoder} picks the charset (BOM, then the RFC 3023 rules for
 * the Content-Type, then the XML declaration, then UTF-8, with fallbacks when the declared charset cannot
 * decode the bytes); the first significant character chooses JSON ({@code {}) or XML ({@code <});
 * {@link XmlPreparer} refuses DOCTYPE internal subsets and turns HTML entities into character references; Rome
 * or Jackson reads the result. Titles and summaries come back as plain text (the summary falling back to the
 * content's text when an item has none), {@code contentHtml} as HTML, links absolute (resolved against the feed
 * URL, http(s) only), the guid falling back to the link, and dates that are absent, unparseable or impossible as
 * {@code null}.
 *
 * <p>Every failure caused by the input, including runtime exceptions thrown inside Rome, surfaces as a
 * {@link FeedParseException} whose message starts with a category ({@code empty body}, {@code not a feed},
 * {@code not well-formed XML}, {@code DOCTYPE is not allowed}, {@code invalid JSON}, {@code not a JSON Feed},
 * {@code unreadable feed}) followed by the detail. The body array is not modified. Thread-safe and stateless.
 */
public final class StandardFeedParser implements FeedParser {

    public StandardFeedParser() {
    }

    @Override
    public ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedParseException {
        Objects.requireNonNull(body, "body must not be null");
        Objects.requireNonNull(feedUrl, "feedUrl must not be null");
        FeedDecoder.Decoded decoded = FeedDecoder.decode(body, contentType);
        String text = decoded.text();
        int start = firstSignificant(text);
        if (start < 0) {
            throw new FeedParseException("empty body: " + body.length + " bytes and no markup");
        }
        try {
            return switch (text.charAt(start)) {
                case '{' -> JsonFeedReader.read(text, feedUrl);
                case '<' -> RomeFeedReader.read(text, feedUrl);
                default -> throw new FeedParseException("not a feed: the body starts with '"
                        + snippet(text, start) + "', neither XML nor JSON (" + decoded.charset().name() + ")");
            };
        } catch (StackOverflowError e) {
            // Recursive steps inside the libraries (serialising nested XHTML content) can be driven by the input.
            throw new FeedParseException("unreadable feed: nesting too deep", e);
        } catch (RuntimeException e) {
            throw new FeedParseException("unreadable feed: " + e, e);
        }
    }

    private static int firstSignificant(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF' && c != '\u0000') {
                return i;
            }
        }
        return -1;
    }

    private static String snippet(String text, int start) {
        String s = text.substring(start, Math.min(text.length(), start + 20));
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
