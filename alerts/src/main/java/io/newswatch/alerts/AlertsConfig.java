package io.newswatch.alerts;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.ConfigType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The alerts service's settings, read once from {@link Config}.
 *
 * @param applicationId  Kafka Streams application id of the alert raiser (also its consumer group)
 * @param stateDir       where the raiser keeps its local state
 * @param dedupRetention how long "this story already alerted on this rule" is remembered
 * @param httpHost       address the web page and API bind to
 * @param httpPort       their port (0 = any free port)
 * @param keep           how many recent alerts the API serves from memory
 * @param deliveryGroup  consumer group of delivery; its committed offsets are what "delivered" means
 */
public record AlertsConfig(String applicationId, Path stateDir, Duration dedupRetention, String httpHost, int httpPort, int keep,
                           String deliveryGroup) {

    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.of("alerts.applicationId", ConfigType.STRING, "newswatch-alerts",
            "Kafka Streams application id (and consumer group) of the alert raiser.");
    public static final ConfigKey<Path> STATE_DIR = ConfigKey.of("alerts.stateDir", ConfigType.PATH, Path.of("data/streams"),
            "Local state of the alert raiser (rebuilt from its changelog when lost).");
    public static final ConfigKey<Duration> DEDUP_RETENTION = ConfigKey.of("alerts.dedupRetention", ConfigType.DURATION_TYPE, Duration.ofDays(30),
            "How long a story+rule pair that alerted is remembered; a story that resurfaces later alerts again.")
            .validatedBy(d -> d.toMinutes() >= 1, "must be at least 1m");
    public static final ConfigKey<String> HTTP_HOST = ConfigKey.of("alerts.http.host", ConfigType.STRING, "127.0.0.1",
            "Address the alerts API, /health and /metrics bind to; 0.0.0.0 in containers.");
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.of("alerts.http.port", ConfigType.INT, 8080,
            "Port of the alerts API, /health and /metrics (0 picks a free port).").validatedBy(p -> p >= 0 && p <= 65535, "must be 0-65535");
    public static final ConfigKey<Integer> KEEP = ConfigKey.of("alerts.api.keep", ConfigType.INT, 10_000,
            "Recent alerts the API keeps in memory (older ones remain on the alerts topic).").validatedBy(n -> n >= 1, "must be >= 1");
    public static final ConfigKey<String> DELIVERY_GROUP = ConfigKey.of("alerts.deliveryGroup", ConfigType.STRING, "newswatch-alerts-delivery",
            "Consumer group of alert delivery; delivery resumes after its committed offset.");

    public static final List<ConfigKey<?>> KEYS = List.of(APPLICATION_ID, STATE_DIR, DEDUP_RETENTION, HTTP_HOST, HTTP_PORT, KEEP, DELIVERY_GROUP);

    public static AlertsConfig from(Config c) {
        return new AlertsConfig(c.get(APPLICATION_ID), c.get(STATE_DIR), c.get(DEDUP_RETENTION), c.get(HTTP_HOST), c.get(HTTP_PORT),
                c.get(KEEP), c.get(DELIVERY_GROUP));
    }
}
