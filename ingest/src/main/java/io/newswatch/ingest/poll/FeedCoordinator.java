package io.newswatch.ingest.poll;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.health.Health;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.model.EventTime;
import io.newswatch.model.FeedState;
import io.newswatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which feeds this instance polls and when, and keeps their state.
 *
 * <p>Ownership follows Kafka group membership on the compacted ingest-state topic: a feed belongs to the
 * partition its id hashes to (the producer's own key partitioning), so the instance that is assigned a
 * partition restores that partition's feed states from the beginning and then, and only then, polls those
 * feeds. On a rebalance, polls in flight for revoked feeds finish and are committed before the partition is
 * released, so a feed is never polled by two instances at once.
 *
 * <p>Writes are transactional: a poll's articles, dead letters, feed state and health are committed in one
 * Kafka transaction by the coordinator thread, tied to this instance's group generation
 * ({@code sendOffsetsToTransaction}), so a zombie instance that lost its partitions is fenced. An item is
 * therefore marked seen exactly when its article is committed: a crash before the commit re-polls the item, a
 * crash after it never publishes it again.
 *
 * <p>One coordinator thread runs {@link #run()}; polls (fetching, parsing, extraction) run on virtual threads,
 * at most one per feed; a feed's next poll is scheduled only after its previous result was committed.
 */
public final class FeedCoordinator implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCoordinator.class);

    private final Topics topics;
    private final Properties consumerProps;
    private final Map<String, FeedSpec> feeds;
    private final FeedPoller poller;
    private final Producer<String, byte[]> producer;
    private final MeterRegistry metrics;
    private final java.util.concurrent.ConcurrentLinkedQueue<FeedPoller.PollResult> done = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Clock clock;
    private final Duration maxPublishedLag;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> inFlight = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> restoring = new HashMap<>();
    private final Set<TopicPartition> owned = new HashSet<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile int partitions = -1;
    private final Map<String, Instant> pollingSince = new ConcurrentHashMap<>();
    private volatile Instant lastPass;
    private volatile boolean restoringPartitions;

    /**
     * @param producer        a transactional producer on which {@code initTransactions()} was called; used only by the
     *                        coordinator thread
     * @param maxPublishedLag the bound of {@link EventTime#of}: each article's record is stamped with its event time
     */
    public FeedCoordinator(Topics topics, Properties consumerProps, List<FeedSpec> feeds, FeedPoller poller,
                           Producer<String, byte[]> producer, MeterRegistry metrics, Clock clock, Duration maxPublishedLag) {
        if (maxPublishedLag == null || maxPublishedLag.isNegative()) {
            throw new IllegalArgumentException("maxPublishedLag must be a non-negative duration, was " + maxPublishedLag);
        }
        this.maxPublishedLag = maxPublishedLag;
        this.topics = topics;
        this.consumerProps = consumerProps;
        this.feeds = new java.util.LinkedHashMap<>();
        for (FeedSpec f : feeds) {
            if (this.feeds.put(f.id(), f) != null) {
                throw new IllegalArgumentException("feed id " + f.id() + " appears twice in the feed list");
            }
        }
        this.poller = poller;
        this.producer = producer;
        this.metrics = metrics;
        this.clock = clock;
        metrics.gauge("newswatch.ingest.feeds.owned", owned, s -> ownedFeeds());
        // feed health as metrics, per feed (the bound is the feed list); NaN while another instance owns the feed
        for (String id : this.feeds.keySet()) {
            io.micrometer.core.instrument.Gauge.builder("newswatch.ingest.feed.error.streak", states, m -> field(m, id, FeedState::errorStreak))
                    .tag("feed", id).description("consecutive failed polls").register(metrics);
            io.micrometer.core.instrument.Gauge.builder("newswatch.ingest.feed.not.modified.ratio", states,
                    m -> field(m, id, f -> f.polls() == 0 ? 0 : (double) f.notModified() / f.polls())).tag("feed", id)
                    .description("share of polls answered 304 Not Modified").register(metrics);
            io.micrometer.core.instrument.Gauge.builder("newswatch.ingest.feed.last.success", states,
                    m -> field(m, id, f -> f.lastSuccessAt() == null ? Double.NaN : f.lastSuccessAt().getEpochSecond())).tag("feed", id)
                    .description("epoch seconds of the last good poll").register(metrics);
        }
        metrics.gauge("newswatch.ingest.feeds.failing", states, s -> s.values().stream().filter(f -> f.errorStreak() > 0).count());
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            c.subscribe(List.of(topics.ingestState().name()), new Rebalance(c));
            while (running.get()) {
                lastPass = clock.instant();
                restoringPartitions = !restoring.isEmpty();
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(250))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (restoring.containsKey(tp)) {
                        restore(r);
                    }
                }
                restoring.entrySet().removeIf(e -> {
                    boolean done = c.position(e.getKey()) >= e.getValue();
                    if (done) {
                        owned.add(e.getKey());
                        LOG.info("ingest owns {} ({} feeds)", e.getKey(), feedsOf(e.getKey()).size());
                    }
                    return done;
                });
                commitDone(c);
                dispatchDue();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer = null;
        }
    }

    private void restore(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            states.remove(r.key());
            return;
        }
        try {
            states.put(r.key(), topics.ingestState().valueSerde().deserializer().deserialize(r.topic(), r.value()));
        } catch (RuntimeException e) {
            LOG.warn("unreadable ingest state for feed {} at offset {}; the feed starts afresh: {}", r.key(), r.offset(), e.getMessage());
        }
    }

    private void dispatchDue() {
        Instant now = clock.instant();
        for (FeedSpec f : feeds.values()) {
            if (!owned.contains(partitionOf(f.id())) || inFlight.containsKey(f.id())) {
                continue;
            }
            FeedState s = states.computeIfAbsent(f.id(), id -> FeedState.initial(id, f.url()));
            if (s.nextPollAt() != null && s.nextPollAt().isAfter(now)) {
                continue;
            }
            pollingSince.put(f.id(), now);
            inFlight.put(f.id(), workers.submit(() -> {
                try {
                    done.add(poller.poll(f, s));
                } catch (RuntimeException e) {
                    LOG.error("poll of feed {} failed unexpectedly; it is retried at the next pass", f.id(), e);
                    inFlight.remove(f.id());
                } finally {
                    pollingSince.remove(f.id());
                }
            }));
        }
    }

    /** Commits the finished polls in one transaction, then makes their states current. */
    private void commitDone(KafkaConsumer<String, byte[]> c) {
        if (done.isEmpty()) {
            return;
        }
        List<FeedPoller.PollResult> batch = new java.util.ArrayList<>();
        for (FeedPoller.PollResult r; (r = done.poll()) != null; ) {
            batch.add(r);
        }
        try {
            producer.beginTransaction();
            int articles = 0;
            for (FeedPoller.PollResult r : batch) {
                for (var a : r.articles()) {
                    producer.send(new ProducerRecord<>(topics.articles().name(), null, EventTime.of(a, maxPublishedLag).toEpochMilli(), a.id(),
                            topics.articles().valueSerde().serializer().serialize(null, a)));
                    articles++;
                }
                for (var dl : r.deadLetters()) {
                    producer.send(new ProducerRecord<>(topics.dlq().name(), dl.key(), topics.dlq().valueSerde().serializer().serialize(null, dl)));
                }
                producer.send(new ProducerRecord<>(topics.ingestState().name(), r.state().feedId(),
                        topics.ingestState().valueSerde().serializer().serialize(null, r.state())));
                producer.send(new ProducerRecord<>(topics.feedHealth().name(), r.state().feedId(),
                        topics.feedHealth().valueSerde().serializer().serialize(null, r.health())));
            }
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> positions = new HashMap<>();
            for (TopicPartition tp : c.assignment()) {
                positions.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(c.position(tp)));
            }
            producer.sendOffsetsToTransaction(positions, c.groupMetadata());
            producer.commitTransaction();
            metrics.counter("newswatch.ingest.items.published").increment(articles);
            for (FeedPoller.PollResult r : batch) {
                states.put(r.state().feedId(), r.state());
                r.deadLetters().forEach(d -> metrics.counter("newswatch.ingest.dead.letters").increment());
            }
        } catch (org.apache.kafka.common.errors.ProducerFencedException | org.apache.kafka.common.errors.InvalidProducerEpochException
                 | org.apache.kafka.clients.consumer.CommitFailedException e) {
            // another instance owns these feeds now; it re-polls them from the last committed state
            LOG.warn("ingest transaction fenced ({}); {} poll results dropped, their feeds are re-polled by their owner", e, batch.size());
            throw new IllegalStateException("ingest producer fenced: " + e.getMessage(), e);
        } catch (org.apache.kafka.common.KafkaException e) {
            LOG.warn("ingest transaction failed, {} polls will be repeated: {}", batch.size(), e.toString());
            try {
                producer.abortTransaction();
            } catch (org.apache.kafka.common.KafkaException abort) {
                LOG.warn("abort failed: {}", abort.toString());
            }
        } finally {
            batch.forEach(r -> inFlight.remove(r.state().feedId()));
        }
    }

    private static double field(Map<String, FeedState> states, String id, java.util.function.ToDoubleFunction<FeedState> f) {
        FeedState s = states.get(id);
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }

    private TopicPartition partitionOf(String feedId) {
        return new TopicPartition(topics.ingestState().name(), Utils.toPositive(Utils.murmur2(feedId.getBytes(StandardCharsets.UTF_8))) % partitions);
    }

    private List<String> feedsOf(TopicPartition tp) {
        return feeds.keySet().stream().filter(id -> partitionOf(id).equals(tp)).toList();
    }

    private long ownedFeeds() {
        return partitions < 0 ? 0 : feeds.keySet().stream().filter(id -> owned.contains(partitionOf(id))).count();
    }

    /**
     * Liveness: the coordinator's loop made a pass within {@code stallAfter} (a broker outage does not stop it: its
     * consumer poll returns empty). Non-blocking, callable from any thread.
     */
    public Health.Status liveness(Duration stallAfter) {
        Instant pass = lastPass;
        Instant now = clock.instant();
        if (pass == null) {
            return Health.Status.up("starting");
        }
        long age = Duration.between(pass, now).toSeconds();
        return age > stallAfter.toSeconds() ? Health.Status.down("coordinator loop stalled for " + age + "s")
                : Health.Status.up("polling: " + ownedFeeds() + " feeds owned, " + pollingSince.size() + " polls in flight");
    }

    /**
     * Readiness: alive, the state of its feeds restored, and no poll running longer than {@code stallAfter} (a
     * poll is bounded by the fetch timeouts, so one that runs this long is stuck). Non-blocking.
     */
    public Health.Status readiness(Duration stallAfter) {
        Health.Status live = liveness(stallAfter);
        if (!live.up() || lastPass == null) {
            return lastPass == null ? Health.Status.down("starting") : live;
        }
        Instant now = clock.instant();
        List<String> stuck = pollingSince.entrySet().stream().filter(e -> Duration.between(e.getValue(), now).compareTo(stallAfter) > 0)
                .map(Map.Entry::getKey).sorted().limit(5).toList();
        if (!stuck.isEmpty()) {
            return Health.Status.down("polls running for more than " + stallAfter.toSeconds() + "s: " + String.join(", ", stuck));
        }
        if (restoringPartitions) {
            return Health.Status.down("restoring feed state");
        }
        return live;
    }

    /** Feed states known to this instance, for tests and the health endpoint. */
    public Map<String, FeedState> states() {
        return Map.copyOf(states);
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> c;

        Rebalance(KafkaConsumer<String, byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            owned.removeAll(revoked);
            revoked.forEach(restoring::remove);
            // let polls of revoked feeds finish and commit, so the next owner starts from their state
            for (TopicPartition tp : revoked) {
                for (String id : feedsOf(tp)) {
                    Future<?> f = inFlight.get(id);
                    if (f != null) {
                        try {
                            f.get(2, TimeUnit.MINUTES);
                        } catch (Exception e) {
                            LOG.warn("poll of feed {} did not finish before its partition moved: {}", id, e.toString());
                        }
                    }
                }
            }
            commitDone(c);
            for (TopicPartition tp : revoked) {
                feedsOf(tp).forEach(states::remove);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (partitions < 0) {
                partitions = c.partitionsFor(topics.ingestState().name()).size();
            }
            if (assigned.isEmpty()) {
                return;
            }
            c.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = c.endOffsets(assigned);
            restoring.putAll(end);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
