package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.alerts.AlertsConfig;
import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.web.AccessTokens;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.Notice;
import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.health.Health;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestService;
import io.newswatch.model.Alert;
import io.newswatch.model.topic.Json;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real broker: a local HTTP server serves an RSS feed (e2e/feed.xml) whose pages hold a
 * matching article, a syndicated near-copy of it, and an unrelated one. Exactly one alert must arrive, and a
 * restart of every service must neither re-raise nor re-deliver it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class EndToEndIT {
    static final Duration PATIENCE = Duration.ofMinutes(3);
    static final String TOKEN = "nw_end-to-end-viewer-token";

    @TempDir
    Path dir;

    final List<Alert> delivered = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAlertOnceForTheMatchingStoryAndNotAgainAfterRestart(KafkaCluster kafka) throws Exception {
        try (DemoFeedServer feedServer = new DemoFeedServer("/e2e")) {
            Path feeds = dir.resolve("feeds.yaml");
            Files.writeString(feeds, """
                    feeds:
                      - id: e2e-wire
                        url: %s/feed.xml
                        source: E2E Wire
                        lang: en
                        pollInterval: 30s
                        fullText: true
                    """.formatted(feedServer.baseUrl()));
            Config config = Config.load(null, Map.of(), AllKeys.all()).withKafka(kafka.clientSettings())
                    .with(IngestConfig.FEEDS, feeds, "test")
                    .with(IngestConfig.EGRESS_ALLOW, List.of("127.0.0.0/8"), "test")
                    .with(ProcessorConfig.STATE_DIR, dir.resolve("streams"), "test")
                    .with(AlertsConfig.STATE_DIR, dir.resolve("streams"), "test")
                    .with(AlertsConfig.HTTP_PORT, 0, "test")
                    .with(AlertsConfig.AUTH_TOKENS, List.<Map<String, Object>>of(Map.of("name", "e2e", "role", "viewer", "sha256", AccessTokens.sha256Hex(TOKEN))), "test");
            TopicSetup.createAll(config);

            int port;
            int alertsBefore;
            try (Pipeline p = new Pipeline(config)) {
                port = p.alerts.port();
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> !delivered.isEmpty());
                // give the near-copy and the unrelated article time to pass through as well
                await().atMost(PATIENCE).until(() -> p.ingest.feedStates().get("e2e-wire") != null
                        && p.ingest.feedStates().get("e2e-wire").seen().size() == 3);
                Thread.sleep(5_000);
                // one story (the article and its syndicated copy), one alert per rule that fired on it
                assertThat(delivered).extracting(Alert::storyId).containsOnly(delivered.get(0).storyId());
                assertThat(delivered).extracting(Alert::ruleId).doesNotHaveDuplicates().contains("drone-training");
                assertThat(delivered).allSatisfy(a -> {
                    assertThat(a.url()).contains("/pages/").doesNotContain("bakery");
                    assertThat(a.snippets()).isNotEmpty();
                });
                int raised = delivered.size();
                List<Alert> api = apiAlerts(port);
                assertThat(api).extracting(Alert::alertId).containsExactlyInAnyOrderElementsOf(delivered.stream().map(Alert::alertId).toList());
                assertThat(raised).isPositive();
                alertsBefore = raised;
            }

            delivered.clear();
            try (Pipeline p = new Pipeline(config)) {
                // the restarted ingest restores its state and polls again: nothing is new, nothing is re-raised
                await().atMost(PATIENCE).until(() -> p.ingest.feedStates().get("e2e-wire") != null
                        && p.ingest.feedStates().get("e2e-wire").polls() >= 2);
                int restartedPort = p.alerts.port();
                await().atMost(PATIENCE).until(() -> apiAlerts(restartedPort).size() == alertsBefore);
                Thread.sleep(5_000);
                assertThat(delivered).isEmpty();
                assertThat(apiAlerts(restartedPort)).hasSize(alertsBefore);
            }
        }
    }

    List<Alert> apiAlerts(int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<Alert> out = new ArrayList<>();
        for (JsonNode row : Json.mapper().readTree(r.body()).get("items")) {
            out.add(Json.mapper().treeToValue(row.get("alert"), Alert.class));
        }
        return out;
    }

    /** processor, alerts and ingest, started in that order and closed in reverse, like {@code run}. */
    final class Pipeline implements AutoCloseable {
        final ProcessorService processor;
        final AlertsService alerts;
        final IngestService ingest;

        Pipeline(Config config) {
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            processor = new ProcessorService(config, metrics).start();
            AlertChannel recorder = new AlertChannel() {
                @Override
                public String name() {
                    return "recorder";
                }

                @Override
                public void deliver(Notice notice) {
                    delivered.addAll(notice.alerts());
                }
            };
            alerts = new AlertsService(config, List.of(recorder), metrics, () -> "", new Health()).start();
            ingest = new IngestService(config, metrics, List.of()).start();
        }

        @Override
        public void close() {
            ingest.close();
            alerts.close();
            processor.close();
        }
    }
}
