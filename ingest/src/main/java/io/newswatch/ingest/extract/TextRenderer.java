package io.newswatch.ingest.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders elements as plain-text paragraphs, the way a browser lays them out: every block element starts
 * and ends a paragraph, two consecutive {@code <br>} do too, a single {@code <br>} is a line break, a
 * table row is one paragraph with its cells apart, and whitespace collapses to one space except inside
 * {@code <pre>}.
 *
 * <p>Does not modify the tree. Not thread-safe; one instance per rendering.
 */
final class TextRenderer implements NodeVisitor {

    private final List<TextBlock> blocks = new ArrayList<>();
    private final Deque<Element> openBlocks = new ArrayDeque<>();
    private final StringBuilder current = new StringBuilder();
    private int currentChars;
    private int currentLinkChars;
    private int linkDepth;
    private int preDepth;
    private int pendingBreaks;

    private TextRenderer() {
    }

    /** Renders {@code roots} in order; text of one root never runs into the next. */
    static List<TextBlock> render(List<Element> roots) {
        TextRenderer renderer = new TextRenderer();
        for (Element root : roots) {
            NodeTraversor.traverse(renderer, root);
            renderer.flush();
        }
        return renderer.blocks;
    }

    /**
     * Renders {@code root} leaving out the elements {@code skip} accepts, with everything below them,
     * without modifying the tree.
     */
    static List<TextBlock> render(Element root, Predicate<Element> skip) {
        TextRenderer renderer = new TextRenderer();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != root && skip.test(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                renderer.head(node, depth);
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                renderer.tail(node, depth);
                return FilterResult.CONTINUE;
            }
        }, root);
        renderer.flush();
        return renderer.blocks;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            append(t.getWholeText());
        } else if (node instanceof Element e) {
            if (e.nameIs("br")) {
                pendingBreaks++;
            } else if (isCell(e)) {
                // a table row reads as one line, its cells apart
                if (!current.isEmpty() && !endsWithSpace()) {
                    current.append(' ');
                }
            } else if (Blocks.isBlock(e)) {
                flush();
                openBlocks.push(e);
            }
            if (e.nameIs("a")) {
                linkDepth++;
            } else if (e.nameIs("pre")) {
                preDepth++;
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            if (e.nameIs("a")) {
                linkDepth--;
            } else if (e.nameIs("pre")) {
                preDepth--;
            }
            if (Blocks.isBlock(e) && !isCell(e)) {
                flush();
                if (!openBlocks.isEmpty() && openBlocks.peek() == e) {
                    openBlocks.pop();
                }
            }
        }
    }

    private void append(String raw) {
        String text = preDepth > 0 ? raw : collapse(raw);
        if (text.isEmpty()) {
            return;
        }
        int visible = TextStats.visibleChars(text);
        if (visible > 0 && pendingBreaks > 0) {
            if (pendingBreaks >= 2) {
                flush();
            } else if (!current.isEmpty()) {
                trimTrailingSpace();
                current.append('\n');
            }
            pendingBreaks = 0;
        }
        boolean startsWithSpace = text.charAt(0) == ' ';
        if (startsWithSpace && (current.isEmpty() || endsWithSpace())) {
            text = text.substring(1);
        }
        current.append(text);
        currentChars += visible;
        if (linkDepth > 0) {
            currentLinkChars += visible;
        }
    }

    private static boolean isCell(Element e) {
        return e.nameIs("td") || e.nameIs("th");
    }

    private boolean endsWithSpace() {
        char last = current.charAt(current.length() - 1);
        return last == ' ' || last == '\n';
    }

    private void trimTrailingSpace() {
        while (!current.isEmpty() && current.charAt(current.length() - 1) == ' ') {
            current.setLength(current.length() - 1);
        }
    }

    private void flush() {
        pendingBreaks = 0;
        String text = current.toString().strip();
        if (!text.isEmpty() && currentChars > 0) {
            String tag = openBlocks.isEmpty() ? "p" : openBlocks.peek().normalName();
            blocks.add(new TextBlock(text, tag, currentChars, currentLinkChars));
        }
        current.setLength(0);
        currentChars = 0;
        currentLinkChars = 0;
    }

    /** Collapses runs of whitespace (including no-break space) to one space. */
    static String collapse(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                space = true;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        if (space) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
