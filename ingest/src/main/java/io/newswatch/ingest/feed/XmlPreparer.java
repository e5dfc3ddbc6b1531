package io.newswatch.ingest.feed;

import org.jsoup.nodes.Entities;

/**
 * Makes decoded feed text acceptable to a strict XML parser without giving the parser anything to expand.
 *
 * <p>One pass over the text, outside comments, CDATA sections and processing instructions (whose content is
 * literal):
 * <ul>
 *   <li>the XML declaration is dropped, wherever it is: the text is already decoded, and a leftover
 *       {@code encoding="..."} would contradict it;</li>
 *   <li>a DOCTYPE with an internal subset ({@code [...]}) is refused: that is where entities are declared, so
 *       it is how billion-laughs and external-entity (XXE) documents work. A DOCTYPE without one (the
 *       Netscape RSS 0.91 DTD, an XHTML doctype) is removed unread: nothing is fetched, nothing expands;</li>
 *   <li>HTML named entities that XML does not define ({@code &nbsp;}, {@code &eacute;}) become numeric
 *       character references, using Jsoup's HTML5 table; an unknown name or a bare {@code &} becomes literal
 *       text ({@code &amp;}), as a browser would show it;</li>
 *   <li>characters XML 1.0 forbids (C0 controls, unpaired surrogates, U+FFFE/U+FFFF) and character references
 *       to them are dropped; one stray form feed should not lose a whole feed.</li>
 * </ul>
 *
 * <p>The XML parser behind it still refuses any DOCTYPE: this is the first wall, not the only one. Stateless
 * and thread-safe.
 */
final class XmlPreparer {

    private static final String CDATA_OPEN = "<![CDATA[";
    private static final int MAX_ENTITY_NAME = 48;

    private XmlPreparer() {
    }

    /**
     * Returns {@code xml} prepared for a non-validating parser with DOCTYPEs disallowed.
     *
     * @throws FeedParseException when the document declares a DOCTYPE internal subset
     */
    static String prepare(String xml) throws FeedParseException {
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int i = skipDeclaration(xml);
        int n = xml.length();
        while (i < n) {
            char c = xml.charAt(i);
            if (c == '<') {
                if (xml.startsWith("<!--", i)) {
                    int end = xml.indexOf("-->", i + 4);
                    end = end < 0 ? n : end + 3;
                    appendLegal(out, xml, i, end);
                    i = end;
                } else if (xml.startsWith(CDATA_OPEN, i)) {
                    int end = xml.indexOf("]]>", i + CDATA_OPEN.length());
                    end = end < 0 ? n : end + 3;
                    appendLegal(out, xml, i, end);
                    i = end;
                } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                    i = skipDoctype(xml, i);
                } else if (isDeclaration(xml, i)) {
                    // Only legal as the very first thing; after a comment or whitespace it is a fatal error.
                    int end = xml.indexOf("?>", i);
                    i = end < 0 ? n : end + 2;
                } else if (xml.startsWith("<?", i)) {
                    // A processing instruction is literal: a "<![CDATA[" inside one must not hide what follows.
                    int end = xml.indexOf("?>", i + 2);
                    end = end < 0 ? n : end + 2;
                    appendLegal(out, xml, i, end);
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            } else if (c == '&') {
                i = appendReference(out, xml, i);
            } else {
                i = appendLegalChar(out, xml, i);
            }
        }
        return out.toString();
    }

    /** Index after leading whitespace and the XML declaration, if any. */
    private static int skipDeclaration(String xml) {
        int i = 0;
        while (i < xml.length() && (Character.isWhitespace(xml.charAt(i)) || xml.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (isDeclaration(xml, i)) {
            int end = xml.indexOf("?>", i);
            return end < 0 ? i : end + 2;
        }
        return i;
    }

    private static boolean isDeclaration(String xml, int i) {
        return xml.startsWith("<?xml", i) && i + 5 < xml.length() && Character.isWhitespace(xml.charAt(i + 5));
    }

    /** Index after a DOCTYPE without internal subset; refuses one with. */
    private static int skipDoctype(String xml, int start) throws FeedParseException {
        char quote = 0;
        for (int i = start + 9; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                throw new FeedParseException("DOCTYPE is not allowed: the document declares an internal subset"
                        + " (entity declarations are refused: they enable entity expansion and external entities)");
            } else if (c == '>') {
                return i + 1;
            }
        }
        throw new FeedParseException("not well-formed XML: unterminated DOCTYPE declaration");
    }

    /** Appends the reference at {@code xml[amp]} in a form XML accepts; returns the index after it. */
    private static int appendReference(StringBuilder out, String xml, int amp) {
        int n = xml.length();
        int i = amp + 1;
        if (i < n && xml.charAt(i) == '#') {
            int semicolon = xml.indexOf(';', i);
            if (semicolon > 0 && semicolon - i <= 10) {
                int codePoint = parseCharRef(xml, i + 1, semicolon);
                if (codePoint >= 0) {
                    if (isLegal(codePoint)) {
                        // Normalised to decimal: HTML accepts "&#X41;", XML only the lower-case x.
                        out.append("&#").append(codePoint).append(';');
                    }
                    return semicolon + 1;
                }
            }
            out.append("&amp;");
            return amp + 1;
        }
        int end = i;
        while (end < n && end - i <= MAX_ENTITY_NAME && isNameChar(xml.charAt(end))) {
            end++;
        }
        if (end == i || end >= n || xml.charAt(end) != ';') {
            out.append("&amp;");
            return amp + 1;
        }
        String name = xml.substring(i, end);
        switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> out.append(xml, amp, end + 1);
            default -> {
                String value = Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
                if (value.isEmpty()) {
                    out.append("&amp;").append(name).append(';');
                } else {
                    value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                }
            }
        }
        return end + 1;
    }

    private static int parseCharRef(String xml, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int radix = 10;
        if (xml.charAt(from) == 'x' || xml.charAt(from) == 'X') {
            radix = 16;
            from++;
        }
        try {
            int cp = Integer.parseInt(xml.substring(from, to), radix);
            return cp <= Character.MAX_CODE_POINT ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }

    private static void appendLegal(StringBuilder out, String xml, int from, int to) {
        int i = from;
        while (i < to) {
            i = appendLegalChar(out, xml, i);
        }
    }

    /** Appends the code point at {@code i} when XML 1.0 allows it; returns the index after it. */
    private static int appendLegalChar(StringBuilder out, String xml, int i) {
        char c = xml.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < xml.length() && Character.isLowSurrogate(xml.charAt(i + 1))) {
            out.append(c).append(xml.charAt(i + 1));
            return i + 2;
        }
        if (isLegal(c)) {
            out.append(c);
        }
        return i + 1;
    }

    /** XML 1.0 {@code Char}: tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF. */
    private static boolean isLegal(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
