package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.app.broker.EmbeddedKafkaBroker;
import io.newswatch.config.Config;
import io.newswatch.config.TopicKeys;
import io.newswatch.health.Health;
import io.newswatch.model.topic.Json;
import io.newswatch.processor.ProcessorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor service on a real broker that is stopped and started again under it: readiness goes DOWN naming
 * the broker, liveness stays UP (no restart), and readiness comes back UP in the same process. The registry's
 * own rules are in {@code HealthTest}.
 */
class ReadinessIT {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldBeUnreadyWhileTheBrokerIsStoppedAndReadyAgainAfterWithoutRestart() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0, 0).start();
        Config config = Config.load(null, Map.of(), AllKeys.all())
                .withKafka(Map.of("bootstrap.servers", broker.bootstrapServers()))
                .with(TopicKeys.PREFIX, "ready", "test")
                .with(ProcessorConfig.APPLICATION_ID, "ready-processor", "test")
                .with(ProcessorConfig.STATE_DIR, dir.resolve("streams"), "test")
                .with(OpsServer.PORT, 0, "test");
        TopicSetup.createAll(config);
        try (Lifecycle life = new Lifecycle()) {
            Metrics metrics = life.add("metrics", new Metrics());
            Health health = KafkaChecks.health(config, life);
            OpsServer ops = ServiceCommands.Process.start(config, life, metrics, health);
            String base = "http://127.0.0.1:" + ops.port();

            await("ready at start").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(base + "/health/ready").statusCode() == 200);
            JsonNode up = Json.mapper().readTree(get(base + "/health/ready").body());
            assertThat(up.path("components").path("kafka").path("state").asText()).isEqualTo("reachable: 1 broker");
            assertThat(up.path("components").path("processor").path("state").asText()).isEqualTo("analysis RUNNING, ordered RUNNING");

            broker.close();
            await("unready while the broker is stopped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(base + "/health/ready").statusCode() == 503);
            JsonNode down = Json.mapper().readTree(get(base + "/health/ready").body());
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("components").path("kafka").path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("components").path("kafka").path("state").asText()).startsWith("unreachable since ");
            HttpResponse<String> live = get(base + "/health/live");
            assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
            // the container health check's view of the same
            assertThat(Newswatch.execute("health", "--url", base)).isEqualTo(1);
            assertThat(Newswatch.execute("health", "--probe", "live", "--url", base)).isZero();
            assertThat(get(base + "/health").statusCode()).isEqualTo(503);

            broker.start();
            await("ready again after the broker is back").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(base + "/health/ready").statusCode() == 200);
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(base + "/health/other").statusCode()).isEqualTo(404);
            assertThat(Newswatch.execute("health", "--url", base)).isZero();
        } finally {
            broker.close();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
