package io.newswatch.alerts.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * How one channel is delivered to, apart from its destination: its id and type, where it starts, whether it gets
 * follow-ups, and its retry schedule. Immutable.
 *
 * @param id          {@code alerts.channels[].id}
 * @param type        {@code webhook}, {@code slack}, {@code teams}, {@code email} or {@code log}
 * @param since       alerts raised before this are never sent to the channel; {@code null} = from the channel's
 *                    first start (recorded in the delivery ledger)
 * @param updates     whether follow-ups (alert versions 2+) are sent
 * @param timeout     longest time one attempt may take
 * @param maxAttempts attempts before a delivery is recorded as failed
 * @param backoff     wait after the first failed attempt; doubles per attempt, with jitter
 * @param backoffMax  longest wait between attempts (a longer {@code Retry-After} is honoured up to 1 h)
 */
public record ChannelSpec(String id, String type, Instant since, boolean updates, Duration timeout, int maxAttempts, Duration backoff,
                          Duration backoffMax) {
}
