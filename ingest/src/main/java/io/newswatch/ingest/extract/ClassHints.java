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

    /** Words naming page parts that are never the article body. */
    private static final Set<String> CLUTTER = Set.of(
            "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt",
            "banner", "breadcrumb", "breadcrumbs", "byline", "caption", "comment", "comments", "commenting",
            "consent", "cookie", "cookies", "copyright", "credit", "credits", "disqus", "donate", "dropdown",
            "footer", "gdpr", "masthead", "menu", "modal", "nav", "navbar", "navigation", "newsletter",
            "newsletters", "outbrain", "overlay", "pagination", "pager", "paywall", "popular", "popup",
            "print", "promo", "promotion", "promoted", "rail", "recirc", "recirculation", "recommend",
            "recommendation", "recommendations", "recommended", "related", "share", "shares", "sharing",
            "sharebar", "sidebar", "signup", "skip", "social", "sponsor", "sponsored", "subscribe",
            "subscription", "taboola", "tags", "toolbar", "trending", "tools", "widget", "widgets",
            "zergnet", "sticky", "teaser", "teasers", "subnav", "topbar", "login", "signin", "alert",
            "author", "bio", "meta", "timestamp", "dateline", "headline", "hidden", "screen", "sr",
            "rating", "reactions", "newsletterform", "follow", "jump", "embed", "video", "player",
            "gallery", "slideshow", "carousel", "lightbox", "enlarge", "photo", "image", "figure",
            "thumbnail", "thumb");

    /** Words that mark the body container itself, strong enough to protect it from clutter words. */
    private static final Set<String> CONTENT = Set.of(
            "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "hentry",
            "prose", "richtext", "rte", "copy");

    /** Pairs of words that, together, name the body container ({@code article-body}, {@code story-text}). */
    private static final Set<String> BODY_PAIRS = Set.of(
            "article body", "article content", "article text", "story body", "story content",
            "story text", "entry content", "post content", "post body", "post text", "content body",
            "body text", "article main", "main content", "article copy", "body copy", "article page",
            "rich text", "text content", "article section");

    private static final Set<String> CLUTTER_ROLES = Set.of(
            "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "alert",
            "alertdialog", "dialog", "search", "toolbar", "tablist");

    private ClassHints() {
    }

    /** Words of the element's class, id and itemprop attributes, in order. */
    static List<String> words(Element element) {
        List<String> out = new ArrayList<>(8);
        split(element.className(), out);
        split(element.id(), out);
        return out;
    }

    /** True when class or id name a page part that is not article text (share bar, related list, ad, ...). */
    static boolean namesClutter(Element element) {
        String role = element.attr("role").toLowerCase(Locale.ROOT);
        if (CLUTTER_ROLES.contains(role)) {
            return true;
        }
        List<String> words = words(element);
        boolean clutter = false;
        for (String w : words) {
            if (CLUTTER.contains(w)) {
                clutter = true;
                break;
            }
        }
        return clutter && !namesBody(words);
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
            clutter |= CLUTTER.contains(w);
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
