package io.newswatch.app;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.web.AccessTokens;
import io.newswatch.alerts.web.Role;
import io.newswatch.app.broker.BrokerConfig;
import io.newswatch.app.broker.EmbeddedKafkaBroker;
import io.newswatch.config.Config;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.processor.ProcessorService;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch run}: every service in one process, on the embedded broker unless Kafka is configured. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs ingest, processor and alerts in one process.",
                "With no Kafka configured (kafka.bootstrap.servers / KAFKA_BOOTSTRAP_SERVERS / --bootstrap-servers) it starts an "
                        + "embedded single-node broker with its data under broker.dataDir (default data/kafka). Stop with Ctrl-C."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @ParentCommand
    Newswatch parent;

    @Option(names = "--demo", description = "Also serve and poll the bundled sample feed from a local HTTP server (works offline).")
    boolean demo;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
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
            ProcessorService processor = life.add("processor", new ProcessorService(config, metrics.registry()).start());
            Map<String, BooleanSupplier> health = new LinkedHashMap<>();
            health.put("processor", () -> processor.state().isRunningOrRebalancing());
            IngestService[] ingest = new IngestService[1];
            health.put("ingest", () -> ingest[0] != null && ingest[0].running());
            AccessTokens tokens = AccessTokens.fromConfig(config);
            String demoToken = null;
            if (demo) {
                demoToken = AccessTokens.newToken();
                tokens = tokens.with("demo-admin", Role.ADMIN, demoToken);
            }
            AlertsService alerts = life.add("alerts", new AlertsService(config, List.of(), tokens, metrics.registry(), metrics::scrape, health)
                    .start());
            ingest[0] = life.add("ingest", new IngestService(config, metrics.registry(), extraFeeds, localOrigins).start());
            String api = "http://" + config.get(AlertsConfig.HTTP_HOST) + ":" + alerts.port();
            parent.spec.commandLine().getOut().printf("newswatch is running: %d feeds; the desk at %s/ (API under %s/api), health at %s/health; Ctrl-C stops.%n",
                    ingest[0].feeds().size(), api, api, api);
            if (demoToken != null) {
                // printed, never logged: the sign-in URL holds a fresh admin token valid until this process stops
                parent.spec.commandLine().getOut().printf("Sign in to the desk: %s/#token=%s%n", api, demoToken);
            }
            parent.spec.commandLine().getOut().flush();
            life.awaitClose();
            return 0;
        } catch (Exception | Error e) {
            life.close();
            throw e;
        }
    }
}
