package io.newswatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.health.Health;
import io.newswatch.model.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The alerts API on a real HTTP port behind a base path ({@code alerts.http.basePath}), as a reverse proxy that
 * forwards {@code /newswatch/...} unchanged sees it; the alert view is not started (no broker needed here).
 */
class AlertsApiBasePathIT {

    @Test
    void shouldServeHealthAndMetricsUnderTheBasePathOnly() throws Exception {
        Properties consumer = new Properties();
        consumer.setProperty("bootstrap.servers", "127.0.0.1:1");
        Health health = new Health().live("thing", () -> Health.Status.up("fine"));
        try (AlertsApi api = new AlertsApi(new RecentAlerts(Topics.defaults(), consumer, 10), health, () -> "# metrics\n", "/newswatch")) {
            int port = api.start("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> live = get(http, "http://127.0.0.1:" + port + "/newswatch/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"thing\":\"UP\"");
            assertThat(get(http, "http://127.0.0.1:" + port + "/newswatch/metrics").body()).isEqualTo("# metrics\n");
            assertThat(get(http, "http://127.0.0.1:" + port + "/health/live").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
    }
}
