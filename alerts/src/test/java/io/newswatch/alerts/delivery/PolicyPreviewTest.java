package io.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The notices policies would send, decided by the delivery router: throttled overflow in digests, unrouted and shadow alerts. */
class PolicyPreviewTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    static Alert alert(String id, String rule, Instant raised, boolean shadow) {
        return new Alert(Alert.SCHEMA_VERSION, id, "story-" + id, rule, "v1", "high", "art-" + id, "Title", "https://x.example/" + id,
                "Wire", "en", null, List.of(), List.of(), raised, 1, raised, null, null, 1, shadow);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSayWhichAlertsEachPolicyWouldSendAndWhichGoIntoDigests() {
        Policy drones = new Policy("drones", Set.of("slack"), Set.of("drone-training"), Set.of(), Set.of(), Set.of(), 2, Duration.ofHours(1), null);
        Policy daily = new Policy("daily", Set.of("mail"), Set.of(), Set.of(), Set.of(), Set.of(), 0, Duration.ofHours(1), Duration.ofDays(1));
        List<Alert> alerts = List.of(alert("d3", "drone-training", T.plusSeconds(30), false), alert("d1", "drone-training", T, false),
                alert("d2", "drone-training", T.plusSeconds(10), false), alert("c1", "cartel-recruitment", T.plusSeconds(5), false),
                alert("s1", "drone-training", T.plusSeconds(1), true));

        Map<String, Object> preview = PolicyPreview.of(List.of(drones, daily), Set.of("slack", "mail", "hook"), alerts);

        Map<String, Object> policies = (Map<String, Object>) preview.get("policies");
        Map<String, Object> slack = (Map<String, Object>) ((Map<String, Object>) policies.get("drones")).get("slack");
        assertThat(slack.get("sent")).isEqualTo(List.of("d1", "d2"));
        assertThat(slack.get("digests")).isEqualTo(Map.of("2026-03-01T10:00:00Z", List.of("d3")));
        Map<String, Object> mail = (Map<String, Object>) ((Map<String, Object>) policies.get("daily")).get("mail");
        assertThat(mail.get("sent")).isEqualTo(List.of());
        assertThat(mail.get("digests")).isEqualTo(Map.of("2026-03-01T00:00:00Z", List.of("d1", "c1", "d2", "d3")));
        assertThat(preview.get("unrouted")).isEqualTo(List.of());
        assertThat(preview.get("shadow")).isEqualTo(List.of("s1"));

        Map<String, Object> onlyDrones = PolicyPreview.of(List.of(drones), Set.of("slack"), alerts);
        assertThat(onlyDrones.get("unrouted")).isEqualTo(List.of("c1"));
    }
}
