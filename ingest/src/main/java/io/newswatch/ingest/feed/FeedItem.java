package io.newswatch.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * One feed item.
 *
 * @param guid          the item's id (guid / atom:id / JSON Feed id), or its link when it has none
 * @param link          absolute link to the article page, or {@code null}
 * @param title         title as plain text (entities decoded, markup removed), never null
 * @param summary       summary/description as plain text, never null
 * @param contentHtml   full content as HTML (content:encoded, atom:content, content_html), or {@code null}
 * @param author        author, or {@code null}
 * @param publishedAt   published (or updated) time, or {@code null} when absent or unparseable
 * @param categories    category labels
 */
public record FeedItem(String guid, String link, String title, String summary, String contentHtml, String author,
                       Instant publishedAt, List<String> categories) {
    public FeedItem {
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A stable key for seen-item tracking: the guid, else the link, else the title. */
    public String key() {
        if (guid != null && !guid.isBlank()) {
            return guid;
        }
        return link != null ? link : title;
    }
}
