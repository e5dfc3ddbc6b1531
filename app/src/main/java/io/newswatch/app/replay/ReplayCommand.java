package io.newswatch.app.replay;

import io.newswatch.app.Newswatch;
import io.newswatch.app.broker.BrokerConfig;
import io.newswatch.app.broker.EmbeddedKafkaBroker;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch replay}: a back-test of the current or candidate rules over a window of history. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-runs the processor and the alert decisions (no deliveries) over the articles of a window, with private "
                + "topics and application ids that are deleted afterwards, and compares the alerts with production's.",
                "Writes DIR/report.json and DIR/report.html. With no Kafka configured it opens the embedded broker's data "
                        + "(broker.dataDir) as 'run' does; stop 'run' first.",
                "Exit codes: 0 done, 1 failure, 2 usage or configuration error, 3 a --fail-if condition holds."})
public final class ReplayCommand implements Callable<Integer> {
    /** Exit code when a {@code --fail-if} condition holds. */
    public static final int FAILED_CONDITION = 3;

    @ParentCommand
    Newswatch parent;

    @Option(names = "--from", required = true, paramLabel = "TIME", converter = Time.class,
            description = "Start of the window (event time, inclusive): ISO instant or date (UTC).")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "TIME", converter = Time.class,
            description = "End of the window (exclusive): ISO instant or date (UTC).")
    Instant to;

    @Option(names = "--rules", paramLabel = "DIR", description = "Candidate rule file or directory (default: the configured rules).")
    Path rules;

    @Option(names = "--policies", paramLabel = "FILE",
            description = "Alert policies to preview, as in alerts.policies (a YAML file with alerts: policies: [...], channels may be "
                    + "declared there too): the report lists which notices each policy would have sent; nothing is delivered.")
    Path policies;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where report.json and report.html are written.")
    Path out;

    @Option(names = "--fail-if", paramLabel = "CONDITIONS",
            description = "Exit 3 when one holds, e.g. \"precision_drop>0.05,volume_rise>2.0\" (precision before minus after; "
                    + "candidate alerts over production's).")
    String failIf;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster (else the config, else the embedded broker's data).")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        List<Condition> conditions = Condition.parseAll(failIf);
        Config config = parent.config(bootstrapServers);
        PolicySet policySet = policies == null ? null : PolicySet.load(policies, config);
        EmbeddedKafkaBroker broker = null;
        try {
            if (!config.kafka().containsKey("bootstrap.servers")) {
                BrokerConfig b = BrokerConfig.from(config);
                broker = new EmbeddedKafkaBroker(b.dataDir(), b.port(), b.controllerPort()).start();
                Map<String, String> kafka = new LinkedHashMap<>(config.kafka());
                kafka.put("bootstrap.servers", broker.bootstrapServers());
                config = config.withKafka(kafka);
            }
            boolean terminal = System.console() != null;
            Progress progress = new Progress(terminal ? parent.spec().commandLine().getErr() : null);
            Replay.Outcome outcome = new Replay(config, rules, from, to, progress).run();
            ReplayReport report = ReplayReport.of(outcome, from, to, policySet == null ? null
                    : io.newswatch.alerts.delivery.PolicyPreview.of(policySet.policies(), policySet.channels(), outcome.candidate()));
            report.write(out);
            var o = parent.out();
            Map<String, Object> j = report.json();
            o.printf("replayed %d articles in %.1f s: %d unchanged, %d added, %d removed, %d changed; report in %s%n", outcome.articles(),
                    outcome.took().toMillis() / 1000.0, ((List<?>) j.get("unchanged")).size(), ((List<?>) j.get("added")).size(),
                    ((List<?>) j.get("removed")).size(), ((List<?>) j.get("changed")).size(), out.resolve("report.html"));
            List<String> failed = failures(conditions, report);
            if (!failed.isEmpty()) {
                parent.spec().commandLine().getErr().println("newswatch replay: --fail-if holds: " + String.join(", ", failed));
            }
            return exitCode(failed);
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** The conditions of {@code --fail-if} that hold for {@code report}, each as {@code "metric value > limit"}; empty: exit 0. */
    static List<String> failures(List<Condition> conditions, ReplayReport report) {
        List<String> failed = new ArrayList<>();
        for (Condition c : conditions) {
            double v = c.metric().equals("precision_drop") ? report.precisionDrop() : report.volumeRise();
            if (v > c.limit()) {
                failed.add(String.format(Locale.ROOT, "%s %.4f > %s", c.metric(), v, c.limit()));
            }
        }
        return failed;
    }

    /** The exit code for the conditions that hold: 0, or {@link #FAILED_CONDITION}. */
    static int exitCode(List<String> failures) {
        return failures.isEmpty() ? 0 : FAILED_CONDITION;
    }

    /**
     * The policies of a {@code --policies} file and the channel ids they may name (the deployment's and the file's).
     */
    record PolicySet(List<io.newswatch.alerts.delivery.Policy> policies, java.util.Set<String> channels) {
        static PolicySet load(Path file, Config production) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new ConfigException("--policies: no file " + file);
            }
            Config config = Config.load(file, Map.of(), io.newswatch.app.AllKeys.all());
            java.util.Set<String> channels = new java.util.TreeSet<>();
            for (Config c : List.of(production, config)) {
                for (Map<String, Object> ch : c.get(io.newswatch.alerts.AlertsConfig.CHANNELS)) {
                    if (ch.get("id") instanceof String id) {
                        channels.add(id);
                    }
                }
            }
            List<io.newswatch.alerts.delivery.Policy> policies = io.newswatch.alerts.delivery.Policy.fromConfig(config, channels);
            if (policies.isEmpty()) {
                throw new ConfigException("--policies: " + file + " has no alerts.policies");
            }
            return new PolicySet(policies, channels);
        }
    }

    /** One {@code metric>limit} of {@code --fail-if}. */
    record Condition(String metric, double limit) {
        static List<Condition> parseAll(String spec) {
            List<Condition> out = new ArrayList<>();
            if (spec == null || spec.isBlank()) {
                return out;
            }
            for (String part : spec.split(",")) {
                String[] kv = part.strip().split(">", 2);
                String metric = kv[0].strip();
                if (kv.length != 2 || !(metric.equals("precision_drop") || metric.equals("volume_rise"))) {
                    throw new ConfigException("--fail-if: '" + part.strip() + "' is not precision_drop>NUMBER or volume_rise>NUMBER");
                }
                try {
                    out.add(new Condition(metric, Double.parseDouble(kv[1].strip())));
                } catch (NumberFormatException e) {
                    throw new ConfigException("--fail-if: '" + kv[1].strip() + "' in '" + part.strip() + "' is not a number");
                }
            }
            return out;
        }
    }

    /** An ISO-8601 instant, or a date (its start, UTC). */
    static final class Time implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO instant (2025-03-01T08:00:00Z) or date (2025-03-01)");
            }
        }
    }
}
