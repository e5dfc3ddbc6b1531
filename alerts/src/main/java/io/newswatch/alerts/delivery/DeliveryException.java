package io.newswatch.alerts.delivery;

/** An alert that a channel could not deliver; {@link #retryable()} says whether trying again may help. */
public class DeliveryException extends Exception {
    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
