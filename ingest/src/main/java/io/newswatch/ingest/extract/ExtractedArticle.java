package io.newswatch.ingest.extract;

import java.time.Instant;

/**
 * The result of {@link ArticleExtractor#extract}.
 *
 * @param title        headline, never null
 * @param text         body as plain text, paragraphs separated by a blank line, never null
 * @param byline       author line, or {@code null}
 * @param publishedAt  publication time from meta tags or JSON-LD, or {@code null}
 * @param canonicalUrl {@code rel=canonical} or {@code og:url}, absolute, or {@code null}
 * @param lang         ISO 639-1 code from {@code <html lang>} or detection, or {@code null}
 */
public record ExtractedArticle(String title, String text, String byline, Instant publishedAt, String canonicalUrl, String lang) {
    public ExtractedArticle {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
