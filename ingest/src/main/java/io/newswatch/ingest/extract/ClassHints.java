package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class}, {@code id}, {@code role} and {@code itemprop} say about it.
 *
 * <p>Attribute values are split into lower-case words at hyphens, underscores, spaces and camelCase
 * humps ({@code "articleBody__share-bar"} gives {@code article, body, share, bar}) and matched word by
 * word, so that {@code "ad"} matches {@code "ad-slot"} but not {@code "shadow"} or {@code "header"}.
 * Stateless and thread-safe.
 */
final class ClassHints {

    /**
     * Words naming page parts that are never the article body and that no article wrapper is named
     * after, so they are removed whatever they hold.
     */
    private static final Set<String> STRONG_CLUTTER = Set.of(
            "comment", "comments", "commenting", "disqus", "consent", "cookie", "cookies", "gdpr",
            "newsletter", "newsletters", "share", "shares", "sharing", "sharebar", "social", "related",
            "recommend", "recommendation", "recommendations", "recommended", "outbrain", "taboola", "zergnet",
            "advert", "advertisement", "advertising", "adslot", "adunit", "breadcrumb", "breadcrumbs",
            "popup", "modal", "signup", "subscribe", "subscription", "caption", "credit", "credits",
            "trending", "recirc", "recirculation", "promo", "promotion", "promoted", "sponsor", "sponsored",
            // Spanish and Portuguese sites name their parts in their language too
            "compartir", "compartilhar", "comentarios", "comentario", "comentários", "relacionadas",
            "relacionados", "relacionada", "relacionado", "publicidad", "publicidade", "anuncio", "anuncios",
            "boletin", "suscripcion", "assinatura");

    /**
     * Words naming page parts that are not the body but that some sites also put on the wrapper of
     * everything ({@code "page has-sidebar"}, blog {@code "widget"}s); such an element is removed only
     * when it does not hold most of the page's text.
     */
    private static final Set<String> CLUTTER = Set.of(
            "ad", "ads", "adv", "dfp", "banner", "byline", "copyright", "donate", "dropdown", "footer",
            "masthead", "menu", "nav", "navbar", "navigation", "overlay", "pagination", "pager", "popular",
            "print", "rail", "sidebar", "skip", "tags", "toolbar", "tools", "widget", "widgets", "sticky",
            "subnav", "topbar", "login", "signin", "timestamp", "dateline", "headline", "hidden", "sr",
            "rating", "reactions", "follow", "jump", "gallery", "slideshow", "carousel", "lightbox",
            "enlarge", "thumbnail", "thumb", "teaser", "teasers", "author", "bio", "meta", "alert", "next", "prev",
            "previous", "pagenav", "postnav");

    /** Words that lower a candidate's score without being reason enough to remove it. */
    private static final Set<String> NEGATIVE = Set.of(
            "title", "heading", "header", "date", "time", "video", "player", "photo", "image", "figure",
            "embed", "media", "contact", "shopping", "list", "links", "more", "category", "label", "scroll");

    /** Words that body containers carry; they raise a candidate's score. */
    private static final Set<String> CONTENT = Set.of(
            "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "hentry",
            "prose", "richtext", "rte", "copy");

    /**
     * Pairs of words that, together, name the body container ({@code article-body}, {@code story-text}):
     * such an element is never taken for clutter, whatever else its names say.
     */
    private static final Set<String> BODY_PAIRS = Set.of(
            "article body", "article content", "article text", "story body", "story content",
            "story text", "entry content", "post content", "post body", "post text", "content body",
            "body text", "article main", "main content", "article copy", "body copy", "article page",
            "rich text", "text content", "article section");

    private static final Set<String> CLUTTER_ROLES = Set.of(
            "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "alert",
            "alertdialog", "dialog", "search", "toolbar", "tablist");

    /**
     * Words that turn a class into a state flag: {@code has-sidebar}, {@code modal-enabled},
     * {@code no-comments} say what the element contains or allows, not what it is.
     */
    private static final Set<String> MODIFIERS = Set.of(
            "has", "have", "with", "without", "no", "not", "enabled", "disabled", "active", "inactive", "open",
            "opened", "closed", "allowed", "visible", "show", "showing", "hide", "is", "can", "supports", "on",
            "off", "loaded", "lazy", "js");

