package io.newswatch.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.AlertChannels;
import io.newswatch.alerts.delivery.AlertDispatcher;
import io.newswatch.alerts.web.AlertsApi;
import io.newswatch.alerts.web.RecentAlerts;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.topic.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
    private final List<AlertChannel> channels;
    private final MeterRegistry metrics;
    private final AlertsApi api;
    private final RecentAlerts recent;
    private final Thread recentThread;
    private KafkaStreams raiser;
    private KafkaStreamsMetrics streamsMetrics;
    private AlertDispatcher dispatcher;
    private Thread dispatcherThread;
    private int port = -1;

    /**
     * Builds the service and its channels ({@link AlertChannels#fromConfig}); opens no connection.
     *
     * @param scrape      the Prometheus text for {@code /metrics}
     * @param extraHealth health of the other components in this process, shown on {@code /health}
     */
    public AlertsService(Config config, MeterRegistry metrics, Supplier<String> scrape, Map<String, BooleanSupplier> extraHealth) {
        this(config, AlertChannels.fromConfig(config), metrics, scrape, extraHealth);
    }

    /** The service with these channels instead of the configured ones (tests, embedding). */
    public AlertsService(Config config, List<AlertChannel> channels, MeterRegistry metrics, Supplier<String> scrape,
                         Map<String, BooleanSupplier> extraHealth) {
        this.config = config;
        this.settings = AlertsConfig.from(config);
        this.topics = TopicKeys.topics(config);
        this.channels = List.copyOf(channels);
        this.metrics = metrics;
        recent = new RecentAlerts(topics, KafkaClients.consumer(config, "newswatch-alerts-view", null), settings.keep());
        recentThread = Thread.ofPlatform().name("alerts-view").daemon().unstarted(recent);
        Map<String, BooleanSupplier> health = new LinkedHashMap<>(extraHealth);
        health.put("alert-raiser", () -> raiser != null && raiser.state().isRunningOrRebalancing());
        health.put("alert-delivery", () -> dispatcherThread != null && dispatcherThread.isAlive());
        health.put("alert-view", recentThread::isAlive);
        api = new AlertsApi(recent, health, scrape);
    }

    /** Starts the raiser, delivery, the alert view and the HTTP API. */
    public AlertsService start() {
        raiser = new KafkaStreams(AlertTopology.build(topics, settings.dedupRetention(),
                dl -> metrics.counter("newswatch.alerts.bad.matches").increment()),
                KafkaClients.streams(config, settings.applicationId(), settings.stateDir(), 1));
        raiser.setUncaughtExceptionHandler(e -> {
            LOG.error("alert raiser thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(raiser);
        streamsMetrics.bindTo(metrics);
        dispatcher = new AlertDispatcher(topics, KafkaClients.consumer(config, "newswatch-alerts-delivery", settings.deliveryGroup()),
                KafkaClients.producer(config, "newswatch-alerts-dlq"), channels, metrics, Duration.ofSeconds(1));
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
