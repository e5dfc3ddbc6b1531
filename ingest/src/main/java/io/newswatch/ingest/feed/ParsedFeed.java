package io.newswatch.ingest.feed;

import java.util.List;

/**
 * A parsed feed.
 *
 * @param format  e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_feed_1.1}
 * @param title   feed title, may be empty
 * @param link    the site link, or {@code null}
 * @param lang    the feed's declared language, or {@code null}
 * @param items   the items in document order
 */
public record ParsedFeed(String format, String title, String link, String lang, List<FeedItem> items) {
    public ParsedFeed {
        items = items == null ? List.of() : List.copyOf(items);
        title = title == null ? "" : title;
    }
}
