/**
 * Alert delivery: from {@code newswatch.alerts} to the channels a desk reads, never lost and never twice.
 *
 * <pre>
 *  newswatch.alerts ──► AlertDispatcher ──► Router (policies: route, throttle, digest; stream time)
 *   (read_committed,        │                  │
 *    delivery group)        │                  ├─► ChannelWorker "desk-hook" ─ queue ─► WebhookChannel
 *                           │                  ├─► ChannelWorker "mail"      ─ queue ─► EmailChannel
 *                           │                  └─► open digests ──(window end)──► the channel's worker
 *                           └── DeliveryLedger ◄── DELIVERED / FAILED per alert version and channel
 *                               (newswatch.deliveries, compact,delete: topics.deliveries.retention)
 * </pre>
 *
 * <ul>
 * <li>{@link io.newswatch.alerts.delivery.AlertDispatcher}: the loop; commits offsets only below the oldest record
 *     not yet settled on every channel ({@code OffsetTracker}), so a crash loses nothing.</li>
 * <li>{@link io.newswatch.alerts.delivery.DeliveryLedger}: what was delivered, per channel; a restart skips what it
 *     holds, so the only duplicate a crash can cause is a notice accepted but not yet recorded, and it carries the
 *     same idempotency key ({@code webhook-id}, {@code Message-ID}). It also records each channel's start.</li>
 * <li>{@code ChannelWorker}: one thread and queue per channel, with timeout, exponential backoff with jitter,
 *     {@code Retry-After}, a bounded number of attempts, then a {@code FAILED} record with the cause;
 *     {@link io.newswatch.alerts.delivery.FailedDeliveries} sends those again ({@code newswatch deliveries retry}).</li>
 * <li>{@link io.newswatch.alerts.delivery.Policy} and {@code Router}: routing, throttling and digests, decided on the
 *     alert's stream time. An alert of a shadow rule ({@code Alert.shadow}) goes to no channel: it is only stored
 *     and shown on the desk.</li>
 * </ul>
 *
 * <p>Bounds: at most {@code MAX_PENDING} (20,000) alert records wait on channels before the loop pauses reading;
 * the ledger in memory holds one small entry per alert version and channel of the last
 * {@code topics.deliveries.retention} (default 30 days), and alerts older than that are skipped, not sent.
 */
package io.newswatch.alerts.delivery;
