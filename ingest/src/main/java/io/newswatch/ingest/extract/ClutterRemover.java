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
 * prose (text outside links) is not removed for a name that wrappers also carry: a site that calls its article wrapper
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
    /** Above this share, an element tagged or named as the article is kept. */
    private static final double BODY_SHARE = 0.1;

    ClutterRemover() {
    }

    /** Cleans {@code body} in place. */
    void clean(Element body) {
        removeComments(body);
        body.select(NON_TEXT).remove();
        removeHidden(body);
        // before the class pass, which would take some headings ("relatedposts-title") and leave their sections
        removeClutterSections(body);
        TextStats stats = TextStats.of(body);
        int pageProse = Math.max(1, prose(body, stats));
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e != body && (FURNITURE.contains(e.normalName()) || ClassHints.namesClutter(e))
                    && !isProtected(e, stats, pageProse) && !isQuote(e, stats)) {
                doomed.add(e);
            }
        }
        doomed.forEach(Node::remove);
    }

    /**
     * An element named or tagged as the article is kept when it holds a tenth of the page's prose (not
     * when it is a teaser card); any other element when it holds half of it, unless its name is one no
     * article wrapper carries.
     */
    private static boolean isProtected(Element e, TextStats stats, int pageProse) {
        double share = (double) prose(e, stats) / pageProse;
        if (e.nameIs("article") || e.nameIs("main") || ClassHints.namesBody(e)) {
            return share >= BODY_SHARE;
        }
        return share >= PROTECTED_SHARE && !ClassHints.namesStrongClutter(e);
    }

    /**
     * True when most of the element's text is a block quote: embedded posts ({@code <div
     * class="social-embed"><blockquote class="twitter-tweet">}) are quoted in the article, not shared from it.
     */
    private static boolean isQuote(Element e, TextStats stats) {
        int text = stats.text(e);
        if (text == 0) {
            return false;
        }
        for (Element quote : e.getElementsByTag("blockquote")) {
            if (stats.text(quote) >= 0.5 * text) {
                return true;
            }
        }
        return false;
    }

    /** Text outside links: what menus and link lists lack and articles have. */
    private static int prose(Element e, TextStats stats) {
        return stats.text(e) - stats.linkText(e);
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
     * Removes sections introduced by a clutter heading. The section is the heading's container when the
     * heading opens it; it goes whole when the heading is an unambiguous phrase ("You may also like") or
     * when the rest is a list of links. Otherwise only the heading goes, with the link lists after it.
     * A container named as the article body never goes whole.
     */
    private static void removeClutterSections(Element body) {
        Elements candidates = body.select("h1, h2, h3, h4, h5, h6, strong, b, span, div, p, li");
        TextStats stats = TextStats.of(body);
        for (Element heading : candidates) {
            // the cheap tests first: this runs on every div of the page
            if (heading.parent() == null || heading.childrenSize() > 2 || stats.text(heading) > 60
                    || stats.text(heading) == 0) {
                continue;
            }
            BoilerplatePhrases.Heading kind = BoilerplatePhrases.sectionHeading(heading.text());
            if (kind == BoilerplatePhrases.Heading.NONE) {
                continue;
            }
            Element section = heading.parent();
            while (section != body && section.parent() != null && section.text().length() <= heading.text().length() + 2) {
                heading = section;
                section = section.parent();
            }
            boolean opens = heading == firstTextChild(section);
            if (section != body && section.parent() != null && opens && !ClassHints.namesBody(section)
                    && (kind == BoilerplatePhrases.Heading.STRONG || isLinkList(section, heading))) {
                section.remove();
            } else {
                for (Element next = heading.nextElementSibling(); next != null; ) {
                    Element after = next.nextElementSibling();
                    if (!isLinkDense(next)) {
                        break;
                    }
                    next.remove();
                    next = after;
                }
                heading.remove();
            }
        }
    }

    private static Element firstTextChild(Element e) {
        for (Element child : e.children()) {
            if (!child.text().isBlank()) {
                return child;
            }
        }
        return null;
    }

    private static boolean isLinkDense(Element e) {
        TextStats stats = TextStats.of(e);
        return stats.text(e) == 0 || stats.linkDensity(e) >= 0.5;
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
