package io.newswatch.app.history;

import io.newswatch.app.Newswatch;
import io.newswatch.app.broker.BrokerConfig;
import io.newswatch.app.broker.EmbeddedKafkaBroker;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.topic.TopicSpec;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch export} and {@code newswatch import}: history as JSON lines, see the package documentation. */
public final class HistoryCommands {
    private HistoryCommands() {
    }

    /** Runs {@code body} against the configured cluster, or the embedded broker's data when none is configured. */
    private static <T> T withKafka(Config config, KafkaBody<T> body) throws Exception {
        if (config.kafka().containsKey("bootstrap.servers")) {
            return body.run(config);
        }
        BrokerConfig b = BrokerConfig.from(config);
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(b.dataDir(), b.port(), b.controllerPort()).start()) {
            Map<String, String> kafka = new LinkedHashMap<>(config.kafka());
            kafka.put("bootstrap.servers", broker.bootstrapServers());
            return body.run(config.withKafka(kafka));
        }
    }

    @FunctionalInterface
    private interface KafkaBody<T> {
        T run(Config config) throws Exception;
    }

    /**
     * A topic by full name, or by its short name in the deployment ({@code articles} for {@code <prefix>.articles}).
     */
    static String topicName(Config config, String topic) {
        if (topic == null || topic.isBlank()) {
            throw new ConfigException("--topic must not be blank");
        }
        for (TopicSpec<?, ?> t : TopicKeys.topics(config).all()) {
            if (t.name().equals(topic) || t.name().equals(TopicKeys.topics(config).prefix() + "." + topic)) {
                return t.name();
            }
        }
        return topic;
    }

    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Writes the records of a topic in a time window to standard output as JSON lines, keys, timestamps, "
                    + "headers and values kept exactly (see 'import'). Log lines go to standard error.",
                    "With no Kafka configured it opens the embedded broker's data (broker.dataDir) as 'run' does; stop 'run' first.",
                    "Example: newswatch export --topic articles --from 2025-03-01 --to 2025-03-15 > march.jsonl"})
    public static final class Export implements Callable<Integer> {
        @ParentCommand
        Newswatch parent;

        @Option(names = "--topic", required = true, paramLabel = "TOPIC",
                description = "The topic: its full name, or its name in this deployment (articles, matches, alerts, alert-feedback, ...).")
        String topic;

        @Option(names = "--from", paramLabel = "TIME", converter = Time.class,
                description = "First record timestamp exported (inclusive): ISO instant or date (UTC). Default: the beginning.")
        Instant from;

        @Option(names = "--to", paramLabel = "TIME", converter = Time.class,
                description = "End of the window (exclusive): ISO instant or date (UTC). Default: everything there is now.")
        Instant to;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster (else the config, else the embedded broker's data).")
        String bootstrapServers;

        @Override
        public Integer call() throws Exception {
            Config config = parent.config(bootstrapServers);
            String name = topicName(config, topic);
            // the lines own standard output: log lines (which go to System.out) are sent to standard error meanwhile
            PrintStream data = System.out;
            System.setOut(System.err);
            try {
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(data, StandardCharsets.UTF_8), 1 << 16);
                long n = withKafka(config, c -> new HistoryExport(c).run(name, from, to, out));
                parent.spec().commandLine().getErr().println("newswatch export: " + n + " records of " + name);
                return 0;
            } finally {
                System.setOut(data);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Writes the records of a file made by 'export' (JSON lines) to Kafka with their keys, timestamps, headers "
                    + "and values; each goes to the topic its line names, or to --topic.",
                    "A line that cannot be read is reported with its number and skipped; the rest is imported.",
                    "Exit codes: 0 every line imported, 1 some lines skipped (or a failure), 2 usage or configuration error."})
    public static final class Import implements Callable<Integer> {
        @ParentCommand
        Newswatch parent;

        @Parameters(index = "0", paramLabel = "FILE", description = "The JSON lines file ('-' for standard input).")
        String file;

        @Option(names = "--topic", paramLabel = "TOPIC",
                description = "Import every record into this topic (full name or name in this deployment) instead of the one its line names.")
        String topic;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster (else the config, else the embedded broker's data).")
        String bootstrapServers;

        @Override
        public Integer call() throws Exception {
            Config config = parent.config(bootstrapServers);
            String target = topic == null ? null : topicName(config, topic);
            HistoryImport.Result r;
            try (BufferedReader in = file.equals("-")
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                r = withKafka(config, c -> new HistoryImport(c).run(in, target));
            } catch (NoSuchFileException e) {
                throw new ConfigException("no file " + file);
            } catch (IOException e) {
                if (e.getCause() instanceof java.nio.charset.MalformedInputException || e instanceof java.nio.charset.MalformedInputException) {
                    throw new ConfigException(file + " is not UTF-8 text");
                }
                throw e;
            }
            var err = parent.spec().commandLine().getErr();
            r.problems().forEach(p -> err.println("newswatch import: " + file + ": " + p));
            if (r.skipped() > r.problems().size()) {
                err.println("newswatch import: ... and " + (r.skipped() - r.problems().size()) + " more");
            }
            parent.out().println("imported " + r.imported() + " records" + (r.skipped() == 0 ? "" : ", skipped " + r.skipped() + " unreadable lines"));
            parent.out().flush();
            return r.skipped() == 0 ? 0 : 1;
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
