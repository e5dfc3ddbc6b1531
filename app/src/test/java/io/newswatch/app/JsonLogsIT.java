package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.topic.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application ({@code target/newswatch.jar}, with its own logback.xml) run as {@code run --demo} in a
 * separate JVM with {@code NEWSWATCH_LOGGING_FORMAT=json}: every line on standard output parses as a JSON object
 * with timestamp, level, loggerName and formattedMessage; the feed and alert ids arrive as mdc fields; SIGTERM
 * stops it cleanly (the lifecycle logs "stopped"); and standard error holds no Lucene notice.
 */
class JsonLogsIT {
    @TempDir
    Path dir;

    @Test
    void shouldWriteOnlyJsonLinesOnStdoutInJsonFormat() throws Exception {
        Path jar = Path.of("target", "newswatch.jar").toAbsolutePath();
        assertThat(jar).as("the packaged application (mvn package runs before the integration tests)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar.toString(), "run", "--demo")
                .directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NEWSWATCH_") || k.startsWith("KAFKA_"));
        env.put("NEWSWATCH_LOGGING_FORMAT", "json");
        env.put("NEWSWATCH_BROKER_PORT", "0");
        env.put("NEWSWATCH_BROKER_CONTROLLER_PORT", "0");
        env.put("NEWSWATCH_ALERTS_HTTP_PORT", "0");
        Process p = pb.start();
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        Thread o = drain(p.getInputStream(), out);
        Thread e = drain(p.getErrorStream(), err);
        try {
            await("an alert logged with its alert id").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(p.isAlive()).as("process alive; stderr: %s", err).isTrue();
                return out.stream().anyMatch(l -> l.contains("\"alertId\"") && l.contains("ALERT ["));
            });
        } finally {
            p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stdout and lose the last lines
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("newswatch did not stop within 90 s of SIGTERM");
            }
            o.join(5000);
            e.join(5000);
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : out) {
            JsonNode n;
            try {
                n = Json.mapper().readTree(line);
            } catch (IOException ex) {
                throw new AssertionError("a stdout line is not JSON: " + line, ex);
            }
            assertThat(n.isObject()).as(line).isTrue();
            assertThat(n.path("timestamp").isNumber()).as(line).isTrue();
            assertThat(n.path("level").asText()).as(line).isNotEmpty();
            assertThat(n.path("loggerName").asText()).as(line).isNotEmpty();
            assertThat(n.has("formattedMessage")).as(line).isTrue();
            events.add(n);
        }
        assertThat(events).anySatisfy(n -> assertThat(n.path("mdc").path("feed").asText()).isEqualTo("newswatch-demo"));
        assertThat(events).anySatisfy(n -> {
            assertThat(n.path("loggerName").asText()).isEqualTo("newswatch.alerts");
            assertThat(n.path("mdc").path("alertId").asText()).isNotEmpty();
            assertThat(n.path("mdc").path("rule").asText()).isNotEmpty();
        });
        assertThat(events).anySatisfy(n -> assertThat(n.path("formattedMessage").asText()).startsWith("newswatch is running"));
        assertThat(events.stream().map(n -> n.path("formattedMessage").asText()))
                .as("the lifecycle closed every component on SIGTERM; last lines: %s", out.subList(Math.max(0, out.size() - 3), out.size()))
                .contains("stopping", "stopped");
        assertThat(err).noneMatch(l -> l.contains("lucene") || l.contains("Vector"));
        assertThat(Files.exists(dir.resolve("data"))).isTrue();
    }

    private static Thread drain(java.io.InputStream in, List<String> lines) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }
}
