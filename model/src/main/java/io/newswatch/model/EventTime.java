package io.newswatch.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The event time of an article: the timestamp its record carries on {@code newswatch.articles}, and so the time every
 * window downstream runs on (stories, duplicates, alert updates and retention, replay windows).
 *
 * <p>It is the publication time when that is known and plausible: read from the feed, the page or the file (not
 * {@link Article#publishedAtEstimated() estimated}), not after the fetch, and at most {@code maxLag} before it.
 * Otherwise it is the fetch time. A date in the future is a clock or time-zone error of the outlet; a date far
 * older than the fetch is an old article resurfacing (or a wrong date) and would land behind every open window, so
 * both are treated as news at the time it was seen. Stateless.
 */
public final class EventTime {
    private EventTime() {
    }

    /**
     * @param article the article; its {@code fetchedAt} is never null
     * @param maxLag  how long before the fetch a publication time may lie, not negative
     * @return {@code publishedAt} when known and within {@code [fetchedAt - maxLag, fetchedAt]}, else {@code fetchedAt}
     */
    public static Instant of(Article article, Duration maxLag) {
        Validate.isTrue(article != null, "article must not be null");
        Validate.isTrue(maxLag != null && !maxLag.isNegative(), "maxLag must be a non-negative duration, was " + maxLag);
        Instant published = article.publishedAt();
        Instant fetched = article.fetchedAt();
        if (published == null || article.publishedAtEstimated() || published.isAfter(fetched)) {
            return fetched;
        }
        return Duration.between(published, fetched).compareTo(maxLag) <= 0 ? published : fetched;
    }

    /** Whether {@link #of} takes the publication time of {@code article}. */
    public static boolean isPublished(Article article, Duration maxLag) {
        return article.publishedAt() != null && of(article, maxLag).equals(article.publishedAt()) && !article.publishedAtEstimated();
    }
}
