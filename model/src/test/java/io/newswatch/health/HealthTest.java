package io.newswatch.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The health registry; the HTTP endpoints that serve it are exercised by {@code ReadinessIT}. */
class HealthTest {

    @Test
    void shouldLeaveReadinessOnlyChecksOutOfLiveness() {
        Health h = new Health()
                .live("ingest", () -> Health.Status.up("polling"))
                .ready("kafka", () -> Health.Status.down("unreachable since 2026-01-01T00:00:00Z"));

        Health.Report live = h.report(Health.Probe.LIVE);
        Health.Report ready = h.report(Health.Probe.READY);

        assertThat(live.up()).isTrue();
        assertThat(live.components()).containsOnlyKeys("ingest");
        assertThat(live.httpStatus()).isEqualTo(200);
        assertThat(ready.up()).isFalse();
        assertThat(ready.components()).containsOnlyKeys("ingest", "kafka");
        assertThat(ready.httpStatus()).isEqualTo(503);
    }

    @Test
    void shouldAnswerEachProbeWithItsOwnCheckForAComponentWithBoth() {
        Health h = new Health().component("processor", () -> Health.Status.up("REBALANCING"), () -> Health.Status.down("REBALANCING"));

        assertThat(h.report(Health.Probe.LIVE).up()).isTrue();
        assertThat(h.report(Health.Probe.READY).up()).isFalse();
        assertThat(h.report(Health.Probe.READY).components().get("processor").state()).isEqualTo("REBALANCING");
    }

    @Test
    void shouldReportACheckThatThrowsAsDownWithItsMessage() {
        Health h = new Health().live("alert-view", () -> {
            throw new IllegalStateException("view closed");
        });

        Health.Report r = h.report(Health.Probe.LIVE);

        assertThat(r.up()).isFalse();
        assertThat(r.components().get("alert-view").state()).contains("view closed");
    }

    @Test
    void shouldFollowTheCheckOnEveryReport() {
        AtomicBoolean reachable = new AtomicBoolean(false);
        Health h = new Health().ready("kafka", () -> Health.Status.of(reachable.get(), reachable.get() ? "reachable" : "unreachable"));

        assertThat(h.report(Health.Probe.READY).up()).isFalse();
        reachable.set(true);
        assertThat(h.report(Health.Probe.READY).up()).isTrue();
    }

    @Test
    void shouldKeepTheFormerChecksShapeBesideTheComponents() {
        Health h = new Health().live("ingest", () -> Health.Status.up("polling")).ready("kafka", () -> Health.Status.down("unreachable"));

        Map<String, Object> body = h.report(Health.Probe.READY).body();

        assertThat(body).containsEntry("status", "DOWN").containsEntry("probe", "ready");
        assertThat(body.get("checks")).isEqualTo(Map.of("ingest", "UP", "kafka", "DOWN"));
        assertThat(body.get("components")).isEqualTo(Map.of(
                "ingest", Map.of("status", "UP", "state", "polling"),
                "kafka", Map.of("status", "DOWN", "state", "unreachable")));
    }

    @Test
    void shouldRefuseAComponentRegisteredTwice() {
        Health h = new Health().live("ingest", () -> Health.Status.up("x"));

        assertThatThrownBy(() -> h.ready("ingest", () -> Health.Status.up("y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("health component ingest is registered twice");
        assertThatThrownBy(() -> h.live(" ", () -> Health.Status.up("y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("health component name must not be blank");
    }

    @Test
    void shouldMapPathsToProbes() {
        assertThat(Health.Probe.ofPath("/health/live")).isEqualTo(Health.Probe.LIVE);
        assertThat(Health.Probe.ofPath("/health/ready")).isEqualTo(Health.Probe.READY);
        assertThat(Health.Probe.ofPath("/health")).isEqualTo(Health.Probe.READY);
        assertThat(Health.Probe.ofPath("/health/other")).isNull();
    }
}
