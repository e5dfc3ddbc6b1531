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
import io.newswatch.health.Health;
import io.newswatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
    private volatile KafkaStreams raiser;
    private KafkaStreamsMetrics streamsMetrics;
    private volatile AlertDispatcher dispatcher;
    private Thread dispatcherThread;
    private int port = -1;

    /**
     * The service with the channels and policies of {@code alerts.channels} and {@code alerts.policies}. Builds and
     * checks them, opens no connection ({@link #start()} does).
     *
     * @throws io.newswatch.config.ConfigException naming the key of a bad channel, secret, URL or policy
     */
    public AlertsService(Config config, MeterRegistry metrics, Supplier<String> scrape, Health health) {
        this(config, List.of(), metrics, scrape, health);
    }

    /**
     * The service with the configured channels plus {@code extraChannels} (for embedding and tests; each gets
     * the default retry schedule and every alert).
     */
    public AlertsService(Config config, List<AlertChannel> extraChannels, MeterRegistry metrics, Supplier<String> scrape,
                         Health health) {
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
        registerHealth(health);
        api = new AlertsApi(recent, health, scrape, config.get(AlertsConfig.HTTP_BASE_PATH));
    }

    /**
     * The alert stage's components: the raiser (live unless failed, ready when RUNNING), the alert view (live while
     * its thread runs, ready once it has read the alerts topic to the end), the delivery loop, and each channel
     * (ready unless disabled, failing or stuck: {@code AlertDispatcher.health()}).
     */
    private void registerHealth(Health health) {
        health.component("alert-raiser", () -> {
            KafkaStreams.State s = raiserState();
            return Health.Status.of(s != KafkaStreams.State.CREATED && s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR
                    && s != KafkaStreams.State.NOT_RUNNING, s.name());
        }, () -> Health.Status.of(raiserState() == KafkaStreams.State.RUNNING, raiserState().name()));
        health.component("alert-view",
                () -> Health.Status.of(recentThread.isAlive(), recentThread.isAlive() ? "reading" : "not reading"),
                () -> !recentThread.isAlive() ? Health.Status.down("not reading")
                        : recent.caughtUp() ? Health.Status.up("caught up: " + recent.size() + " alerts")
                        : Health.Status.down("loading the alerts topic"));
        health.live("alert-delivery", () -> Health.Status.of(delivering("alert-delivery"),
                dispatcher == null ? "not started" : delivering("alert-delivery") ? "running" : "delivery loop stopped"));
        for (Channels.Configured c : channels) {
            String key = "channel:" + c.spec().id();
            health.ready(key, () -> Health.Status.of(delivering(key), delivering(key) ? "delivering" : "disabled, failing or stuck (see the log)"));
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
                dl -> metrics.counter("newswatch.alerts.bad.matches").increment(), metrics),
                KafkaClients.streams(config, settings.applicationId(), settings.stateDir(), 1));
        raiser.setUncaughtExceptionHandler(e -> {
            LOG.error("alert raiser thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(raiser);
        streamsMetrics.bindTo(metrics);
        DeliveryLedger ledger = new DeliveryLedger(topics, KafkaClients.consumer(config, "newswatch-alerts-ledger", null),
                KafkaClients.producer(config, "newswatch-alerts-ledger"), Clock.systemUTC());
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
