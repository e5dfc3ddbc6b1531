package io.newswatch.alerts;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.ConfigType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The alerts service's settings, read once from {@link Config}.
 *
 * @param applicationId  Kafka Streams application id of the alert raiser (also its consumer group)
 * @param stateDir       where the raiser keeps its local state
 * @param dedupRetention how long "this story already alerted on this rule" is remembered
 * @param httpHost       address the web page and API bind to
 * @param httpPort       their port (0 = any free port)
 * @param sessionTtl     how long a desk sign-in lasts without use
 * @param deliveryGroup  consumer group of delivery
 * @param updateInterval shortest stream time between two versions of one alert
 */
public record AlertsConfig(String applicationId, Path stateDir, Duration dedupRetention, String httpHost, int httpPort, Duration sessionTtl,
                           String deliveryGroup, Duration updateInterval) {

    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.of("alerts.applicationId", ConfigType.STRING, "newswatch-alerts",
            "Kafka Streams application id (and consumer group) of the alert raiser.");
    public static final ConfigKey<Path> STATE_DIR = ConfigKey.of("alerts.stateDir", ConfigType.PATH, Path.of("data/streams"),
            "Local state of the alert raiser (rebuilt from its changelog when lost).");
    public static final ConfigKey<Duration> DEDUP_RETENTION = ConfigKey.of("alerts.dedupRetention", ConfigType.DURATION_TYPE, Duration.ofDays(30),
            "How long an alerted story+rule stays open after its latest article (stream time): articles joining it within this time update the alert; a story quiet for longer that resurfaces raises a new alert.")
            .validatedBy(d -> d.toMinutes() >= 1, "must be at least 1m");
    public static final ConfigKey<String> HTTP_HOST = ConfigKey.of("alerts.http.host", ConfigType.STRING, "127.0.0.1",
            "Address the alerts API, /health and /metrics bind to; 0.0.0.0 in containers.");
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.of("alerts.http.port", ConfigType.INT, 8080,
            "Port of the alerts API, /health and /metrics (0 picks a free port).").validatedBy(p -> p >= 0 && p <= 65535, "must be 0-65535");
    public static final ConfigKey<List<Map<String, Object>>> AUTH_TOKENS = ConfigKey.of("alerts.auth.tokens", ConfigType.RECORDS, List.of(),
            "Who may use the desk and API: a list of maps {name, role, sha256}, role viewer (read), analyst (plus feedback) or admin (plus channels), "
                    + "sha256 the hex SHA-256 of the token (newswatch tokens new NAME --role R prints both); empty = only /health answers.");
    public static final ConfigKey<Duration> SESSION_TTL = ConfigKey.of("alerts.auth.sessionTtl", ConfigType.DURATION_TYPE, Duration.ofHours(12),
            "How long a desk sign-in (session cookie) lasts without use.").validatedBy(d -> d.toMinutes() >= 1, "must be at least 1m");
    public static final ConfigKey<String> HTTP_BASE_PATH = ConfigKey.of("alerts.http.basePath", ConfigType.STRING, "/",
            "Path under which the web page, API, /health and /metrics are served, for a reverse proxy that forwards e.g. /newswatch/... "
                    + "as it is; the proxy's Forwarded / X-Forwarded-* headers are honoured.")
            .validatedBy(p -> p.equals("/") || p.matches("(/[A-Za-z0-9._~-]+)+"), "must be / or a path such as /newswatch (no trailing /)");
    public static final ConfigKey<String> DELIVERY_GROUP = ConfigKey.of("alerts.deliveryGroup", ConfigType.STRING, "newswatch-alerts-delivery",
            "Consumer group of alert delivery; it resumes after the oldest alert not yet settled on every channel, and the delivery ledger skips what was sent.");
    public static final ConfigKey<Duration> UPDATE_INTERVAL = ConfigKey.of("alerts.updateInterval", ConfigType.DURATION_TYPE, Duration.ofMinutes(15),
            "Shortest stream time between two versions of one alert: articles joining an alerted story within it are gathered into one follow-up.")
            .validatedBy(d -> d.toMillis() >= 1000, "must be at least 1s");
    public static final ConfigKey<List<Map<String, Object>>> CHANNELS = ConfigKey.of("alerts.channels", ConfigType.RECORDS,
            List.of(Map.of("id", "log", "type", "log")),
            "Where alerts are delivered: a list of maps, each with id, type (webhook, slack, teams, email, log) and that type's keys (README: Alert channels); ${env:VAR} in a value reads a secret from the environment.");
    public static final ConfigKey<List<Map<String, Object>>> POLICIES = ConfigKey.of("alerts.policies", ConfigType.RECORDS, List.of(),
            "Routing policies: which rules, severities, languages and entities go to which channels, with throttle and digest (README: Alert policies); empty = every alert to every channel.");
    public static final ConfigKey<List<String>> EGRESS_ALLOW = ConfigKey.of("alerts.egressAllow", ConfigType.LIST, List.of(),
            "CIDRs that webhook, Slack and Teams URLs may point to even though they are loopback, private or link-local (e.g. 10.1.2.0/24 for an internal receiver).");

    public static final List<ConfigKey<?>> KEYS = List.of(APPLICATION_ID, STATE_DIR, DEDUP_RETENTION, HTTP_HOST, HTTP_PORT, HTTP_BASE_PATH, DELIVERY_GROUP,
            UPDATE_INTERVAL, CHANNELS, POLICIES, EGRESS_ALLOW, AUTH_TOKENS, SESSION_TTL);

    public static AlertsConfig from(Config c) {
        return new AlertsConfig(c.get(APPLICATION_ID), c.get(STATE_DIR), c.get(DEDUP_RETENTION), c.get(HTTP_HOST), c.get(HTTP_PORT),
                c.get(SESSION_TTL), c.get(DELIVERY_GROUP), c.get(UPDATE_INTERVAL));
    }
}
