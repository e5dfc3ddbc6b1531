package io.newswatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.health.Health;
import io.newswatch.ingest.feed.FeedList;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.ingest.feed.StandardFeedParser;
import io.newswatch.ingest.fetch.Backoff;
import io.newswatch.ingest.fetch.ConditionalFetcher;
import io.newswatch.net.EgressGuard;
import io.newswatch.ingest.fetch.FetchConfig;
import io.newswatch.ingest.poll.FeedCoordinator;
import io.newswatch.ingest.poll.FeedPoller;
import io.newswatch.model.FeedState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: polls the feeds this instance owns and publishes cleaned articles, feed state and
 * feed health. Started and closed in one place.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /**
     * How long a poll or a pass of the coordinator may take before health calls it stalled: longer than any poll
     * bounded by the fetch timeouts (a feed plus its full-text pages) and than a transaction waiting for the broker.
     */
    static final Duration STALL_AFTER = Duration.ofMinutes(5);

    private final Config config;
    private final IngestConfig settings;
    private final MeterRegistry metrics;
    private final ConditionalFetcher fetcher;
    private final List<FeedSpec> feeds;
    private final Map<String, EgressGuard> feedGuards = new HashMap<>();
    private KafkaProducer<String, byte[]> producer;
    private volatile FeedCoordinator coordinator;
    private KafkaClientMetrics producerMetrics;
    private Thread thread;

    /**
     * @param extraFeeds feeds added to the configured list
     * @throws ConfigException when the feed list cannot be loaded
     */
    public IngestService(Config config, MeterRegistry metrics, List<FeedSpec> extraFeeds) {
        this(config, metrics, extraFeeds, true, Map.of());
    }

    /**
     * @param extraFeeds        feeds added to the configured list (the demo feed)
     * @param includeConfigured false to poll only {@code extraFeeds} ({@code run --demo} without {@code --with-feeds})
     * @param localOrigins      feed id → the one origin ({@code scheme://host:port}) that feed alone may reach although
     *                          it is on a loopback or private address (the demo feed's own server); every other feed keeps
     *                          the configured egress guard
     * @throws ConfigException when the feed list cannot be loaded
     */
    public IngestService(Config config, MeterRegistry metrics, List<FeedSpec> extraFeeds, boolean includeConfigured,
                         Map<String, URI> localOrigins) {
        this.config = config;
        this.settings = IngestConfig.from(config);
        this.metrics = metrics;
        feeds = new ArrayList<>(includeConfigured ? loadFeeds(settings) : List.of());
        feeds.addAll(extraFeeds);
        EgressGuard guard = settings.egressAllow().isEmpty() ? EgressGuard.strict() : EgressGuard.allowing(settings.egressAllow());
        fetcher = new ConditionalFetcher(new FetchConfig(settings.connectTimeout(), settings.readTimeout(), settings.maxBodyBytes(), 5,
                settings.perHostConcurrency(), settings.globalConcurrency(), settings.userAgent(), guard));
        localOrigins.forEach((feedId, origin) -> feedGuards.put(feedId, guard.withOrigin(origin)));
    }

    private static List<FeedSpec> loadFeeds(IngestConfig settings) {
        try {
            return settings.feeds() == null ? FeedList.loadDefault() : FeedList.load(settings.feeds());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cannot load the feed list " + (settings.feeds() == null ? "(bundled)" : settings.feeds()) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Opens the transactional producer, then starts polling the feeds this instance comes to own. */
    public IngestService start() {
        Properties producerProps = KafkaClients.producer(config, "newswatch-ingest");
        // unique per instance: fencing of a zombie instance comes from the group generation sent with each commit
        producerProps.setProperty("transactional.id", "newswatch-ingest-" + UUID.randomUUID());
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(metrics);
        FeedPoller poller = new FeedPoller(fetcher, new StandardFeedParser(), Extractors.counting(metrics),
                new Backoff(settings.backoffBase(), settings.backoffMax(), Backoff.Jitter.FULL, new SplittableRandom()), settings.seenPerFeed(),
                metrics, Clock.systemUTC()).withFeedGuards(feedGuards);
        coordinator = new FeedCoordinator(TopicKeys.topics(config), KafkaClients.consumer(config, "newswatch-ingest-state", settings.group()),
                feeds, poller, producer, metrics, Clock.systemUTC(), settings.maxPublishedLag());
        thread = Thread.ofPlatform().name("ingest-coordinator").unstarted(coordinator);
        thread.start();
        LOG.info("ingest started: {} feeds", feeds.size());
        return this;
    }

    public List<FeedSpec> feeds() {
        return List.copyOf(feeds);
    }

    /** The state of the feeds this instance owns (for health checks and tests). */
    public Map<String, FeedState> feedStates() {
        return coordinator == null ? Map.of() : coordinator.states();
    }

    /**
     * Registers the {@code ingest} component: live while the coordinator's loop turns (a pass within
     * {@link #STALL_AFTER}), ready when its feeds' state is restored and no poll has run longer than that.
     */
    public void registerHealth(Health health) {
        health.component("ingest",
                () -> coordinator == null ? Health.Status.down("not started")
                        : running() ? coordinator.liveness(STALL_AFTER) : Health.Status.down("coordinator thread ended"),
                () -> coordinator == null ? Health.Status.down("not started")
                        : running() ? coordinator.readiness(STALL_AFTER) : Health.Status.down("coordinator thread ended"));
    }

    public boolean running() {
        return thread != null && thread.isAlive();
    }

    @Override
    public void close() {
        if (coordinator != null) {
            coordinator.close();
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(Duration.ofSeconds(30));
            producerMetrics.close();
        }
        fetcher.close();
    }
}
