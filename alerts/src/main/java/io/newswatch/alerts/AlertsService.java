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
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: the raiser ({@link AlertTopology}, Kafka Streams), delivery ({@link AlertDispatcher})
 * and the API ({@link AlertsApi}) over the alert view ({@link RecentAlerts}). Started and closed in one place.
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);

    private final KafkaStreams raiser;
    private final AlertDispatcher dispatcher;
    private final RecentAlerts recent;
    private final AlertsApi api;
    private final Thread dispatcherThread;
    private final Thread recentThread;
    private final AlertsConfig settings;
    private final KafkaStreamsMetrics streamsMetrics;
    private int port = -1;

    /**
     * The service with the channels and policies of {@code alerts.channels} and {@code alerts.policies}.
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
        this.settings = AlertsConfig.from(config);
        Topics topics = TopicKeys.topics(config);
        List<Channels.Configured> channels = new ArrayList<>(Channels.fromConfig(config, Clock.systemUTC()));
        for (AlertChannel c : extraChannels) {
            channels.add(new Channels.Configured(new ChannelSpec(c.name(), "custom", null, true, Duration.ofSeconds(10), 8, Duration.ofSeconds(1),
                    Duration.ofMinutes(5)), c));
        }
        List<Policy> policies = Policy.fromConfig(config, channels.stream().map(c -> c.spec().id()).collect(Collectors.toSet()));
        Properties streamsProps = KafkaClients.streams(config, settings.applicationId(), settings.stateDir(), 1);
        raiser = new KafkaStreams(AlertTopology.build(topics, settings.dedupRetention(), settings.updateInterval(),
                dl -> metrics.counter("newswatch.alerts.bad.matches").increment()), streamsProps);
        raiser.setUncaughtExceptionHandler(e -> {
            LOG.error("alert raiser thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(raiser);
        streamsMetrics.bindTo(metrics);
        DeliveryLedger ledger = new DeliveryLedger(topics, KafkaClients.consumer(config, "newswatch-alerts-ledger", null),
                KafkaClients.producer(config, "newswatch-alerts-ledger"), Clock.systemUTC());
        dispatcher = new AlertDispatcher(topics, KafkaClients.consumer(config, "newswatch-alerts-delivery", settings.deliveryGroup()),
                KafkaClients.producer(config, "newswatch-alerts-dlq"), ledger, channels, policies, metrics, Clock.systemUTC());
        recent = new RecentAlerts(topics, KafkaClients.consumer(config, "newswatch-alerts-view", null), settings.keep());
        dispatcherThread = Thread.ofPlatform().name("alerts-delivery").unstarted(dispatcher);
        recentThread = Thread.ofPlatform().name("alerts-view").daemon().unstarted(recent);
        Map<String, BooleanSupplier> health = new LinkedHashMap<>(extraHealth);
        health.put("alert-raiser", () -> raiser.state().isRunningOrRebalancing());
        health.putAll(dispatcher.health());
        health.put("alert-view", recentThread::isAlive);
        api = new AlertsApi(recent, health, scrape);
    }

    public AlertsService start() {
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

    public KafkaStreams.State raiserState() {
        return raiser.state();
    }

    @Override
    public void close() {
        api.close();
        dispatcher.close();
        recent.close();
        try {
            dispatcherThread.join(Duration.ofSeconds(30));
            recentThread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatcher.closeResources();
        raiser.close(Duration.ofSeconds(30));
        streamsMetrics.close();
    }
}
