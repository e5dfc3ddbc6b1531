package io.newswatch.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Plain text from feed fields that may carry markup.
 *
 * <p>Feeds escape titles and descriptions inconsistently, so anything that may be HTML goes through Jsoup:
 * entities decoded, tags removed, script and style bodies dropped, whitespace runs (including no-break spaces,
 * which tokenizers downstream would otherwise keep inside words) collapsed to one space. Stateless and
 * thread-safe.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Text of an HTML fragment; {@code ""} for {@code null}. */
    public static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return fromText(html);
        }
        return fromText(Jsoup.parseBodyFragment(html).text());
    }

    /** {@code text} with whitespace collapsed and trimmed; {@code ""} for {@code null}. */
    static String fromText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} as HTML that displays it literally. */
    static String toHtml(String text) {
        return Entities.escape(text);
    }

    /** {@code value} trimmed, or {@code null} when it is null or blank. */
    static String orNull(String value) {
        if (value == null) {
            return null;
        }
        String s = fromText(value);
        return s.isEmpty() ? null : s;
    }
}
