package io.newswatch.alerts.delivery;

import java.time.Duration;

/**
 * A message that a channel could not deliver. {@link #retryable()} says whether trying again may help,
 * {@link #retryAfter()} how long the receiver asked us to wait (429 or 503 {@code Retry-After}), and
 * {@link #disablesChannel()} that the receiver said the endpoint is gone for good (HTTP 410).
 */
public class DeliveryException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;
    private final boolean disablesChannel;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, null, false, cause);
    }

    public DeliveryException(String message, boolean retryable, Duration retryAfter, boolean disablesChannel, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.disablesChannel = disablesChannel;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the receiver asked for, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean disablesChannel() {
        return disablesChannel;
    }
}
