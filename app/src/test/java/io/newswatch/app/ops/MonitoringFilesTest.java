package io.newswatch.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.app.testkit.PlainYaml;
import io.newswatch.model.topic.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules in docs/ops: they parse, and every newswatch metric they
 * query is one the code declares (a renamed meter breaks this test, not a dashboard at 3 a.m.).
 */
class MonitoringFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DECLARED = Pattern.compile("\"(newswatch\\.[a-z][a-z.]*[a-z])\"");
    private static final Pattern QUERIED = Pattern.compile("\\bnewswatch_[a-z_]*[a-z]\\b");

    @Test
    void shouldQueryOnlyDeclaredMetricsInTheDashboard() throws IOException {
        JsonNode dashboard = Json.mapper().readTree(Files.readString(ROOT.resolve("docs/ops/grafana-dashboard.json")));
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").isEmpty()).as("panel %s has queries", panel.path("title").asText()).isFalse();
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        assertThat(exprs).hasSizeGreaterThan(10);
        assertThat(undeclared(exprs)).isEmpty();
    }

    @Test
    void shouldGiveEveryAlertRuleAnExpressionAndASummaryOnDeclaredMetrics() throws IOException {
        Map<String, Object> rules = PlainYaml.read(ROOT.resolve("docs/ops/prometheus-alerts.yml"));
        List<String> exprs = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (Object g : PlainYaml.list(rules.get("groups"))) {
            for (Object r : PlainYaml.list(PlainYaml.map(g).get("rules"))) {
                Map<String, Object> rule = PlainYaml.map(r);
                assertThat(rule.get("alert")).as("rule %s", rule).isNotNull();
                assertThat(rule.get("expr")).as("rule %s", rule.get("alert")).isNotNull();
                assertThat(PlainYaml.map(rule.get("annotations")).get("summary")).as("rule %s", rule.get("alert")).isNotNull();
                names.add((String) rule.get("alert"));
                exprs.add((String) rule.get("expr"));
            }
        }
        // the failures the issue names: DLQ growth, a stuck channel, consumer lag, a feed failing for hours
        assertThat(names).contains("NewswatchDeadLettersGrowing", "NewswatchDeliveryChannelStuck", "NewswatchConsumerLag",
                "NewswatchFeedFailingForHours");
        assertThat(undeclared(exprs)).isEmpty();
    }

    /** Queried newswatch_* names that no meter in the main sources produces. */
    static Set<String> undeclared(List<String> exprs) throws IOException {
        Set<String> declared = declaredMetrics();
        Set<String> missing = new TreeSet<>();
        for (String e : exprs) {
            Matcher m = QUERIED.matcher(e);
            while (m.find()) {
                String base = m.group().replaceAll("(_seconds)?(_total|_count|_sum|_max|_bucket)?$", "");
                if (!declared.contains(base) && !declared.contains(base + "_seconds")) {
                    missing.add(m.group());
                }
            }
        }
        return missing;
    }

    private static Set<String> declaredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : List.of("model", "ingest", "processor", "alerts", "app")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        Matcher m = DECLARED.matcher(Files.readString(f));
                        while (m.find()) {
                            names.add(m.group(1).replace('.', '_'));
                        }
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            }
        }
        return names;
    }
}
