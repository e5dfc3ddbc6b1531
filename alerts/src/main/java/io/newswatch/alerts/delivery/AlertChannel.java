package io.newswatch.alerts.delivery;

/**
 * Somewhere alerts go: a log, a webhook, Slack, Teams, email. Each channel has its own delivery thread
 * ({@link ChannelWorker}), so an implementation may block up to its own timeout; a failure is reported by
 * throwing {@link DeliveryException}, and the worker retries with backoff, then records the failure.
 * Implementations never log secrets or whole URLs that carry tokens.
 */
public interface AlertChannel extends AutoCloseable {

    /** The channel's id from the configuration ({@code alerts.channels[].id}), for logs, metrics and the ledger. */
    String name();

    /** Delivers one notice (alert, follow-up or digest), or throws {@link DeliveryException}. */
    void deliver(Notice notice) throws DeliveryException;

    @Override
    default void close() {
    }
}
