package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds the article, in the tradition of Readability: each prose paragraph votes
 * for its ancestors (fully for the parent, half for the grandparent, less further up) with a weight that
 * grows with its length and comma count; each candidate starts from a bias for its tag and its class
 * name and ends scaled down by its link density. The winner may then move up to an ancestor that
 * gathers several strong candidates, and takes along siblings that look like article text (articles
 * split across several {@code div}s by ads or pull quotes), or same-class chunks elsewhere in the page.
 *
 * <p>Paragraphs whose text appears in the page's JSON-LD {@code articleBody} count three times: the
 * publisher has told us they are the article.
 *
 * <p>Does not modify the tree. Not thread-safe; one instance per page.
 */
final class ContentScorer {

    private static final int MIN_PARAGRAPH = 25;
    private static final int ANCESTOR_LEVELS = 5;
    /** Readability's rule: three of the five best candidates within 75% of the best make their ancestor the article. */
    private static final int MIN_ALTERNATIVES = 3;
    private static final int MAX_ALTERNATIVES = 5;
    private static final double ALTERNATIVE_SHARE = 0.75;
    private static final double MIN_SIBLING_SCORE = 10;
    private static final double SIBLING_SHARE = 0.2;
    private static final int LONG_SIBLING = 80;
    private static final double MAX_SIBLING_LINK_DENSITY = 0.25;
    private static final int MAX_TWINS = 50;
    /** Twins nested deeper than this below the candidate are not looked for: it would cost time on hostile pages. */
    private static final int MAX_TWIN_DEPTH = 100;

    /** In document order of first vote, so that ties break the same way on every run. */
    private final Map<Element, Double> scores = new LinkedHashMap<>();
    private final TextStats stats;
    private final Element body;
    private final ArticleBodyHint hint;

    ContentScorer(Element body, TextStats stats, ArticleBodyHint hint) {
        this.body = body;
        this.stats = stats;
        this.hint = hint;
    }

    /**
     * @param paragraphs the paragraph-like elements of the page, in document order
     * @return the article's elements in document order, empty when nothing scored
     */
    List<Element> select(List<Element> paragraphs) {
        for (Element p : paragraphs) {
            vote(p);
        }
        if (scores.isEmpty()) {
            return List.of();
        }
        List<Element> ranked = new ArrayList<>(scores.keySet());
        for (Element e : ranked) {
            scores.put(e, scores.get(e) * (1 - stats.linkDensity(e)));
        }
        // a stable sort: equal scores keep document order
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        Element top = ranked.get(0);
        top = preferCommonAncestor(top, ranked);
        top = climb(top);
        List<Element> twins = twins(top);
        return twins.size() > 1 ? twins : withSiblings(outermostWrapper(top));
    }

    double score(Element e) {
        Double s = scores.get(e);
        return s == null ? 0 : s;
    }

    private void vote(Element p) {
        String text = p.text();
        int length = TextStats.visibleChars(text);
        if (length < MIN_PARAGRAPH) {
            return;
        }
        double vote = 1 + commas(text) + Math.min(length / 100, 3);
        if (hint.confirms(text)) {
            vote *= 3;
        }
        Element ancestor = p.parent();
        for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null && ancestor != body.parent(); level++) {
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            Double old = scores.get(ancestor);
            scores.put(ancestor, (old == null ? initialScore(ancestor) : old) + vote / divider);
            ancestor = ancestor.parent();
        }
    }

    private static double initialScore(Element e) {
        double base = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return base + ClassHints.weight(e);
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c') {
                n++;
            }
        }
        return n;
    }

    /** When several near-best candidates share an ancestor with the best, the article is that ancestor. */
    private Element preferCommonAncestor(Element top, List<Element> ranked) {
        double topScore = scores.get(top);
        if (topScore <= 0) {
            return top;
        }
        List<Set<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < ranked.size() && alternatives.size() < MAX_ALTERNATIVES; i++) {
            if (scores.get(ranked.get(i)) >= ALTERNATIVE_SHARE * topScore) {
                alternatives.add(selfAndAncestors(ranked.get(i)));
            }
        }
        if (alternatives.size() < MIN_ALTERNATIVES) {
            return top;
        }
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            int contained = 0;
            for (Set<Element> lineage : alternatives) {
                if (lineage.contains(parent)) {
                    contained++;
                }
            }
            if (contained >= MIN_ALTERNATIVES) {
                return parent;
            }
        }
        return top;
    }

    private static Set<Element> selfAndAncestors(Element e) {
        Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element p = e; p != null; p = p.parent()) {
            out.add(p);
        }
        return out;
    }

    /** Moves up while the parent scores higher. */
    private Element climb(Element top) {
        double last = score(top);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            if (!scores.containsKey(parent)) {
                continue;
            }
            double s = scores.get(parent);
            if (s < threshold) {
                break;
            }
            if (s > last) {
                top = parent;
                break;
            }
            last = s;
        }
        return top;
    }

    /** Moves up through wrappers that hold nothing but the candidate, so that its siblings are the article's. */
    private Element outermostWrapper(Element top) {
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /**
     * Elements of the same tag and class as {@code top} that score like article text, {@code top}
     * included, in document order. Pages that interleave the article with ads or promos often cut it into
     * such chunks ({@code <div class="article-body-chunk">} five times), each under its own wrapper, where
     * looking at siblings alone would keep only the best chunk.
     */
    private List<Element> twins(Element top) {
        if (top.className().isBlank()) {
            return List.of(top);
        }
        double threshold = siblingThreshold(top);
        Set<Element> lineage = selfAndAncestors(top);
        List<Element> out = new ArrayList<>();
        for (Element e : body.getElementsByAttributeValue("class", top.className())) {
            if (e == top || (e.normalName().equals(top.normalName()) && score(e) >= threshold
                    && !lineage.contains(e) && !isAncestor(top, e))) {
                out.add(e);
            }
            if (out.size() > MAX_TWINS) {
                // a page of hundreds of same-class blocks is a listing, not an article in chunks
                return List.of(top);
            }
        }
        return out;
    }

    /** What a sibling or same-class chunk must score to join the best candidate (Readability's rule). */
    private double siblingThreshold(Element top) {
        return Math.max(MIN_SIBLING_SCORE, score(top) * SIBLING_SHARE);
    }

    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null || top == body) {
            return List.of(top);
        }
        double threshold = siblingThreshold(top);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top || isArticleSibling(sibling, top, threshold)) {
                out.add(sibling);
            }
        }
        return out;
    }

    private boolean isArticleSibling(Element sibling, Element top, double threshold) {
        double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? score(top) * SIBLING_SHARE : 0;
        if (scores.containsKey(sibling) && score(sibling) + bonus >= threshold) {
            return true;
        }
        // a paragraph beside the article (a standfirst, a closing line) is taken on its own merits
        if (!(sibling.nameIs("p") || sibling.nameIs("div")) || stats.blocksBelow(sibling) > 0) {
            return false;
        }
        String text = sibling.text();
        double linkDensity = stats.linkDensity(sibling);
        int length = TextStats.visibleChars(text);
        if (length > LONG_SIBLING) {
            return linkDensity < MAX_SIBLING_LINK_DENSITY;
        }
        return length > 0 && linkDensity == 0 && (text.endsWith(".") || text.endsWith("\u3002"));
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        int depth = 0;
        for (Element p = e.parent(); p != null && depth < MAX_TWIN_DEPTH; p = p.parent(), depth++) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
