/**
 * Polling: {@link io.newswatch.ingest.poll.FeedPoller} does one poll of one feed (conditional fetch, parse,
 * publish unseen items, mark them seen once Kafka acknowledged them); {@link io.newswatch.ingest.poll.FeedCoordinator}
 * decides which feeds this instance owns (Kafka group membership on the compacted ingest-state topic: a feed belongs
 * to the partition its id hashes to), restores their {@link io.newswatch.model.FeedState} and schedules polls.
 *
 * <p>Bounds: one poll in flight per feed; {@code ingest.seenPerFeed} item keys per feed state; the fetcher's
 * per-host and global concurrency limits. A failing feed backs off exponentially with jitter up to
 * {@code ingest.backoffMax} (or longer when the server sent {@code Retry-After}); its failure is logged, counted and
 * dead-lettered, and the other feeds are not affected.
 */
package io.newswatch.ingest.poll;
