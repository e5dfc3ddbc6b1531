package io.newswatch.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.alerts.channel.Channels;
import io.newswatch.model.Alert;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.topic.DeadLetters;
import io.newswatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code newswatch.alerts} in the delivery group and hands each alert version to each channel's own
 * {@link ChannelWorker}, as the {@link Router} decides: sent now, rolled into a digest, or not sent.
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>An alert is delivered only after it is committed on {@code newswatch.alerts} (read_committed).</li>
 * <li>Skip what the {@link DeliveryLedger} holds, send what it lacks: after a crash, only the notices a channel
 *     accepted but whose ledger record was not yet written go out again, with the same idempotency key.</li>
 * <li>Offsets are committed only below the oldest record not yet settled on every channel ({@link OffsetTracker}),
 *     so nothing is lost, and a slow channel holds back commits but never another channel's deliveries.</li>
 * <li>A new channel gets alerts raised from its start on ({@code since}, or its first start as recorded in the
 *     ledger); a new delivery group starts at the earliest channel start ({@code offsetsForTimes}), never at the
 *     beginning of the retained history.</li>
 * <li>Digest windows end on stream time (the newest alert's timestamp) or, when alerts stop coming, on the wall
 *     clock; what goes into which digest depends on stream time only.</li>
 * <li>An alert version stamped before the ledger's horizon ({@code topics.deliveries.retention} back) is skipped
 *     and counted ({@code newswatch.alerts.delivery.expired}): its ledger record may already be gone, so sending it
 *     could send it twice. This happens only when delivery re-reads old alerts (its group's offsets expired while it
 *     was down, a {@code since} further back than the retention, a channel down for longer).</li>
 * <li>No exception ends the loop: an unreadable record is dead-lettered, anything else is logged and the loop
 *     goes on after a pause.</li>
 * </ul>
 *
 * <p>Runs on its own thread ({@link #run()}); {@link #close()} from any thread stops it.
 */
public final class AlertDispatcher implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    /** Records waiting on channels before the loop stops reading (a dead channel's backlog is bounded by this). */
    static final int MAX_PENDING = 20_000;

    private final Topics topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, DeadLetter> dlqProducer;
    private final DeliveryLedger ledger;
    private final List<ChannelWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Router router;
    private final Clock clock;
    private final Counter badRecords;
    private final Counter expired;
    private long expiredSinceLog;
    private Instant lastHousekeeping = Instant.EPOCH;
    private final OffsetTracker offsets = new OffsetTracker();
    private final Map<String, Instant> starts = new HashMap<>();
    private final Map<String, OpenDigest> digests = new LinkedHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean loopAlive;
    private Instant streamTime = Instant.EPOCH;

    /** Alerts gathered for one digest, with the records they hold back. */
    private static final class OpenDigest {
        final ChannelWorker worker;
        final Router.Decision decision;
        final Map<String, Alert> alerts = new LinkedHashMap<>();
        final List<Runnable> settles = new ArrayList<>();

        OpenDigest(ChannelWorker worker, Router.Decision decision) {
            this.worker = worker;
            this.decision = decision;
        }
    }

    public AlertDispatcher(Topics topics, Properties consumerProps, Properties producerProps, DeliveryLedger ledger,
                           List<Channels.Configured> channels, List<Policy> policies, MeterRegistry metrics, Clock clock) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        this.dlqProducer = new KafkaProducer<>(producerProps, topics.dlq().keySerde().serializer(), topics.dlq().valueSerde().serializer());
        this.ledger = ledger;
        this.router = new Router(policies);
        this.clock = clock;
        for (Channels.Configured c : channels) {
            workers.add(new ChannelWorker(c.spec(), c.channel(), ledger, metrics, clock));
        }
        this.badRecords = Counter.builder("newswatch.alerts.dead.letters").description("alerts or records that could not be delivered")
                .register(metrics);
        this.expired = Counter.builder("newswatch.alerts.delivery.expired")
                .description("alert versions not delivered because they are older than the delivery ledger's retention").register(metrics);
    }

    /** Health per channel ({@code channel:<id>}) and of the loop itself. */
    public Map<String, java.util.function.BooleanSupplier> health() {
        Map<String, java.util.function.BooleanSupplier> h = new LinkedHashMap<>();
        h.put("alert-delivery", () -> loopAlive);
        for (ChannelWorker w : workers) {
            h.put("channel:" + w.id(), w::healthy);
        }
        return h;
    }

    @Override
    public void run() {
        loopAlive = true;
        try {
            ledger.load();
            for (ChannelWorker w : workers) {
                starts.put(w.id(), ledger.start(w.id(), w.spec().since()));
                Thread t = Thread.ofPlatform().name("alerts-channel-" + w.id()).daemon().start(w);
                threads.add(t);
            }
            consumer.subscribe(List.of(topics.alerts().name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit();
                    offsets.forget(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    seekNewPartitions(partitions);
                }
            });
            Instant lastCommit = clock.instant();
            while (running.get()) {
                try {
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                    for (ConsumerRecord<String, byte[]> r : batch) {
                        handle(r);
                    }
                    closeDueDigests();
                    flowControl();
                    if (Duration.between(lastCommit, clock.instant()).toMillis() >= 500) {
                        commit();
                        lastCommit = clock.instant();
                    }
                    housekeeping();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.error("alert delivery loop error (continuing in 1 s): {}", e.toString(), e);
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                LOG.error("alert delivery woken up unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("alert delivery could not start: {}", e.toString(), e);
        } finally {
            loopAlive = false;
            workers.forEach(ChannelWorker::stop);
            for (Thread t : threads) {
                try {
                    t.join(Duration.ofSeconds(15));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ledger.flush();
            try {
                commit();
            } catch (RuntimeException e) {
                LOG.warn("last offset commit of alert delivery failed: {}", e.toString());
            }
            consumer.close();
        }
    }

    /** Once a minute: the ledger forgets what is past its horizon and keeps its channel starts alive; skips are reported. */
    private void housekeeping() {
        Instant now = clock.instant();
        if (Duration.between(lastHousekeeping, now).toMinutes() < 1) {
            return;
        }
        lastHousekeeping = now;
        ledger.prune();
        ledger.refreshStarts(starts.keySet());
        if (expiredSinceLog > 0) {
            LOG.warn("{} alert version(s) not delivered: older than the delivery ledger's retention ({}, topics.deliveries.retention)",
                    expiredSinceLog, ledger.retention());
            expiredSinceLog = 0;
        }
    }

    /**
     * A partition the group never committed starts at the earliest channel start, not at the oldest alert, and
     * never before the ledger's horizon.
     */
    private void seekNewPartitions(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
        Instant earliest = starts.values().stream().min(Instant::compareTo).orElse(clock.instant());
        if (earliest.isBefore(ledger.horizon())) {
            earliest = ledger.horizon();
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        for (TopicPartition tp : partitions) {
            if (committed.get(tp) == null) {
                query.put(tp, earliest.toEpochMilli());
            }
        }
        if (query.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        List<TopicPartition> toEnd = new ArrayList<>();
        for (TopicPartition tp : query.keySet()) {
            OffsetAndTimestamp o = found.get(tp);
            if (o == null) {
                toEnd.add(tp);
            } else {
                consumer.seek(tp, o.offset());
            }
        }
        if (!toEnd.isEmpty()) {
            consumer.seekToEnd(toEnd);
        }
        LOG.info("alert delivery starts {} new partition(s) at alerts from {} on", query.size(), earliest);
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (ledger.expired(Instant.ofEpochMilli(r.timestamp()))) {
            expired.increment();
            expiredSinceLog++;
            offsets.read(tp, r.offset(), 0);
            return;
        }
        Alert alert;
        try {
            alert = topics.alerts().valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            LOG.warn("unreadable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            deadLetter(DeadLetters.of("alerts", r, e, clock.instant()));
            offsets.read(tp, r.offset(), 0);
            return;
        }
        if (alert == null) {
            offsets.read(tp, r.offset(), 0);
            return;
        }
        Instant t = Instant.ofEpochMilli(r.timestamp());
        if (t.isAfter(streamTime)) {
            streamTime = t;
        }
        List<Runnable> sends = new ArrayList<>();
        for (ChannelWorker w : workers) {
            Instant start = starts.get(w.id());
            if (alert.raisedAt() != null && alert.raisedAt().isBefore(start)) {
                continue;
            }
            if (alert.isUpdate() && !w.spec().updates()) {
                continue;
            }
            Router.Decision d = router.decide(alert, w.id(), t);
            if (d.kind() == Router.Decision.Kind.SKIP || ledger.settled(w.id(), alert.deliveryId())) {
                continue;
            }
            Runnable settle = () -> offsets.settled(tp, r.offset());
            if (d.kind() == Router.Decision.Kind.SEND) {
                sends.add(() -> w.submit(new ChannelWorker.Job(Notice.of(alert), settle)));
            } else {
                sends.add(() -> {
                    String key = w.id() + "\u0000" + d.policy().id() + "\u0000" + d.windowStart().toEpochMilli();
                    OpenDigest open = digests.computeIfAbsent(key, k -> new OpenDigest(w, d));
                    open.alerts.put(alert.alertId(), alert);
                    open.settles.add(settle);
                });
            }
        }
        offsets.read(tp, r.offset(), sends.size());
        sends.forEach(Runnable::run);
    }

    private void closeDueDigests() {
        Instant now = clock.instant();
        for (Iterator<OpenDigest> it = digests.values().iterator(); it.hasNext(); ) {
            OpenDigest d = it.next();
            Instant end = d.decision.windowEnd();
            if (!streamTime.isBefore(end) || !now.isBefore(end)) {
                it.remove();
                List<Runnable> settles = List.copyOf(d.settles);
                List<Alert> unsent = d.alerts.values().stream().filter(a -> !ledger.settled(d.worker.id(), a.deliveryId())).toList();
                if (unsent.isEmpty()) {
                    settles.forEach(Runnable::run);
                } else {
                    Notice n = Notice.digest(d.decision.policy().id(), d.decision.windowStart(), end, unsent);
                    d.worker.submit(new ChannelWorker.Job(n, () -> settles.forEach(Runnable::run)));
                }
            }
        }
    }

    /** Stops reading while channels hold too many records, so a dead channel's backlog stays bounded. */
    private void flowControl() {
        if (offsets.pendingCount() > MAX_PENDING) {
            if (consumer.paused().isEmpty()) {
                LOG.warn("alert delivery paused: {} alerts wait on channels ({})", offsets.pendingCount(),
                        workers.stream().map(w -> w.id() + "=" + w.queued()).toList());
            }
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> c = offsets.committable();
        c.keySet().retainAll(consumer.assignment());
        if (!c.isEmpty()) {
            consumer.commitSync(c);
        }
    }

    private void deadLetter(DeadLetter dl) {
        badRecords.increment();
        dlqProducer.send(new ProducerRecord<>(topics.dlq().name(), dl.key(), dl), (md, ex) -> {
            if (ex != null) {
                LOG.error("could not write dead letter for {}@{}: {}", dl.sourceTopic(), dl.offset(), ex.toString());
            }
        });
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }

    /** Closes the channels, the ledger and the dead-letter producer; call after the delivery thread ended. */
    public void closeResources() {
        dlqProducer.close(Duration.ofSeconds(10));
        ledger.close();
        for (ChannelWorker w : workers) {
            try {
                w.channelClose();
            } catch (RuntimeException e) {
                LOG.warn("closing channel {}: {}", w.id(), e.toString());
            }
        }
    }
}
