package io.newswatch.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.health.Health;

/**
 * Publishes each health component as a gauge, {@code newswatch_health_ready{component="..."}} (1 ready, 0 not), so
 * that Prometheus can alert on a stuck channel or a stalled poller without scraping the health endpoints.
 */
final class HealthMetrics {
    private HealthMetrics() {
    }

    /** One gauge per component registered so far; call once every service has registered its components. */
    static void bind(Health health, MeterRegistry registry) {
        for (String component : health.report(Health.Probe.READY).components().keySet()) {
            Gauge.builder("newswatch.health.ready", health, h -> {
                        Health.Status s = h.report(Health.Probe.READY).components().get(component);
                        return s != null && s.up() ? 1 : 0;
                    })
                    .tag("component", component).description("1 when the component is ready (see /health/ready), else 0").register(registry);
        }
    }
}
