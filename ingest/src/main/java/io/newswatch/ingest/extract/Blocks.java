package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The HTML block/inline distinction the extractor works with, and the step that makes every run of
 * prose a paragraph element.
 *
 * <p>Many pages write body text straight into a {@code div} between block children ({@code <div>Text
 * <br><br>More text<div class=ad>..</div>Last words</div>}); {@link #wrapLooseText} puts each such run
 * in its own {@code <p>}, as Readability does, so scoring and rendering only have to look at paragraphs.
 * Stateless and thread-safe; methods that change a tree say so.
 */
final class Blocks {

    static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div",
            "dl", "dt", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "figcaption", "body", "html");

    /** Containers whose loose text is wrapped into paragraphs. */
    private static final Set<String> CONTAINERS = Set.of(
            "div", "section", "article", "main", "td", "blockquote", "center", "body", "form", "dd", "li");

    /** Containers that count as a paragraph when they hold only inline content. */
    private static final Set<String> LEAF_PARAGRAPHS = Set.of(
            "div", "section", "article", "main", "td", "blockquote", "center", "dd");

    private Blocks() {
    }

    static boolean isBlock(Element e) {
        return BLOCK_TAGS.contains(e.normalName());
    }

    static boolean isHeading(Element e) {
        String n = e.normalName();
        return n.length() == 2 && n.charAt(0) == 'h' && n.charAt(1) >= '1' && n.charAt(1) <= '6';
    }

    /**
     * Wraps runs of inline content that sit beside block children into {@code <p>} elements. Containers
     * without block children are left as they are. Mutates the tree under {@code root}.
     *
     * @param stats counts taken of the tree as it is now
     */
    static void wrapLooseText(Element root, TextStats stats) {
        List<Element> containers = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (CONTAINERS.contains(e.normalName()) && hasBlockChild(e) && hasLooseText(e, stats)) {
                containers.add(e);
            }
        }
        for (Element container : containers) {
            wrapRuns(container, stats);
        }
    }

    /**
     * The paragraph-like elements under {@code root} in document order: {@code p}, {@code pre}, and
     * containers such as {@code div} or {@code td} with no block element below them. List items are not
     * paragraphs: a list of one-line items is as likely a menu as prose.
     *
     * @param stats counts taken of the tree as it is now
     */
    static List<Element> paragraphs(Element root, TextStats stats) {
        List<Element> out = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            String n = e.normalName();
            // a p can hold blocks when an inline element between them does: the inner blocks speak for it
            boolean paragraph = n.equals("p") || n.equals("pre") || (LEAF_PARAGRAPHS.contains(n) && e != root);
            if (paragraph && stats.blocksBelow(e) == 0) {
                out.add(e);
            }
        }
        return out;
    }

    static boolean hasBlockChild(Element e) {
        for (Element child : e.children()) {
            if (isBlock(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLooseText(Element e, TextStats stats) {
        for (Node child : e.childNodes()) {
            if (isInlineText(child, stats)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInlineText(Node n, TextStats stats) {
        if (n instanceof TextNode t) {
            return !t.isBlank();
        }
        return n instanceof Element c && !isBlock(c) && stats.text(c) > 0;
    }

    private static void wrapRuns(Element container, TextStats stats) {
        List<Node> run = new ArrayList<>();
        for (Node child : new ArrayList<>(container.childNodes())) {
            boolean inline = child instanceof TextNode || (child instanceof Element c && !isBlock(c));
            if (inline) {
                run.add(child);
            } else {
                wrap(run, stats);
            }
        }
        wrap(run, stats);
    }

    private static void wrap(List<Node> run, TextStats stats) {
        boolean hasText = false;
        for (Node n : run) {
            if (isInlineText(n, stats)) {
                hasText = true;
                break;
            }
        }
        if (hasText) {
            Element p = new Element("p");
            run.get(0).before(p);
            for (Node n : run) {
                p.appendChild(n);
            }
        }
        run.clear();
    }
}
