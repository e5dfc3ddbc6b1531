package io.newswatch.alerts.delivery;

import io.newswatch.config.Config;
import java.util.List;

/**
 * The delivery channels a configuration asks for, built in this one place for every way the alert service runs
 * ({@code run}, {@code alerts} alone, the tests). The log channel is always on, so that every alert leaves a trace.
 * Stateless.
 */
public final class AlertChannels {
    private AlertChannels() {
    }

    /** The channels of {@code config}; none of them has opened a connection yet. */
    public static List<AlertChannel> fromConfig(Config config) {
        return List.of(new LogChannel());
    }
}
