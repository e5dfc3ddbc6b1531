package io.newswatch.app;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.app.broker.BrokerConfig;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.TopicKeys;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.processor.ProcessorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every config key newswatch declares, in the order of the README's table. */
public final class AllKeys {
    static final Path DEFAULT_FILE = Path.of("newswatch.yaml");

    private AllKeys() {
    }

    public static List<ConfigKey<?>> all() {
        List<ConfigKey<?>> keys = new ArrayList<>();
        keys.addAll(TopicKeys.KEYS);
        keys.addAll(BrokerConfig.KEYS);
        keys.addAll(IngestConfig.KEYS);
        keys.addAll(ProcessorConfig.KEYS);
        keys.addAll(AlertsConfig.KEYS);
        keys.addAll(OpsServer.KEYS);
        keys.addAll(LogFormat.KEYS);
        return keys;
    }

    /** Loads {@code file}, or {@code ./newswatch.yaml} when present, or defaults; then the environment. */
    static Config load(Path file, Map<String, String> env) {
        Path chosen = file != null ? file : (Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null);
        return Config.load(chosen, env, all());
    }

    /** The config table in Markdown, generated from the declarations so that docs and validation agree. */
    static String markdownTable() {
        StringBuilder sb = new StringBuilder("| key | environment variable | type | default | description |\n|---|---|---|---|---|\n");
        for (ConfigKey<?> k : all()) {
            Object d = k.defaultValue();
            String dflt = d == null ? "(unset)" : d instanceof java.time.Duration dur ? human(dur) : d.toString();
            if (d instanceof List<?> l && l.isEmpty()) {
                dflt = "(empty)";
            }
            sb.append("| `").append(k.name()).append("` | `").append(k.envName()).append("` | ").append(k.type().name()).append(" | `")
                    .append(dflt).append("` | ").append(k.description()).append(k.rule() == null ? "" : " Value " + k.rule() + ".").append(" |\n");
        }
        sb.append("| `kafka.*` | `KAFKA_BOOTSTRAP_SERVERS`, `NEWSWATCH_KAFKA_*` | map | (empty) | Passed verbatim to every Kafka client "
                + "(e.g. `bootstrap.servers`, `security.protocol`, `sasl.jaas.config`); empty `bootstrap.servers` makes `run` start the embedded broker. |\n");
        return sb.toString();
    }

    private static String human(java.time.Duration d) {
        if (d.toDays() >= 7 && d.equals(java.time.Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        } else if (d.toHours() > 0 && d.equals(java.time.Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        } else if (d.toMinutes() > 0 && d.equals(java.time.Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        } else if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}
