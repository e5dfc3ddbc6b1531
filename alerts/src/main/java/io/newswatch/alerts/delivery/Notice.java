package io.newswatch.alerts.delivery;

import io.newswatch.model.Alert;
import io.newswatch.model.ArticleId;
import io.newswatch.model.Validate;
import java.time.Instant;
import java.util.List;

/**
 * One message for one channel: a new alert, a follow-up to one, or a digest of several. Immutable.
 *
 * @param deliveryId  the idempotency key: {@link Alert#deliveryId()}, or {@code digest-<policy>-<window start>}
 *                    for a digest; the same on every attempt
 * @param kind        what it is
 * @param alerts      the alert (one) or the digest's alerts (at least one), newest version of each
 * @param policy      the policy that made the digest, {@code null} otherwise
 * @param windowStart start of the digest's window (stream time), {@code null} otherwise
 * @param windowEnd   end of the digest's window, {@code null} otherwise
 */
public record Notice(String deliveryId, Kind kind, List<Alert> alerts, String policy, Instant windowStart, Instant windowEnd) {

    /** What a notice is. */
    public enum Kind {
        /** A newly raised alert (version 1, or a story that resurfaced). */
        ALERT,
        /** A later version of an alert already sent: the story grew. */
        UPDATE,
        /** Several alerts rolled into one message by a policy's throttle or digest schedule. */
        DIGEST
    }

    public Notice {
        Validate.notBlank(deliveryId, "deliveryId");
        Validate.notNull(kind, "kind");
        alerts = List.copyOf(Validate.notNull(alerts, "alerts"));
        Validate.isTrue(!alerts.isEmpty(), "a notice carries at least one alert");
        Validate.isTrue(kind == Kind.DIGEST || alerts.size() == 1, "an alert or update notice carries exactly one alert");
    }

    /** The notice for one alert version: {@link Kind#UPDATE} for version 2 and later. */
    public static Notice of(Alert alert) {
        return new Notice(alert.deliveryId(), alert.isUpdate() ? Kind.UPDATE : Kind.ALERT, List.of(alert), null, null, null);
    }

    /**
     * A digest of {@code alerts} for the window {@code [start, end)} of {@code policy}. Its id names the policy, the
     * window and (by hash) the alert versions it carries, so the same digest re-sent after a restart keeps its id.
     */
    public static Notice digest(String policy, Instant start, Instant end, List<Alert> alerts) {
        String carried = ArticleId.ofParts(alerts.stream().map(Alert::deliveryId).sorted().toArray(String[]::new));
        return new Notice("digest-" + policy + "-" + start.toEpochMilli() + "-" + carried, Kind.DIGEST, alerts, policy, start, end);
    }

    /** The single alert of an alert or update notice. */
    public Alert alert() {
        return alerts.get(0);
    }
}
