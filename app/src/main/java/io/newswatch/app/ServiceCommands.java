package io.newswatch.app;

import io.newswatch.alerts.AlertsService;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.health.Health;
import io.newswatch.ingest.Extractors;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.files.ArticleFiles;
import io.newswatch.model.Article;
import io.newswatch.model.EventTime;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The services run alone, against an existing Kafka cluster. */
final class ServiceCommands {
    private ServiceCommands() {
    }

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        Newswatch parent;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
                description = "Kafka cluster (else kafka.bootstrap.servers in the config, or KAFKA_BOOTSTRAP_SERVERS).")
        String bootstrapServers;

        Config config() {
            Config c = parent.config(bootstrapServers);
            KafkaClients.common(c, "check"); // fails with a clear message when no cluster is configured
            return c;
        }

        /** Starts the components {@code start} registers, then runs until Ctrl-C; closes everything on failure. */
        int serve(String what, Config config, StartFn start) throws Exception {
            Lifecycle life = new Lifecycle().withShutdownHook();
            try {
                Metrics metrics = life.add("metrics", new Metrics());
                Health health = KafkaChecks.health(config, life);
                start.start(life, metrics, health);
                HealthMetrics.bind(health, metrics.registry());
                LogFormat.announce(config, parent.out(), "newswatch " + what + " is running; Ctrl-C stops.");
                life.awaitClose();
                return 0;
            } catch (Exception | Error e) {
                life.close();
                throw e;
            }
        }

        interface StartFn {
            void start(Lifecycle life, Metrics metrics, Health health) throws Exception;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = {"Runs the ingest service: polls the feeds and publishes articles.",
            "With --from-dir, publishes the .txt/.html/.json articles of a directory once and exits (backfills, backtests)."})
    static final class Ingest extends Base {
        @Option(names = "--from-dir", paramLabel = "DIR", description = "Publish the articles in DIR (recursively, in path order) and exit.")
        Path fromDir;

        @Option(names = "--published", paramLabel = "TIME", converter = Instants.class,
                description = {"With --from-dir: the publication time of files that carry none (.txt files, pages without a date, "
                        + "records without publishedAt): an ISO instant (2025-03-01T08:00:00Z) or date (2025-03-01).",
                        "Each record is stamped with its file's date (page, JSON or this), so a back-fill keeps its history; "
                                + "undated files without it are stamped with the current time."})
        Instant published;

        @Override
        public Integer call() throws Exception {
            Config config = config();
            TopicSetup.createAll(config);
            if (fromDir != null) {
                return publishDir(config);
            }
            return serve("ingest", config, (life, metrics, health) -> {
                IngestService ingest = life.add("ingest", new IngestService(config, metrics.registry(), List.of()).start());
                ingest.registerHealth(health);
                life.add("ops", new OpsServer(config, health, metrics::scrape));
            });
        }

        private int publishDir(Config config) throws Exception {
            if (!Files.isDirectory(fromDir)) {
                throw new io.newswatch.config.ConfigException("--from-dir " + fromDir + " is not a directory");
            }
            Topics topics = TopicKeys.topics(config);
            // the files are read now, so the bound of a plausible publication time is what the topic keeps
            Duration bound = config.get(TopicKeys.ARTICLES_RETENTION);
            int[] undated = new int[1];
            ArticleFiles files = new ArticleFiles(Extractors.standard(), config.get(io.newswatch.ingest.IngestConfig.MAX_BODY_BYTES));
            FileBatch batch = new FileBatch("ingest", parent.spec.commandLine().getErr());
            try (KafkaProducer<String, Article> producer = new KafkaProducer<>(KafkaClients.producer(config, "newswatch-ingest-files"),
                    topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer())) {
                for (Path f : ArticleFiles.list(fromDir)) {
                    batch.each(f, () -> {
                        Article a = files.read(f, null, Instant.now(), published);
                        Instant eventTime = EventTime.of(a, bound);
                        if (eventTime.equals(a.fetchedAt()) && !eventTime.equals(a.publishedAt())) {
                            undated[0]++;
                        }
                        producer.send(new ProducerRecord<>(topics.articles().name(), null, eventTime.toEpochMilli(), a.id(), a)).get();
                    });
                }
            }
            parent.spec.commandLine().getOut().printf("published %d articles to %s (%d files skipped, %d stamped with their read time: "
                    + "no publication date, or one in the future or older than topics.articles.retention)%n", batch.done(), topics.articles().name(),
                    batch.failed(), undated[0]);
            return batch.finish();
        }
    }

    /** Reads an ISO-8601 instant, or a date (its start, UTC). */
    static final class Instants implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO instant (2025-03-01T08:00:00Z) or date (2025-03-01)");
            }
        }
    }

    @Command(name = "process", mixinStandardHelpOptions = true, description = "Runs the processor: watch rules, entities, duplicates and stories.")
    static final class Process extends Base {
        @Override
        public Integer call() throws Exception {
            Config config = config();
            TopicSetup.createAll(config);
            return serve("processor", config, (life, metrics, health) -> start(config, life, metrics, health));
        }

        /** Starts the processor and its ops server (health, metrics) in {@code life}; returns the ops server. */
        static OpsServer start(Config config, Lifecycle life, Metrics metrics, Health health) throws IOException {
            ProcessorService p = life.add("processor", new ProcessorService(config, metrics.registry()).start());
            p.registerHealth(health);
            return life.add("ops", new OpsServer(config, health, metrics::scrape));
        }
    }

    @Command(name = "alerts", mixinStandardHelpOptions = true, description = "Runs the alerts service: one alert per story and rule, delivery, web page and API.")
    static final class Alerts extends Base {
        @Override
        public Integer call() throws Exception {
            Config config = config();
            AlertsService.check(config); // a bad channel stops start-up before any topic is touched
            TopicSetup.createAll(config);
            return serve("alerts", config, (life, metrics, health) ->
                    life.add("alerts", new AlertsService(config, metrics.registry(), metrics::scrape, health).start()));
        }
    }
}
