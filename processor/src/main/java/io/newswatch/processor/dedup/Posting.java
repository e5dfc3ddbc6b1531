package io.newswatch.processor.dedup;

/**
 * One entry of a posting list: an article filed under some key at some event time.
 *
 * @param articleId the article
 * @param timestamp its event time, epoch millis
 */
public record Posting(String articleId, long timestamp) {
    public Posting {
        if (articleId == null || articleId.isBlank()) {
            throw new IllegalArgumentException("articleId must not be blank");
        }
    }
}
