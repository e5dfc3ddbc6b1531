package io.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The router sends a shadow rule's alerts nowhere, with or without policies, and counts them in no throttle. */
class RouterTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    static Alert alert(String id, boolean shadow) {
        return new Alert(Alert.SCHEMA_VERSION, id, "story-" + id, "drone-training", "v1", "high", "art-" + id, "Title", "https://x.example/" + id,
                "Wire", "en", null, List.of(), List.of(), T, 1, T, null, null, 1, shadow);
    }

    @Test
    void shouldSendAShadowRulesAlertToNoChannel() {
        Router open = new Router(List.of());
        Policy onePerHour = new Policy("drones", Set.of("slack"), Set.of("drone-training"), Set.of(), Set.of(), Set.of(), 1, Duration.ofHours(1), null);
        Router throttled = new Router(List.of(onePerHour));

        assertThat(open.decide(alert("s1", true), "slack", T).kind()).isEqualTo(Router.Decision.Kind.SKIP);
        assertThat(open.decide(alert("a1", false), "slack", T).kind()).isEqualTo(Router.Decision.Kind.SEND);
        assertThat(throttled.decide(alert("s1", true), "slack", T).kind()).isEqualTo(Router.Decision.Kind.SKIP);
        // the shadow alert took no place in the throttle: the first live alert of the hour is still sent
        assertThat(throttled.decide(alert("a1", false), "slack", T).kind()).isEqualTo(Router.Decision.Kind.SEND);
        assertThat(throttled.decide(alert("a2", false), "slack", T).kind()).isEqualTo(Router.Decision.Kind.DIGEST);
    }
}
