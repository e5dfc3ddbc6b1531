package io.newswatch.tools.feeds;

import io.newswatch.ingest.feed.FeedDecoder;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.feed.ParsedFeed;
import io.newswatch.ingest.feed.PlainText;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the simplest forms of feedparser's {@code Expect:} terms against a {@link ParsedFeed}:
 * {@code feed['title'] == u'...'}, {@code entries[0]['link'] == '...'} (also written {@code feed.title}) for the
 * fields this project keeps (feed title, link, language; entry title, link, id/guid, summary/description,
 * author), and {@code encoding == '...'}.
 *
 * <p>feedparser returns sanitised HTML where this project returns plain text, so expected titles, summaries and
 * authors also pass when they equal the plain text of the expected value; links, ids and languages compare
 * exactly.
 * Immutable and thread-safe.
 *
 * @param field    the field compared, e.g. {@code entries[].link}
 * @param index    the entry index, or -1 for feed-level fields
 * @param expected the expected value, Python escapes decoded
 */
record ExpectCheck(String field, int index, String expected) {

    private static final Pattern FIELD = Pattern.compile(
            "^(feed|entries\\[(\\d+)\\])(?:\\[['\"](\\w+)['\"]\\]|\\.(\\w+))\\s*==\\s*u?('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")$");
    private static final Pattern ENCODING = Pattern.compile("^encoding\\s*==\\s*['\"]([\\w.:-]+)['\"]$");

    /** The check a term states, or empty when the term is not one of the supported forms. */
    static Optional<ExpectCheck> of(String term) {
        Matcher e = ENCODING.matcher(term);
        if (e.matches()) {
            return Optional.of(new ExpectCheck("encoding", -1, e.group(1)));
        }
        Matcher m = FIELD.matcher(term);
        if (!m.matches()) {
            return Optional.empty();
        }
        String key = m.group(3) != null ? m.group(3) : m.group(4);
        boolean entry = m.group(2) != null;
        String field = entry ? switch (key) {
            case "title", "link", "author" -> "entries[]." + key;
            case "id", "guid" -> "entries[].guid";
            case "summary", "description" -> "entries[].summary";
            default -> null;
        } : switch (key) {
            case "title", "link", "language" -> "feed." + key;
            default -> null;
        };
        if (field == null) {
            return Optional.empty();
        }
        String literal = m.group(5);
        return Optional.of(new ExpectCheck(field, entry ? Integer.parseInt(m.group(2)) : -1,
                pythonString(literal.substring(1, literal.length() - 1))));
    }

    /** True when {@code feed} (read with {@code charset}) satisfies this check; {@code feed} may be null. */
    boolean passes(ParsedFeed feed, Charset charset) {
        if (field.equals("encoding")) {
            Charset want = FeedDecoder.charset(expected);
            return want != null && want.equals(charset);
        }
        String actual = actual(feed, charset);
        if (expected.equals(actual)) {
            return true;
        }
        return switch (field) {
            case "feed.title", "entries[].title", "entries[].summary", "entries[].author" -> PlainText.fromHtml(expected).equals(actual);
            default -> false;
        };
    }

    /** The value this check reads from {@code feed}, or {@code null} when there is none. */
    String actual(ParsedFeed feed, Charset charset) {
        if (field.equals("encoding")) {
            return charset.name();
        }
        if (feed == null) {
            return null;
        }
        if (field.startsWith("feed.")) {
            return switch (field) {
                case "feed.title" -> feed.title();
                case "feed.link" -> feed.link();
                default -> feed.lang();
            };
        }
        if (index >= feed.items().size()) {
            return null;
        }
        FeedItem item = feed.items().get(index);
        return switch (field) {
            case "entries[].title" -> item.title();
            case "entries[].link" -> item.link();
            case "entries[].guid" -> item.guid();
            case "entries[].author" -> item.author() == null ? "" : item.author();
            default -> item.summary();
        };
    }

    /** Decodes the escapes of a Python string literal body. */
    static String pythonString(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char k = body.charAt(++i);
            switch (k) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x', 'u', 'U' -> {
                    int digits = k == 'x' ? 2 : k == 'u' ? 4 : 8;
                    if (i + digits < body.length()) {
                        try {
                            out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 1 + digits), 16));
                            i += digits;
                        } catch (NumberFormatException | IndexOutOfBoundsException e) {
                            out.append('\\').append(k);
                        }
                    } else {
                        out.append('\\').append(k);
                    }
                }
                default -> out.append(k);
            }
        }
        return out.toString();
    }
}
