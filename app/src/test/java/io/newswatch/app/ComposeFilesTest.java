package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.app.testkit.PlainYaml;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compose files against the CLI, without a Docker engine: every newswatch service's command and health check
 * parse as newswatch command lines, every environment variable is a config key's variable, a Kafka variable or a
 * secret the mounted config reads, the mounted config loads with that environment, each service waits for healthy
 * brokers and has a grace period that covers its shutdown, and named volumes are declared. The same files run on a
 * real engine in {@code ComposeIT} where Docker answers.
 */
class ComposeFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String IMAGE = "newswatch:latest";
    private static final String JAR = "/opt/newswatch/newswatch.jar";
    private static final Pattern COMPOSE_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)(:-[^}]*)?}");
    /** Longest shutdown of each command (Lifecycle closing Streams, producers and delivery), which stop_grace_period must cover. */
    private static final Map<String, Duration> SHUTDOWN = Map.of("ingest", Duration.ofSeconds(60), "process", Duration.ofSeconds(60),
            "alerts", Duration.ofSeconds(70), "run", Duration.ofSeconds(190));

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.cluster.yml"})
    void shouldRunEveryServiceWithACommandLineConfigAndEnvironmentTheCliAccepts(String file) throws Exception {
        Map<String, Object> compose = PlainYaml.read(ROOT.resolve(file));
        Map<String, Object> services = PlainYaml.map(compose.get("services"));
        List<String> brokers = services.entrySet().stream().filter(e -> !isNewswatch(PlainYaml.map(e.getValue())))
                .map(Map.Entry::getKey).toList();
        assertThat(brokers).as("Kafka services in %s", file).isNotEmpty();
        Set<String> namedVolumes = PlainYaml.map(compose.get("volumes")).keySet();
        int checked = 0;
        for (var e : services.entrySet()) {
            String name = e.getKey();
            Map<String, Object> service = PlainYaml.map(e.getValue());
            assertThat(service.get("healthcheck")).as("%s: %s has a health check", file, name).isNotNull();
            for (Object v : PlainYaml.list(service.get("volumes"))) {
                String source = v.toString().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(namedVolumes).as("%s: volume %s of %s is declared", file, source, name).contains(source);
                }
            }
            if (!isNewswatch(service)) {
                continue;
            }
            checked++;
            List<String> command = strings(service.get("command"));
            assertThat(Newswatch.execute(withHelp(command))).as("%s: %s's command %s parses", file, name, command).isZero();
            List<String> health = strings(PlainYaml.map(service.get("healthcheck")).get("test"));
            assertThat(health).as("%s: %s's health check runs newswatch", file, name).contains(JAR);
            List<String> healthArgs = health.subList(health.indexOf(JAR) + 1, health.size());
            assertThat(healthArgs.get(0)).isEqualTo("health");
            assertThat(Newswatch.execute(withHelp(healthArgs))).as("%s: %s's health check %s parses", file, name, healthArgs).isZero();

            Map<String, String> env = environment(service);
            Path config = mountedConfig(command, PlainYaml.list(service.get("volumes")));
            assertThat(config).as("%s: %s's --config is a mounted file of this checkout", file, name).isRegularFile();
            String configText = Files.readString(config);
            Set<String> known = AllKeys.all().stream().map(ConfigKey::envName).collect(Collectors.toSet());
            for (String var : env.keySet()) {
                boolean ok = known.contains(var) || var.equals("KAFKA_BOOTSTRAP_SERVERS") || var.startsWith("NEWSWATCH_KAFKA_")
                        || configText.contains("${env:" + var + "}");
                assertThat(ok).as("%s: %s's variable %s is a config key's variable or a secret its config reads", file, name, var).isTrue();
            }
            Config loaded = Config.load(config, env, AllKeys.all());
            assertThat(loaded.kafka()).containsKey("bootstrap.servers");
            AlertsConfig.from(loaded);
            assertThat(Newswatch.execute("health", "--config", config.toString(), "--help")).isZero();

            Map<String, Object> dependsOn = PlainYaml.map(service.get("depends_on"));
            for (String broker : brokers) {
                assertThat(PlainYaml.map(dependsOn.get(broker)).get("condition")).as("%s: %s waits for %s", file, name, broker)
                        .isEqualTo("service_healthy");
            }
            Duration grace = duration((String) service.get("stop_grace_period"));
            assertThat(grace).as("%s: %s's stop_grace_period covers its shutdown", file, name)
                    .isGreaterThanOrEqualTo(SHUTDOWN.get(command.get(0)));
        }
        assertThat(checked).as("newswatch services in %s", file).isEqualTo(3);
    }

    private static boolean isNewswatch(Map<String, Object> service) {
        return IMAGE.equals(service.get("image"));
    }

    private static List<String> strings(Object list) {
        return PlainYaml.list(list).stream().map(Object::toString).toList();
    }

    private static String[] withHelp(List<String> args) {
        List<String> a = new ArrayList<>(args);
        a.add("--help");
        return a.toArray(String[]::new);
    }

    /** The service's environment as the container sees it, {@code ${VAR:-default}} taken as its default. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        PlainYaml.map(service.get("environment")).forEach((k, v) -> {
            String value = v == null ? "" : v.toString();
            Matcher m = COMPOSE_VAR.matcher(value);
            env.put(k, m.replaceAll(r -> Matcher.quoteReplacement(r.group(2) == null ? "" : r.group(2).substring(2))));
        });
        return env;
    }

    /** The file of this checkout that the container reads as {@code --config}, through its bind mount. */
    private static Path mountedConfig(List<String> command, List<Object> volumes) {
        int i = command.indexOf("--config");
        assertThat(i).as("command %s names --config", command).isPositive();
        String inContainer = command.get(i + 1);
        for (Object v : volumes) {
            String[] parts = v.toString().split(":");
            if (parts[0].startsWith("./") && inContainer.startsWith(parts[1] + "/")) {
                return ROOT.resolve(parts[0]).resolve(inContainer.substring(parts[1].length() + 1)).normalize();
            }
        }
        throw new AssertionError("--config " + inContainer + " is not under a bind mount of the checkout: " + volumes);
    }

    private static Duration duration(String compose) {
        assertThat(compose).as("stop_grace_period").isNotNull().matches("\\d+s");
        return Duration.ofSeconds(Long.parseLong(compose.substring(0, compose.length() - 1)));
    }
}
