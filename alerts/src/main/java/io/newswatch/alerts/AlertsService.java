package io.newswatch.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.channel.ChannelSpec;
import io.newswatch.alerts.channel.Channels;
import io.newswatch.alerts.delivery.AlertDispatcher;
import io.newswatch.alerts.delivery.DeliveryLedger;
import io.newswatch.alerts.delivery.Policy;
import io.newswatch.alerts.delivery.FailedDeliveries;
import io.newswatch.alerts.desk.DeskEvents;
import io.newswatch.alerts.desk.DeskIndexer;
import io.newswatch.alerts.desk.DeskStore;
import io.newswatch.alerts.desk.Triage;
import io.newswatch.alerts.web.AccessTokens;
import io.newswatch.alerts.web.AlertsApi;
import io.newswatch.alerts.web.DeliveryView;
import io.newswatch.alerts.web.Sessions;
import io.newswatch.config.Config;
import io.newswatch.health.Health;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: the raiser ({@link AlertTopology}, Kafka Streams), delivery ({@link AlertDispatcher})
 * and the desk ({@link AlertsApi}: page and API) over the alert history ({@link DeskStore}, kept by
 * {@link DeskIndexer}). Started and closed in one place.
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);

    private final Config config;
    private final AlertsConfig settings;
    private final Topics topics;
    private final List<Channels.Configured> channels;
    private final List<Policy> policies;
    private final MeterRegistry metrics;
    private final AccessTokens tokens;
    private final Health health;
    private final Supplier<String> scrape;
    private DeskStore store;
    private DeskIndexer indexer;
    private Thread indexerThread;
    private Triage triage;
    private AlertsApi api;
    private DeliveryLedger ledger;
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
    public AlertsService(Config config, MeterRegistry metrics, Supplier<String> scrape, Health health) {
        this(config, List.of(), metrics, scrape, health);
    }

    /**
     * The service with the configured channels plus {@code extraChannels} (for embedding and tests; each gets
     * the default retry schedule and every alert).
     */
    public AlertsService(Config config, List<AlertChannel> extraChannels, MeterRegistry metrics, Supplier<String> scrape,
                         Health health) {
        this(config, extraChannels, AccessTokens.fromConfig(config), metrics, scrape, health);
    }

    /**
     * The service with {@code tokens} instead of {@code alerts.auth.tokens} (for {@code run --demo}, which adds a
     * fresh admin token to the configured ones).
     */
    public AlertsService(Config config, List<AlertChannel> extraChannels, AccessTokens tokens, MeterRegistry metrics, Supplier<String> scrape,
                         Health health) {
        this.config = config;
        this.tokens = tokens;
        this.scrape = scrape;
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
        this.health = health;
        registerHealth(health);
        if (tokens.isEmpty()) {
            LOG.warn("no alerts.auth.tokens: the desk and API refuse every request; add one with: newswatch tokens new NAME --role admin");
        }
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

    /**
     * The alert stage's components: the raiser (live unless failed, ready when RUNNING), the delivery loop, each
     * channel (ready unless disabled, failing or stuck: {@code AlertDispatcher.health()}), and the desk's index (ready
     * while its reader runs and keeps up).
     */
    private void registerHealth(Health health) {
        health.component("alert-raiser", () -> {
            KafkaStreams.State s = raiserState();
            return Health.Status.of(s != KafkaStreams.State.CREATED && s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR
                    && s != KafkaStreams.State.NOT_RUNNING, s.name());
        }, () -> Health.Status.of(raiserState() == KafkaStreams.State.RUNNING, raiserState().name()));
        health.live("alert-delivery", () -> Health.Status.of(delivering("alert-delivery"),
                dispatcher == null ? "not started" : delivering("alert-delivery") ? "running" : "delivery loop stopped"));
        for (Channels.Configured c : channels) {
            String key = "channel:" + c.spec().id();
            health.ready(key, () -> Health.Status.of(delivering(key), delivering(key) ? "delivering" : "disabled, failing or stuck (see the log)"));
        }
        health.component("desk", () -> Health.Status.of(indexerThread != null && indexerThread.isAlive(), "indexer thread"),
                () -> Health.Status.of(indexerThread != null && indexerThread.isAlive() && indexer.healthy(),
                        indexer != null && indexer.healthy() ? "indexing" : "not indexing"));
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
        ledger = new DeliveryLedger(topics, KafkaClients.consumer(config, "newswatch-alerts-ledger", null),
                KafkaClients.producer(config, "newswatch-alerts-ledger"), topics.deliveries().cleanup().retention(config), Clock.systemUTC());
        dispatcher = new AlertDispatcher(topics, KafkaClients.consumer(config, "newswatch-alerts-delivery", settings.deliveryGroup()),
                KafkaClients.producer(config, "newswatch-alerts-dlq"), ledger, channels, policies, metrics, Clock.systemUTC());
        dispatcherThread = Thread.ofPlatform().name("alerts-delivery").unstarted(dispatcher);
        store = new DeskStore(settings.stateDir().resolve(settings.applicationId() + "-desk"));
        DeskEvents events = new DeskEvents();
        triage = new Triage(topics, store, new KafkaProducer<>(KafkaClients.producer(config, "newswatch-alerts-desk"),
                topics.feedback().keySerde().serializer(), topics.feedback().valueSerde().serializer()), Clock.systemUTC());
        indexer = new DeskIndexer(topics, KafkaClients.consumer(config, "newswatch-alerts-desk", null), store, events, triage,
                config.get(TopicKeys.ALERTS_RETENTION), metrics, Clock.systemUTC());
        indexerThread = Thread.ofPlatform().name("alerts-desk").unstarted(indexer);
        api = new AlertsApi(store, events, triage, deliveryView(), tokens, new Sessions(settings.sessionTtl(), Clock.systemUTC()), health, scrape,
                Clock.systemUTC(), config.get(AlertsConfig.HTTP_BASE_PATH));
        raiser.start();
        dispatcherThread.start();
        indexerThread.start();
        port = api.start(settings.httpHost(), settings.httpPort());
        LOG.info("desk on http://{}:{}/ (API under /api)", settings.httpHost(), port);
        return this;
    }

    private DeliveryView deliveryView() {
        FailedDeliveries failures = new FailedDeliveries(ledger, channels);
        return new DeliveryView() {
            @Override
            public List<Map<String, Object>> channels() {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Channels.Configured c : channels) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", c.spec().id());
                    m.put("type", c.spec().type());
                    m.put("updates", c.spec().updates());
                    m.put("since", c.spec().since());
                    m.put("up", delivering("channel:" + c.spec().id()));
                    m.put("failed", failures.list(c.spec().id()).size());
                    out.add(m);
                }
                return out;
            }

            @Override
            public boolean has(String channel) {
                return channels.stream().anyMatch(c -> c.spec().id().equals(channel));
            }

            @Override
            public List<String> retry(String channel, String deliveryId) {
                List<String> report = new ArrayList<>();
                failures.retry(channel, d -> deliveryId == null || d.deliveryId().equals(deliveryId)
                        || d.alerts().stream().anyMatch(a -> a.deliveryId().equals(deliveryId)), report::add);
                if (report.isEmpty()) {
                    report.add(deliveryId == null ? "no failed delivery on " + channel : "no failed delivery of " + deliveryId + " on " + channel);
                }
                report.forEach(line -> LOG.info("desk retry: {}", line));
                return report;
            }
        };
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
        if (api != null) {
            api.close();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (indexer != null) {
            indexer.close();
        }
        try {
            if (dispatcherThread != null) {
                dispatcherThread.join(Duration.ofSeconds(30));
            }
            if (indexerThread != null && indexerThread.isAlive()) {
                indexerThread.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dispatcher != null) {
            dispatcher.closeResources();
        }
        if (triage != null) {
            triage.close();
        }
        if (store != null && (indexerThread == null || !indexerThread.isAlive())) {
            store.close();
        }
        if (raiser != null) {
            raiser.close(Duration.ofSeconds(30));
            streamsMetrics.close();
        }
    }
}
