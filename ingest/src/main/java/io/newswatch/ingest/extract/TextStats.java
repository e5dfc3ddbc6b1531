package io.newswatch.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Counts for every element under a root, computed in one pass: visible text, text inside links, text
 * inside block quotes, and elements and block elements below it. Text counts are of non-whitespace characters, so
 * indentation and markup layout do not weigh in.
 *
 * <p>Every decision that looks at how much text an element holds reads it here rather than calling
 * {@link Element#text()}, which walks the whole subtree: asked of each element of a deeply nested page,
 * that would take time quadratic in the page size.
 *
 * <p>A snapshot: later changes to the tree are not reflected, and elements added later count as empty.
 * Not thread-safe; one instance per page.
 */
final class TextStats {

    private static final int TEXT = 0;
    private static final int LINK = 1;
    private static final int QUOTE = 2;
    private static final int BLOCKS = 3;
    private static final int ELEMENTS = 4;

    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    private TextStats() {
    }

    /** Counts the text under {@code root}; the tree is not modified. */
    static TextStats of(Element root) {
        TextStats stats = new TextStats();
        NodeTraversor.traverse(stats.new Counter(), root);
        return stats;
    }

    int text(Element e) {
        return get(e, TEXT);
    }

    int linkText(Element e) {
        return get(e, LINK);
    }

    /** Visible characters inside {@code blockquote}s, the element's own included. */
    int quoteText(Element e) {
        return get(e, QUOTE);
    }

    /** Number of block elements strictly below {@code e}. */
    int blocksBelow(Element e) {
        return get(e, BLOCKS);
    }

    /** Number of elements strictly below {@code e}: what {@link Element#text()} would have to walk. */
    int elementsBelow(Element e) {
        return get(e, ELEMENTS);
    }

    /** Text outside links: what menus and link lists lack and articles have. */
    int prose(Element e) {
        return get(e, TEXT) - get(e, LINK);
    }

    /** Share of the element's text that sits inside links, 0 when it has no text. */
    double linkDensity(Element e) {
        int text = get(e, TEXT);
        return text == 0 ? 0 : (double) get(e, LINK) / text;
    }

    private int get(Element e, int field) {
        int[] c = counts.get(e);
        return c == null ? 0 : c[field];
    }

    static int visibleChars(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u200b') {
                n++;
            }
        }
        return n;
    }

    private final class Counter implements NodeVisitor {
        private int linkDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                counts.put(e, new int[5]);
                if (e.nameIs("a")) {
                    linkDepth++;
                }
            } else if (node instanceof TextNode t && t.parent() instanceof Element parent) {
                int n = visibleChars(t.getWholeText());
                int[] c = counts.get(parent);
                c[TEXT] += n;
                if (linkDepth > 0) {
                    c[LINK] += n;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            if (e.nameIs("a")) {
                linkDepth--;
            }
            int[] c = counts.get(e);
            if (e.nameIs("blockquote")) {
                c[QUOTE] = c[TEXT];
            }
            if (e.parent() != null && counts.get(e.parent()) instanceof int[] p) {
                p[TEXT] += c[TEXT];
                p[LINK] += c[LINK];
                p[QUOTE] += c[QUOTE];
                p[BLOCKS] += c[BLOCKS] + (Blocks.isBlock(e) ? 1 : 0);
                p[ELEMENTS] += c[ELEMENTS] + 1;
            }
        }
    }
}
