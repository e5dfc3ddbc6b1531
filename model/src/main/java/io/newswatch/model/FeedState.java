package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What ingest remembers about one feed, stored as JSON on the compacted {@code newswatch.ingest-state} topic
 * (key: feed id), so that a restarted or rebalanced instance neither republishes nor skips items.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written
 * @param feedId        the feed
 * @param url           the URL to poll (a permanent redirect replaces the configured one)
 * @param configuredUrl the URL in the feed list when {@code url} was adopted; a changed list URL wins again
 * @param etag          last ETag, for If-None-Match
 * @param lastModified  last Last-Modified, for If-Modified-Since
 * @param seen          keys of published items, newest first, at most {@code ingest.seenPerFeed}
 * @param errorStreak   consecutive failed polls
 * @param nextPollAt    when the feed is next due
 * @param lastSuccessAt when it last answered well
 * @param polls         polls so far
 * @param notModified   of which 304 answers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedState(int schemaVersion, String feedId, String url, String configuredUrl, String etag, String lastModified,
                        List<String> seen, int errorStreak, Instant nextPollAt, Instant lastSuccessAt, long polls, long notModified) {
    public static final int SCHEMA_VERSION = 1;

    public FeedState {
        Validate.notBlank(feedId, "feedId");
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    /** The state of a feed never polled. */
    public static FeedState initial(String feedId, String url) {
        return new FeedState(SCHEMA_VERSION, feedId, url, url, null, null, List.of(), 0, null, null, 0, 0);
    }

    /** Whether the item with this key was published already. */
    public boolean hasSeen(String key) {
        return seen.contains(key);
    }

    /** A copy with {@code keys} added as the newest seen keys, keeping at most {@code cap}. */
    public FeedState withSeen(Collection<String> keys, int cap) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(keys);
        merged.addAll(seen);
        List<String> list = new ArrayList<>(merged);
        return new FeedState(schemaVersion, feedId, url, configuredUrl, etag, lastModified, list.subList(0, Math.min(cap, list.size())),
                errorStreak, nextPollAt, lastSuccessAt, polls, notModified);
    }

    public FeedState withValidators(String newUrl, String newEtag, String newLastModified) {
        return new FeedState(schemaVersion, feedId, newUrl, configuredUrl, newEtag, newLastModified, seen, errorStreak, nextPollAt,
                lastSuccessAt, polls, notModified);
    }

    public FeedState withOutcome(boolean success, boolean wasNotModified, Instant now, Instant next) {
        return new FeedState(schemaVersion, feedId, url, configuredUrl, etag, lastModified, seen, success ? 0 : errorStreak + 1, next,
                success ? now : lastSuccessAt, polls + 1, notModified + (wasNotModified ? 1 : 0));
    }
}
