package io.newswatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.feed.FeedList;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.ingest.feed.StandardFeedParser;
import io.newswatch.ingest.fetch.Backoff;
import io.newswatch.ingest.fetch.ConditionalFetcher;
import io.newswatch.ingest.fetch.EgressGuard;
import io.newswatch.ingest.fetch.FetchSettings;
import io.newswatch.ingest.poll.FeedCoordinator;
import io.newswatch.ingest.poll.FeedPoller;
import io.newswatch.ingest.poll.FeedState;
import io.newswatch.model.topic.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

    private final KafkaProducer<String, byte[]> producer;
    private final ConditionalFetcher fetcher;
    private final FeedCoordinator coordinator;
    private final Thread thread;
    private final List<FeedSpec> feeds;

    /**
     * @param extraFeeds feeds added to the configured list
     * @throws ConfigException when the feed list cannot be loaded
     */
    public IngestService(Config config, MeterRegistry metrics, List<FeedSpec> extraFeeds) {
        this(config, metrics, extraFeeds, Map.of());
    }

    /**
     * @param extraFeeds   feeds added to the configured list (the demo feed)
     * @param localOrigins feed id → the one origin ({@code scheme://host:port}) that feed alone may reach although
     *                     it is on a loopback or private address (the demo feed's own server); every other feed keeps
     *                     the configured egress guard
     * @throws ConfigException when the feed list cannot be loaded
     */
    public IngestService(Config config, MeterRegistry metrics, List<FeedSpec> extraFeeds, Map<String, URI> localOrigins) {
        IngestConfig settings = IngestConfig.from(config);
        Topics topics = TopicKeys.topics(config);
        feeds = new ArrayList<>(loadFeeds(settings));
        feeds.addAll(extraFeeds);
        EgressGuard guard = settings.egressAllow().isEmpty() ? EgressGuard.strict() : EgressGuard.allowing(settings.egressAllow());
        fetcher = new ConditionalFetcher(new FetchSettings(settings.connectTimeout(), settings.readTimeout(), settings.maxBodyBytes(), 5,
                settings.perHostConcurrency(), settings.globalConcurrency(), settings.userAgent(), guard));
        Properties producerProps = KafkaClients.producer(config, "newswatch-ingest");
        // unique per instance: fencing of a zombie instance comes from the group generation sent with each commit
        producerProps.setProperty("transactional.id", "newswatch-ingest-" + UUID.randomUUID());
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        ArticleExtractor extractor = Extractors.standard();
        Map<String, EgressGuard> feedGuards = new HashMap<>();
        localOrigins.forEach((feedId, origin) -> feedGuards.put(feedId, guard.withOrigin(origin)));
        FeedPoller poller = new FeedPoller(fetcher, new StandardFeedParser(), extractor,
                new Backoff(settings.backoffBase(), settings.backoffMax(), Backoff.Jitter.FULL, new java.util.SplittableRandom()), settings.seenPerFeed(), metrics, Clock.systemUTC())
                .withFeedGuards(feedGuards);
        coordinator = new FeedCoordinator(topics, KafkaClients.consumer(config, "newswatch-ingest-state", settings.group()), feeds, poller,
                producer, metrics, Clock.systemUTC());
        thread = Thread.ofPlatform().name("ingest-coordinator").unstarted(coordinator);
        LOG.info("ingest ready: {} feeds", feeds.size());
    }

    private static List<FeedSpec> loadFeeds(IngestConfig settings) {
        try {
            return settings.feeds() == null ? FeedList.loadDefault() : FeedList.load(settings.feeds());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cannot load the feed list " + (settings.feeds() == null ? "(bundled)" : settings.feeds()) + ": "
                    + e.getMessage(), e);
        }
    }

    public IngestService start() {
        thread.start();
        return this;
    }

    public List<FeedSpec> feeds() {
        return List.copyOf(feeds);
    }

    /** The state of the feeds this instance owns (for health checks and tests). */
    public java.util.Map<String, FeedState> feedStates() {
        return coordinator.states();
    }

    public boolean running() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        coordinator.close();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(30));
        fetcher.close();
    }
}