    private ClassHints() {
    }

    /** Words of the element's class names and id, in order, leaving out state-flag classes. */
    static List<String> words(Element element) {
        if (!element.hasAttr("class") && !element.hasAttr("id")) {
            // most elements: the check runs on every element of every page
            return List.of();
        }
        List<String> out = new ArrayList<>(8);
        for (String name : element.className().split("\\s+")) {
            addUnlessFlag(name, out);
        }
        addUnlessFlag(element.id(), out);
        return out;
    }

    private static void addUnlessFlag(String name, List<String> out) {
        if (name.isEmpty() || isTaxonomy(name)) {
            return;
        }
        int before = out.size();
        split(name, out);
        for (int i = before; i < out.size(); i++) {
            if (MODIFIERS.contains(out.get(i))) {
                out.subList(before, out.size()).clear();
                return;
            }
        }
    }

    /** True when the ARIA role names a page landmark that is not article text (navigation, banner, search, ...). */
    static boolean hasClutterRole(Element element) {
        return element.hasAttr("role") && CLUTTER_ROLES.contains(element.attr("role").toLowerCase(Locale.ROOT));
    }

    /** True when class, id or ARIA role name a page part that is not article text (menu, related list, ad, ...). */
    static boolean namesClutter(Element element) {
        String role = element.attr("role").toLowerCase(Locale.ROOT);
        if (CLUTTER_ROLES.contains(role)) {
            return true;
        }
        List<String> words = words(element);
        for (String w : words) {
            if (CLUTTER.contains(w) || isStrongClutter(w)) {
                return !namesBody(words);
            }
        }
        return false;
    }

    /** True when class or id name clutter that no site names its article wrapper after (share bar, comments). */
    static boolean namesStrongClutter(Element element) {
        List<String> words = words(element);
        for (String w : words) {
            if (isStrongClutter(w)) {
                return !namesBody(words);
            }
        }
        return false;
    }

    private static boolean isStrongClutter(String word) {
        // "relatedposts", "relatedStoriesList" run words together
        return STRONG_CLUTTER.contains(word) || word.startsWith("related");
    }

    /** True when the element is marked as the article body by microdata or by a body-container class name. */
    static boolean namesBody(Element element) {
        return "articleBody".equals(element.attr("itemprop")) || namesBody(words(element));
    }

    /**
     * A score adjustment in Readability's tradition: +25 for content words in class or id, -25 for clutter
     * words, +50 for an explicit body container. The sum of both signals, so mixed names cancel out.
     */
    static int weight(Element element) {
        List<String> words = words(element);
        if (words.isEmpty()) {
            return 0;
        }
        int weight = 0;
        boolean content = false;
        boolean clutter = false;
        for (String w : words) {
            content |= CONTENT.contains(w);
            clutter |= CLUTTER.contains(w) || isStrongClutter(w) || NEGATIVE.contains(w);
        }
        if (content) {
            weight += 25;
        }
        if (clutter) {
            weight -= 25;
        }
        if (namesBody(words)) {
            weight += 50;
        }
        return weight;
    }

    private static boolean namesBody(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (BODY_PAIRS.contains(words.get(i) + " " + words.get(i + 1))) {
                return true;
            }
        }
        for (String w : words) {
            if (w.equals("articlebody") || w.equals("storybody") || w.equals("entrycontent")
                    || w.equals("postcontent") || w.equals("articletext") || w.equals("bodytext")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Blog engines label a post's wrapper with its categories and tags ({@code category-social-media},
     * {@code tag-advertising}): those name the topic, not the element.
     */
    private static boolean isTaxonomy(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("category-") || n.startsWith("tag-") || n.startsWith("tags-") || n.startsWith("format-")
                || n.startsWith("type-") || n.startsWith("status-") || n.startsWith("topic-") || n.startsWith("section-");
    }

    /** Splits at non-letters/digits and at lower-to-upper case humps, lower-casing each word. */
    static void split(String value, List<String> out) {
        int n = value.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? value.charAt(i) : ' ';
            boolean wordChar = Character.isLetterOrDigit(c);
            boolean hump = wordChar && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(value.charAt(i - 1));
            if (start >= 0 && (!wordChar || hump)) {
                out.add(value.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            if (wordChar && start < 0) {
                start = i;
            }
        }
    }
}
