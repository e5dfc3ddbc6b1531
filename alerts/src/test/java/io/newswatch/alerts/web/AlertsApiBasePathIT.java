package io.newswatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.alerts.desk.DeskEvents;
import io.newswatch.config.Config;
import io.newswatch.health.Health;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The alerts API on a real HTTP port behind a base path ({@code alerts.http.basePath}), as a reverse proxy that
 * forwards {@code /newswatch/...} unchanged sees it: health open, metrics and the desk's assets under the base path,
 * nothing at the root. No broker and no desk store are needed for these endpoints.
 */
class AlertsApiBasePathIT {

    @Test
    void shouldServeHealthAndMetricsUnderTheBasePathOnly() throws Exception {
        Health health = new Health().live("thing", () -> Health.Status.up("fine"));
        String token = AccessTokens.newToken();
        AccessTokens tokens = AccessTokens.fromConfig(Config.load(null, Map.of(), AlertsConfig.KEYS)).with("ops", Role.VIEWER, token);
        try (AlertsApi api = new AlertsApi(null, new DeskEvents(), null, null, tokens, new Sessions(Duration.ofHours(1), Clock.systemUTC()), health,
                () -> "# metrics\n", Clock.systemUTC(), "/newswatch")) {
            int port = api.start("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> live = get(http, "http://127.0.0.1:" + port + "/newswatch/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"thing\":\"UP\"");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newswatch/metrics"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).isEqualTo("# metrics\n");
            assertThat(get(http, "http://127.0.0.1:" + port + "/newswatch/metrics").statusCode()).isEqualTo(401);
            assertThat(get(http, "http://127.0.0.1:" + port + "/newswatch/desk.js").statusCode()).isEqualTo(200);
            assertThat(get(http, "http://127.0.0.1:" + port + "/health/live").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
    }
}
