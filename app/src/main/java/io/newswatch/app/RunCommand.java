package io.newswatch.app;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.web.AccessTokens;
import io.newswatch.alerts.web.Role;
import io.newswatch.app.broker.BrokerConfig;
import io.newswatch.app.broker.EmbeddedKafkaBroker;
import io.newswatch.config.Config;
import io.newswatch.health.Health;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.processor.ProcessorService;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code newswatch run}: every service in one process, on the embedded broker unless Kafka is configured. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs ingest, processor and alerts in one process.",
                "With no Kafka configured (kafka.bootstrap.servers / KAFKA_BOOTSTRAP_SERVERS / --bootstrap-servers) it starts an "
                        + "embedded single-node broker with its data under broker.dataDir (default data/kafka). Stop with Ctrl-C."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @ParentCommand
    Newswatch parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = {"Serve and poll the bundled sample feed from a local HTTP server (works offline).",
            "Only that feed is polled, unless --with-feeds is given too."})
    boolean demo;

    @Option(names = "--with-feeds", description = "With --demo, also poll the configured feed list (ingest.feeds, else the bundled outlets).")
    boolean withFeeds;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        if (withFeeds && !demo) {
            throw new ParameterException(spec.commandLine(), "--with-feeds goes with --demo (without --demo, run polls the configured feeds anyway)");
        }
        Config config = parent.config(bootstrapServers);
        AlertsService.check(config); // a bad channel stops start-up here, before a broker starts
        Lifecycle life = new Lifecycle().withShutdownHook();
        try {
            Metrics metrics = life.add("metrics", new Metrics());
            if (!config.kafka().containsKey("bootstrap.servers")) {
                BrokerConfig b = BrokerConfig.from(config);
                EmbeddedKafkaBroker broker = life.add("embedded broker", new EmbeddedKafkaBroker(b.dataDir(), b.port(), b.controllerPort()).start());
                Map<String, String> kafka = new LinkedHashMap<>(config.kafka());
                kafka.put("bootstrap.servers", broker.bootstrapServers());
                config = config.withKafka(kafka);
            }
            TopicSetup.createAll(config);
            List<FeedSpec> extraFeeds = new ArrayList<>();
            Map<String, URI> localOrigins = new LinkedHashMap<>();
            if (demo) {
                DemoFeedServer server = life.add("demo feed server", new DemoFeedServer("/demo"));
                FeedSpec feed = server.feed("newswatch-demo", "Newswatch Demo Wire");
                extraFeeds.add(feed);
                // loopback for the demo feed alone, and only its server's port: the real feeds keep the strict guard
                localOrigins.put(feed.id(), URI.create(feed.url()));
                LOG.info("demo feed at {}/feed.xml", server.baseUrl());
            }
            Health health = KafkaChecks.health(config, life);
            ProcessorService processor = life.add("processor", new ProcessorService(config, metrics.registry()).start());
            processor.registerHealth(health);
            AccessTokens tokens = AccessTokens.fromConfig(config);
            String demoToken = null;
            if (demo) {
                demoToken = AccessTokens.newToken();
                tokens = tokens.with("demo-admin", Role.ADMIN, demoToken);
            }
            // the demo is offline: the configured outlets only when asked, else a minute of network warnings
            IngestService ingestService = new IngestService(config, metrics.registry(), extraFeeds, !demo || withFeeds, localOrigins);
            ingestService.registerHealth(health);
            AlertsService alerts = life.add("alerts", new AlertsService(config, List.of(), tokens, metrics.registry(), metrics::scrape, health)
                    .start());
            IngestService[] ingest = {life.add("ingest", ingestService.start())};
            HealthMetrics.bind(health, metrics.registry());
            String api = "http://" + config.get(AlertsConfig.HTTP_HOST) + ":" + alerts.port();
            LogFormat.announce(config, parent.out(), String.format("newswatch is running: %d feeds; the desk at %s/ (API under %s/api), "
                    + "health at %s/health/ready; Ctrl-C stops.", ingest[0].feeds().size(), api, api, api));
            if (demoToken != null) {
                // printed, never logged: the sign-in URL holds a fresh admin token valid until this process stops
                LogFormat.printSecret(config, parent.out(), parent.spec.commandLine().getErr(),
                        String.format("Sign in to the desk: %s/#token=%s", api, demoToken));
            }
            life.awaitClose();
            return 0;
        } catch (Exception | Error e) {
            life.close();
            throw e;
        }
    }
}
