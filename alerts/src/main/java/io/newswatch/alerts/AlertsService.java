package io.newswatch.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.channel.ChannelSpec;
import io.newswatch.alerts.channel.Channels;
import io.newswatch.alerts.delivery.AlertDispatcher;
import io.newswatch.alerts.delivery.DeliveryLedger;
import io.newswatch.alerts.delivery.Policy;
import io.newswatch.alerts.web.AlertsApi;
import io.newswatch.alerts.web.RecentAlerts;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: the raiser ({@link AlertTopology}, Kafka Streams), delivery ({@link AlertDispatcher})
 * and the API ({@link AlertsApi}) over the alert view ({@link RecentAlerts}). Started and closed in one place.
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);

    private final Config config;
    private final AlertsConfig settings;
    private final Topics topics;
    private final List<Channels.Configured> channels;
    private final List<Policy> policies;
    private final MeterRegistry metrics;
    private final RecentAlerts recent;
    private final Thread recentThread;
    private final AlertsApi api;
    private KafkaStreams raiser;
    private KafkaStreamsMetrics streamsMetrics;
    private AlertDispatcher dispatcher;
    private Thread dispatcherThread;
    private int port = -1;

    /**
     * The service with the channels and policies of {@code alerts.channels} and {@code alerts.policies}. Builds and
     * checks them, opens no connection ({@link #start()} does).
     *
     * @throws io.newswatch.config.ConfigException naming the key of a bad channel, secret, URL or policy
     */
    public AlertsService(Config config, MeterRegistry metrics, Supplier<String> scrape, Map<String, BooleanSupplier> extraHealth) {
        this(config, List.of(), metrics, scrape, extraHealth);
    }

    /**
     * The service with the configured channels plus {@code extraChannels} (for embedding and tests; each gets
     * the default retry schedule and every alert).
     */
    public AlertsService(Config config, List<AlertChannel> extraChannels, MeterRegistry metrics, Supplier<String> scrape,
                         Map<String, BooleanSupplier> extraHealth) {
        this.config = config;
        this.settings = AlertsConfig.from(config);
        this.topics = TopicKeys.topics(config);
        this.metrics = metrics;
        List<Channels.Configured> all = new ArrayList<>(Channels.fromConfig(config, Clock.systemUTC()));
        for (AlertChannel c : extraChannels) {
            all.add(new Channels.Configured(new ChannelSpec(c.name(), "custom", null, true, Duration.ofSeconds(10), 8, Duration.ofSeconds(1),
                    Duration.ofMinutes(5)), c));
        }
        this.channels = List.copyOf(all);
        this.policies = Policy.fromConfig(config, channels.stream().map(c -> c.spec().id()).collect(Collectors.toSet()));
        recent = new RecentAlerts(topics, KafkaClients.consumer(config, "newswatch-alerts-view", null), settings.keep());
        recentThread = Thread.ofPlatform().name("alerts-view").daemon().unstarted(recent);
        Map<String, BooleanSupplier> health = new LinkedHashMap<>(extraHealth);
        health.put("alert-raiser", () -> raiser != null && raiser.state().isRunningOrRebalancing());
        health.put("alert-delivery", () -> delivering("alert-delivery"));
        for (Channels.Configured c : channels) {
            String key = "channel:" + c.spec().id();
            health.put(key, () -> delivering(key));
        }
        health.put("alert-view", recentThread::isAlive);
        api = new AlertsApi(recent, health, scrape);
    }

    /**
     * Checks {@code alerts.channels} and {@code alerts.policies} as the constructor does, without building the
     * service (no Kafka settings needed, nothing opened but a DNS lookup of webhook hosts for the egress guard), so
     * that a command refuses a bad channel before it starts a broker or creates topics.
     *
     * @throws io.newswatch.config.ConfigException naming the key of a bad channel, secret, URL or policy
     */
    public static void check(Config config) {
        List<Channels.Configured> channels = Channels.fromConfig(config, Clock.systemUTC());
        try {
            Policy.fromConfig(config, channels.stream().map(c -> c.spec().id()).collect(Collectors.toSet()));
        } finally {
            channels.forEach(c -> c.channel().close());
        }
    }

    private boolean delivering(String healthKey) {
        AlertDispatcher d = dispatcher;
        BooleanSupplier s = d == null ? null : d.health().get(healthKey);
        return s != null && s.getAsBoolean();
    }

    /** Opens the clients and starts the raiser, delivery, the alert view and the HTTP API. */
    public AlertsService start() {
        raiser = new KafkaStreams(AlertTopology.build(topics, settings.dedupRetention(), settings.updateInterval(),
                dl -> metrics.counter("newswatch.alerts.bad.matches").increment()),
                KafkaClients.streams(config, settings.applicationId(), settings.stateDir(), 1));
        raiser.setUncaughtExceptionHandler(e -> {
            LOG.error("alert raiser thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(raiser);
        streamsMetrics.bindTo(metrics);
        DeliveryLedger ledger = new DeliveryLedger(topics, KafkaClients.consumer(config, "newswatch-alerts-ledger", null),
                KafkaClients.producer(config, "newswatch-alerts-ledger"), topics.deliveries().cleanup().retention(config), Clock.systemUTC());
        dispatcher = new AlertDispatcher(topics, KafkaClients.consumer(config, "newswatch-alerts-delivery", settings.deliveryGroup()),
                KafkaClients.producer(config, "newswatch-alerts-dlq"), ledger, channels, policies, metrics, Clock.systemUTC());
        dispatcherThread = Thread.ofPlatform().name("alerts-delivery").unstarted(dispatcher);
        raiser.start();
        dispatcherThread.start();
        recentThread.start();
        port = api.start(settings.httpHost(), settings.httpPort());
        LOG.info("alerts API on http://{}:{}/api/alerts", settings.httpHost(), port);
        return this;
    }

    /** The HTTP port actually bound, or -1 before start. */
    public int port() {
        return port;
    }

    /** The raiser's state; {@code CREATED} before start. */
    public KafkaStreams.State raiserState() {
        return raiser == null ? KafkaStreams.State.CREATED : raiser.state();
    }

    @Override
    public void close() {
        api.close();
        if (dispatcher != null) {
            dispatcher.close();
        }
        recent.close();
        try {
            if (dispatcherThread != null) {
                dispatcherThread.join(Duration.ofSeconds(30));
            }
            if (recentThread.isAlive()) {
                recentThread.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dispatcher != null) {
            dispatcher.closeResources();
        }
        if (raiser != null) {
            raiser.close(Duration.ofSeconds(30));
            streamsMetrics.close();
        }
    }
}
