package io.newswatch.alerts.delivery;

import io.newswatch.model.Alert;

/**
 * Somewhere alerts go: a log, a webhook, Slack, email. Implementations are called from one delivery thread
 * and may block; a failure is reported by throwing, and the dispatcher retries, then dead-letters.
 */
public interface AlertChannel extends AutoCloseable {

    /** A short name for logs and metrics, e.g. {@code log}, {@code webhook}. */
    String name();

    /** Delivers one alert, or throws {@link DeliveryException}. */
    void deliver(Alert alert) throws DeliveryException;

    @Override
    default void close() {
    }
}
