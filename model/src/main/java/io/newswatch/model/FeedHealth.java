package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The health of one feed after a poll, on {@code newswatch.feed-health} (compacted, key: feed id).
 *
 * @param schemaVersion   {@link #SCHEMA_VERSION} when written
 * @param feedId          the feed
 * @param url             the URL polled (after permanent redirects)
 * @param lastPollAt      when it was last polled
 * @param lastSuccessAt   when it last answered with a parseable feed or 304
 * @param lastStatus      HTTP status of the last poll, or 0 when none was received
 * @param lastError       the last error, or {@code null} after a success
 * @param items           items in the last successful response
 * @param newItems        items published from the last poll
 * @param polls           polls since the process started
 * @param notModified     304 answers since the process started
 * @param errorStreak     consecutive failed polls
 * @param nextPollAt      when the next poll is due (includes backoff)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedHealth(
        int schemaVersion,
        String feedId,
        String url,
        Instant lastPollAt,
        Instant lastSuccessAt,
        int lastStatus,
        String lastError,
        int items,
        int newItems,
        long polls,
        long notModified,
        int errorStreak,
        Instant nextPollAt) {

    public static final int SCHEMA_VERSION = 1;

    public FeedHealth {
        Validate.notBlank(feedId, "feedId");
    }

    /** Share of polls answered 304 Not Modified, 0 when never polled. */
    public double notModifiedRatio() {
        return polls == 0 ? 0 : (double) notModified / polls;
    }
}
