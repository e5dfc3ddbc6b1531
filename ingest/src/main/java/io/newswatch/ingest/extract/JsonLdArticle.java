package io.newswatch.ingest.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article a page describes about itself in {@code <script type="application/ld+json">} (schema.org
 * {@code NewsArticle}, {@code BlogPosting}, ...), found in top-level objects, arrays, {@code @graph} and
 * nested {@code mainEntity}s.
 *
 * <p>Pages often carry sloppy JSON (trailing commas, raw line breaks in strings, comments); the reader is
 * lenient about those and skips a script it still cannot parse. A page with several article objects
 * gets the first that has an {@code articleBody}, else the first. Immutable and thread-safe.
 *
 * @param headline      {@code headline} or {@code name}, or {@code null}
 * @param articleBody   {@code articleBody} or {@code text}, or {@code null}
 * @param authors       names from {@code author}/{@code creator}, never null
 * @param datePublished {@code datePublished} (else {@code dateCreated}) as written, or {@code null}
 * @param url           {@code url} or {@code mainEntityOfPage} id, or {@code null}
 * @param inLanguage    {@code inLanguage} as written, or {@code null}
 */
record JsonLdArticle(String headline, String articleBody, List<String> authors, String datePublished, String url,
                     String inLanguage) {

    static final JsonLdArticle NONE = new JsonLdArticle(null, null, List.of(), null, null, null);

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
            "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
            "techarticle", "scholarlyarticle", "report", "advertisercontentarticle", "satiricalarticle", "posting");

    /** Thread-safe once configured; shared. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private static final int MAX_DEPTH = 8;

    JsonLdArticle {
        authors = List.copyOf(authors);
    }

    /** Reads the page's JSON-LD; {@link #NONE} when it has no article object. Does not modify the page. */
    static JsonLdArticle of(Document page) {
        List<JsonNode> articles = new ArrayList<>();
        for (Element script : page.select("script[type~=(?i)application/ld\\+json]")) {
            JsonNode root = parse(script.data());
            if (root != null) {
                collect(root, articles, 0);
            }
        }
        JsonNode best = null;
        for (JsonNode a : articles) {
            if (best == null || (!hasText(best, "articleBody") && hasText(a, "articleBody"))) {
                best = a;
            }
        }
        return best == null ? NONE : from(best);
    }

    private static JsonNode parse(String json) {
        String trimmed = json.strip();
        // some CMSs wrap the JSON in an HTML comment or CDATA section
        if (trimmed.startsWith("<!--")) {
            trimmed = trimmed.substring(4).replaceFirst("-->\\s*$", "");
        }
        if (trimmed.startsWith("//<![CDATA[")) {
            trimmed = trimmed.substring(11).replaceFirst("//]]>\\s*$", "");
        }
        try {
            return MAPPER.readTree(trimmed);
        } catch (Exception e) {
            // a broken script is common and not worth more than skipping: other signals remain
            return null;
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (depth > MAX_DEPTH || node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, out, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isArticle(node)) {
            out.add(node);
        }
        collect(node.get("@graph"), out, depth + 1);
        collect(node.get("mainEntity"), out, depth + 1);
        collect(node.get("mainEntityOfPage"), out, depth + 1);
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (ARTICLE_TYPES.contains(t.asText().toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT));
    }

    private static JsonLdArticle from(JsonNode a) {
        Set<String> authors = new LinkedHashSet<>();
        names(a.get("author"), authors, 0);
        if (authors.isEmpty()) {
            names(a.get("creator"), authors, 0);
        }
        String url = text(a, "url");
        if (url == null && a.get("mainEntityOfPage") instanceof JsonNode page) {
            url = page.isTextual() ? page.asText() : text(page, "@id");
        }
        return new JsonLdArticle(
                firstText(a, "headline", "name"),
                firstText(a, "articleBody", "text"),
                List.copyOf(authors),
                firstText(a, "datePublished", "dateCreated"),
                url,
                language(a.get("inLanguage")));
    }

    private static void names(JsonNode node, Set<String> out, int depth) {
        if (node == null || depth > 3) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                names(n, out, depth + 1);
            }
        } else if (node.isTextual()) {
            addName(node.asText(), out);
        } else if (node.isObject()) {
            addName(text(node, "name"), out);
        }
    }

    private static void addName(String name, Set<String> out) {
        if (name != null && !name.isBlank() && !name.startsWith("http")) {
            out.add(TextRenderer.collapse(name).strip());
        }
    }

    private static String language(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return firstText(node, "alternateName", "name");
        }
        return node.isTextual() ? node.asText() : null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isArray() && !v.isEmpty()) {
            v = v.get(0);
        }
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static boolean hasText(JsonNode node, String field) {
        return text(node, field) != null;
    }
}
