package io.newswatch.alerts.channel;

import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.Notice;
import io.newswatch.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one log line per notice (logger {@code newswatch.alerts}); the default channel, so every alert leaves a trace. */
final class LogChannel implements AlertChannel {
    private static final Logger ALERTS = LoggerFactory.getLogger("newswatch.alerts");
    private final String id;

    LogChannel(String id) {
        this.id = id;
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public void deliver(Notice n) {
        if (n.kind() == Notice.Kind.DIGEST) {
            ALERTS.info("DIGEST policy={} alerts={} window={}..{} ids={}", n.policy(), n.alerts().size(), n.windowStart(), n.windowEnd(),
                    n.alerts().stream().map(Alert::alertId).toList());
            return;
        }
        Alert a = n.alert();
        AlertSummary s = AlertSummary.of(a);
        ALERTS.info("{} [{}] rule={} story={} v{} source=\"{}\" lang={} outlets={} languages={} title=\"{}\" url={}",
                n.kind() == Notice.Kind.UPDATE ? "UPDATE" : "ALERT", a.severity(), a.ruleId(), a.storyId(), a.version(), s.source(), a.lang(),
                s.outlets(), s.languages(), s.headline(), a.url());
    }
}
