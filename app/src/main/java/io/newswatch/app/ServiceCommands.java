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
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
            ArticleFiles files = new ArticleFiles(Extractors.standard());
            int ok = 0;
            int failed = 0;
            try (KafkaProducer<String, Article> producer = new KafkaProducer<>(KafkaClients.producer(config, "newswatch-ingest-files"),
                    topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer())) {
                for (Path f : ArticleFiles.list(fromDir)) {
                    try {
                        Article a = files.read(f, null, Instant.now());
                        producer.send(new ProducerRecord<>(topics.articles().name(), a.id(), a)).get();
                        ok++;
                    } catch (IOException | IllegalArgumentException e) {
                        failed++;
                        parent.spec.commandLine().getErr().println("skipped " + f + ": " + e.getMessage());
                    }
                }
            }
            parent.spec.commandLine().getOut().printf("published %d articles to %s (%d files skipped)%n", ok, topics.articles().name(), failed);
            return failed == 0 ? 0 : 1;
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
            TopicSetup.createAll(config);
            return serve("alerts", config, (life, metrics, health) ->
                    life.add("alerts", new AlertsService(config, metrics.registry(), metrics::scrape, health).start()));
        }
    }
}
