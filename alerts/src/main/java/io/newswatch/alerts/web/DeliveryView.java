package io.newswatch.alerts.web;

import java.util.List;
import java.util.Map;

/** What the desk may see and do of delivery: the channels (never their secrets or URLs) and retrying failures. */
public interface DeliveryView {

    /** Each channel: {@code id}, {@code type}, {@code updates}, {@code since}, {@code up}, {@code failed} (count). */
    List<Map<String, Object>> channels();

    /** Whether {@code channel} is configured. */
    boolean has(String channel);

    /**
     * Sends failed deliveries of {@code channel} again: the one of {@code deliveryId}, or all when {@code null}.
     *
     * @return one line per delivery tried
     */
    List<String> retry(String channel, String deliveryId);
}
