package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's {@code <meta>} tags by key, read once: a tag's key is any of its {@code name}, {@code property},
 * {@code itemprop} and {@code http-equiv} attributes, compared without case ({@code og:title},
 * {@code article:published_time}, {@code author}, {@code content-language}). Blank contents are left out.
 *
 * <p>Immutable after construction and thread-safe; the page is not modified.
 */
final class MetaTags {

    private static final String[] KEY_ATTRIBUTES = {"name", "property", "itemprop", "http-equiv"};

    private final Map<String, List<String>> contents = new HashMap<>();

    private MetaTags() {
    }

    static MetaTags of(Document page) {
        MetaTags tags = new MetaTags();
        for (Element meta : page.getElementsByTag("meta")) {
            String content = meta.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String attribute : KEY_ATTRIBUTES) {
                String key = meta.attr(attribute).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    tags.contents.computeIfAbsent(key, k -> new ArrayList<>(1)).add(content);
                }
            }
        }
        return tags;
    }

    /** The content of the first tag with the first of {@code keys} present, or {@code null}. */
    String first(String... keys) {
        for (String key : keys) {
            List<String> values = contents.get(key.toLowerCase(Locale.ROOT));
            if (values != null) {
                return values.get(0);
            }
        }
        return null;
    }

    /** The contents of every tag with {@code key}, in page order; empty when none. */
    List<String> all(String key) {
        return contents.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }
}
