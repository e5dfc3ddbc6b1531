package io.newswatch.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Character counts for every element under a root, computed in one pass: visible text, text inside
 * links, and text inside paragraphs. Counts are of non-whitespace characters, so indentation and
 * markup layout do not weigh in.
 *
 * <p>A snapshot: later changes to the tree are not reflected. Not thread-safe; one instance per page.
 */
final class TextStats {

    private static final int TEXT = 0;
    private static final int LINK = 1;
    private static final int PARAGRAPH = 2;

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
        int[] c = counts.get(e);
        return c == null ? 0 : c[TEXT];
    }

    int linkText(Element e) {
        int[] c = counts.get(e);
        return c == null ? 0 : c[LINK];
    }

    int paragraphText(Element e) {
        int[] c = counts.get(e);
        return c == null ? 0 : c[PARAGRAPH];
    }

    /** Share of the element's text that sits inside links, 0 when it has no text. */
    double linkDensity(Element e) {
        int[] c = counts.get(e);
        return c == null || c[TEXT] == 0 ? 0 : (double) c[LINK] / c[TEXT];
    }

    static int visibleChars(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u00a0') {
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
                counts.put(e, new int[3]);
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
            if (e.nameIs("p")) {
                c[PARAGRAPH] = c[TEXT];
            }
            if (e.parent() != null && counts.get(e.parent()) instanceof int[] p) {
                p[TEXT] += c[TEXT];
                p[LINK] += c[LINK];
                p[PARAGRAPH] += c[PARAGRAPH];
            }
        }
    }
}
