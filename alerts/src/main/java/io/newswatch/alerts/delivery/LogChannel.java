package io.newswatch.alerts.delivery;

import io.newswatch.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one log line per alert (logger {@code newswatch.alerts}); always on, so every alert leaves a trace. */
public final class LogChannel implements AlertChannel {
    private static final Logger ALERTS = LoggerFactory.getLogger("newswatch.alerts");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void deliver(Alert a) {
        ALERTS.info("ALERT [{}] rule={} story={} source=\"{}\" lang={} title=\"{}\" url={}", a.severity(), a.ruleId(), a.storyId(),
                a.source(), a.lang(), a.title(), a.url());
    }
}
