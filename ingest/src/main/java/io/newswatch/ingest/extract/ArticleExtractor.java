package io.newswatch.ingest.extract;

import java.net.URI;

/**
 * Extracts the main article from a web page: title, body as plain text with paragraph breaks, byline,
 * published time, canonical URL and language, with page clutter (navigation, share bars, related lists,
 * newsletter and cookie prompts, ads, footers, comments) removed.
 *
 * <p>Implementations are thread-safe and do not fetch anything.
 */
public interface ArticleExtractor {

    /**
     * @param html    the page
     * @param pageUrl the URL it was fetched from (for relative canonical links), or {@code null}
     * @return the extracted article; fields that cannot be found are {@code null} (text and title: empty)
     */
    ExtractedArticle extract(String html, URI pageUrl);
}
