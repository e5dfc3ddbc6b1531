package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * First pass over a page: removes what can never be article text, before any scoring, so that menus,
 * share bars and related-story lists cannot lend their text to a candidate.
 *
 * <p>Removed, in order: non-text elements (scripts, styles, forms controls, media, captions), hidden
 * elements, page furniture ({@code nav}, {@code aside}, {@code footer}, {@code header}, ARIA landmarks
 * other than main), elements whose class or id name clutter (see {@link ClassHints}) and sections headed
 * by a clutter heading (see {@link BoilerplatePhrases}). An element that holds most of the page's
 * paragraph text is never removed for its name alone: a site that calls its article wrapper
 * {@code "page has-sidebar"} still gets its article extracted.
 *
 * <p>Mutates the given tree. Not thread-safe; stateless, so one instance can serve one thread at a time.
 */
final class ClutterRemover {

    /** Elements without article text; their content never reaches the reader as prose. */
    private static final String NON_TEXT = "script, style, noscript, template, svg, canvas, iframe, object, embed, "
            + "video, audio, source, track, map, button, input, select, option, textarea, label, dialog, "
            + "figcaption, link, meta, base, head > title";

    private static final Set<String> FURNITURE = Set.of("nav", "aside", "footer", "header", "menu");

    /** Above this share of the page's paragraph text, an element is kept whatever its class says. */
    private static final double PROTECTED_SHARE = 0.5;

    ClutterRemover() {
    }

    /** Cleans {@code body} in place. */
    void clean(Element body) {
        removeComments(body);
        body.select(NON_TEXT).remove();
        removeHidden(body);
        TextStats stats = TextStats.of(body);
        int pageParagraphs = Math.max(1, stats.paragraphText(body));
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body || isProtected(e, stats, pageParagraphs)) {
                continue;
            }
            if (FURNITURE.contains(e.normalName()) || ClassHints.namesClutter(e)) {
                doomed.add(e);
            }
        }
        doomed.forEach(Node::remove);
        removeClutterSections(body);
    }

    private static boolean isProtected(Element e, TextStats stats, int pageParagraphs) {
        if (e.nameIs("article") || e.nameIs("main") || "articleBody".equals(e.attr("itemprop"))) {
            return stats.paragraphText(e) > 0;
        }
        return stats.paragraphText(e) >= PROTECTED_SHARE * pageParagraphs;
    }

    private static void removeComments(Element root) {
        List<Node> comments = new ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        }, root);
        comments.forEach(Node::remove);
    }

    private static void removeHidden(Element root) {
        List<Element> hidden = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (isHidden(e)) {
                hidden.add(e);
            }
        }
        hidden.forEach(Node::remove);
    }

    static boolean isHidden(Element e) {
        if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /**
     * Removes sections introduced by a clutter heading: the heading's container when the rest of it is a
     * list of links or short, otherwise the heading and the link lists that follow it.
     */
    private static void removeClutterSections(Element body) {
        Elements candidates = body.select("h1, h2, h3, h4, h5, h6, strong, b, span, div, p, li");
        TextStats stats = TextStats.of(body);
        for (Element heading : candidates) {
            // the cheap tests first: this runs on every div of the page
            if (heading.parent() == null || heading.childrenSize() > 2 || stats.text(heading) > 60
                    || stats.text(heading) == 0 || !isClutterHeading(heading)) {
                continue;
            }
            Element section = heading.parent();
            while (section != body && section.parent() != null && section.text().length() <= heading.text().length() + 2) {
                heading = section;
                section = section.parent();
            }
            if (section != body && section.parent() != null && isLinkList(section, heading)) {
                section.remove();
            } else {
                for (Element next = heading.nextElementSibling(); next != null; ) {
                    Element after = next.nextElementSibling();
                    if (!isLinkList(next, null)) {
                        break;
                    }
                    next.remove();
                    next = after;
                }
                heading.remove();
            }
        }
    }

    private static boolean isClutterHeading(Element e) {
        String text = e.text();
        return !text.isEmpty() && BoilerplatePhrases.isSectionHeading(text);
    }

    /** True when {@code e}, ignoring {@code except}, is mostly links or has no prose paragraph. */
    private static boolean isLinkList(Element e, Element except) {
        TextStats stats = TextStats.of(e);
        int text = stats.text(e) - (except == null ? 0 : stats.text(except));
        int links = stats.linkText(e) - (except == null ? 0 : stats.linkText(except));
        if (text <= 0) {
            return true;
        }
        return links >= 0.5 * text || (text < 400 && e.select("p").size() <= 1);
    }
}
