package io.newswatch.ingest.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

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
    private static final Set<String> NON_TEXT = Set.of("script", "style", "noscript", "template", "svg", "math",
            "canvas", "iframe", "object", "embed", "video", "audio", "source", "track", "map", "button", "input",
            "select", "option", "textarea", "label", "dialog", "figcaption", "link", "meta", "base", "title");

    private static final Set<String> FURNITURE = Set.of("nav", "aside", "footer", "header", "menu");

    private static final String HEADING_LIKE = "h1, h2, h3, h4, h5, h6, strong, b, span, div, p, li";
    private static final int MAX_HEADING = 60;
    private static final int MAX_HEADING_ELEMENTS = 4;
    /** A clutter-headed section with less text than this is clutter whatever its links. */
    private static final int SHORT_SECTION = 300;

    /** Above this share of the page's prose, an element is kept whatever its class says. */
    private static final double PROTECTED_SHARE = 0.5;
    /** Above this share, an element tagged or named as the article is kept. */
    private static final double BODY_SHARE = 0.1;

    ClutterRemover() {
    }

    /** Cleans {@code body} in place. */
    void clean(Element body) {
        removeNonText(body);
        // before the class pass, which would take some headings ("relatedposts-title") and leave their sections
        removeClutterSections(body, TextStats.of(body));
        removeNamedClutter(body, TextStats.of(body));
    }

    /** Removes page furniture and elements named as clutter, without looking inside what it removes. */
    private static void removeNamedClutter(Element body, TextStats stats) {
        int pageProse = Math.max(1, stats.prose(body));
        BatchRemoval removal = new BatchRemoval();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != body
                        && (FURNITURE.contains(e.normalName()) || ClassHints.namesClutter(e))
                        && !isProtected(e, stats, pageProse) && !isQuote(e, stats)) {
                    removal.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        removal.apply();
    }

    /**
     * An element named or tagged as the article is kept when it holds a tenth of the page's prose (not
     * when it is a teaser card); any other element when it holds half of it, unless its name is one no
     * article wrapper carries.
     */
    private static boolean isProtected(Element e, TextStats stats, int pageProse) {
        double share = (double) stats.prose(e) / pageProse;
        if (e.nameIs("article") || e.nameIs("main") || ClassHints.namesBody(e)) {
            return share >= BODY_SHARE;
        }
        return share >= PROTECTED_SHARE && !ClassHints.namesStrongClutter(e);
    }

    /**
     * True when most of the element's text is quoted: embedded posts ({@code <div class="social-embed">
     * <blockquote class="twitter-tweet">}) are quoted in the article, not shared from it.
     */
    private static boolean isQuote(Element e, TextStats stats) {
        return stats.text(e) > 0 && stats.quoteText(e) >= 0.5 * stats.text(e);
    }

    /** Removes comments, non-text elements and hidden elements. */
    private static void removeNonText(Element root) {
        BatchRemoval removal = new BatchRemoval();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment || (node instanceof Element e && (NON_TEXT.contains(e.normalName()) || isHidden(e)))) {
                    removal.add(node);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        removal.apply();
    }

    /**
     * True when {@code e} can never hold article text whatever its class says: non-text and hidden
     * elements, page furniture tags and ARIA landmarks other than main. What the plausibility check of
     * {@link ProseRuns} leaves out of its looser view of the page.
     */
    static boolean isFurniture(Element e) {
        return NON_TEXT.contains(e.normalName()) || FURNITURE.contains(e.normalName()) || ClassHints.hasClutterRole(e)
                || isHidden(e);
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
     * when the rest is a list of links, unless it holds an element named as the article body. Otherwise
     * only the heading goes, with the link lists that follow it.
     */
    private static void removeClutterSections(Element body, TextStats stats) {
        BatchRemoval removal = new BatchRemoval();
        Set<Element> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element heading : body.select(HEADING_LIKE)) {
            // the cheap tests first: this runs on every div of the page
            int chars = stats.text(heading);
            if (chars == 0 || chars > MAX_HEADING || stats.elementsBelow(heading) > MAX_HEADING_ELEMENTS
                    || heading.parent() == null) {
                continue;
            }
            BoilerplatePhrases.Heading kind = BoilerplatePhrases.sectionHeading(heading.text());
            if (kind == BoilerplatePhrases.Heading.NONE || isInside(heading, removed)) {
                continue;
            }
            Element section = heading.parent();
            while (section != body && section.parent() != null && stats.text(section) <= chars) {
                heading = section;
                section = section.parent();
            }
            boolean opens = opens(heading, stats);
            if (section != body && section.parent() != null && opens && !holdsBody(section)
                    && (kind == BoilerplatePhrases.Heading.STRONG || isLinkList(section, heading, stats))) {
                removed.add(section);
            } else {
                removed.add(heading);
                for (Element next = heading.nextElementSibling(); next != null; next = next.nextElementSibling()) {
                    if (stats.text(next) > 0 && stats.linkDensity(next) < 0.5) {
                        break;
                    }
                    removed.add(next);
                }
            }
        }
        removed.forEach(removal::add);
        removal.apply();
    }

    /** True when {@code e} or one of its ancestors is in {@code removed}. */
    private static boolean isInside(Element e, Set<Element> removed) {
        if (removed.isEmpty()) {
            return false;
        }
        for (Element p = e; p != null; p = p.parent()) {
            if (removed.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** True when no element before {@code heading} in its parent has text. */
    private static boolean opens(Element heading, TextStats stats) {
        for (Element before = heading.previousElementSibling(); before != null; before = before.previousElementSibling()) {
            if (stats.text(before) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsBody(Element section) {
        for (Element e : section.getAllElements()) {
            if (ClassHints.namesBody(e)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code section}, without {@code heading}, is mostly links or short. */
    private static boolean isLinkList(Element section, Element heading, TextStats stats) {
        int text = stats.text(section) - stats.text(heading);
        int links = stats.linkText(section) - stats.linkText(heading);
        return text <= 0 || links >= 0.5 * text || text < SHORT_SECTION;
    }
}
