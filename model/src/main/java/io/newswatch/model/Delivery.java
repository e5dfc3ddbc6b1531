package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One record of the delivery ledger ({@code newswatch.deliveries}, compacted, key {@link #key()}): what happened
 * to one alert version, or one digest, on one channel. Written only once the channel accepted the message
 * ({@link Status#DELIVERED}) or gave up on it ({@link Status#FAILED}); a later record with the same key replaces
 * the earlier one, so a retried failure becomes a delivery. {@link Status#STARTED} marks when a channel was
 * first seen, so that it never receives alerts raised before it existed. Immutable.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written
 * @param channel       the channel id
 * @param deliveryId    {@link Alert#deliveryId()}, or {@code digest-...} for a digest; empty for {@code STARTED}
 * @param status        what happened
 * @param attempts      how many sends it took (or were tried)
 * @param cause         why it failed, {@code null} unless {@code FAILED}
 * @param at            when it was recorded (wall clock); for {@code STARTED}, where the channel starts
 * @param covers        for a digest, the delivery ids of the alert versions it carried; else empty
 * @param alerts        for {@code FAILED}, the alert versions to send again on retry; else empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Delivery(int schemaVersion, String channel, String deliveryId, Status status, int attempts, String cause, Instant at,
                       List<String> covers, List<Alert> alerts) {

    public static final int SCHEMA_VERSION = 1;

    /** The outcome a ledger record holds. */
    public enum Status {
        /** The channel accepted it. */
        DELIVERED,
        /** Every attempt failed, or the channel refused it for good; {@code cause} says why. */
        FAILED,
        /** The channel's start: alerts raised before {@code at} are not sent to it. */
        STARTED
    }

    public Delivery {
        Validate.notBlank(channel, "channel");
        Validate.notNull(status, "status");
        Validate.notNull(at, "at");
        deliveryId = deliveryId == null ? "" : deliveryId;
        Validate.isTrue(status == Status.STARTED || !deliveryId.isEmpty(), "deliveryId must not be blank");
        covers = covers == null ? List.of() : List.copyOf(covers);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** The ledger key of a delivery: {@code channel/deliveryId}. */
    public static String key(String channel, String deliveryId) {
        return channel + "/" + deliveryId;
    }

    /** The ledger key of a channel's start marker. */
    public static String startKey(String channel) {
        return channel + "/";
    }

    public String key() {
        return status == Status.STARTED ? startKey(channel) : key(channel, deliveryId);
    }
}
