package io.newswatch.app.replay;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.alerts.AlertTopology;
import io.newswatch.alerts.AlertsConfig;
import io.newswatch.app.TopicSetup;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.model.Alert;
import io.newswatch.model.Match;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorFactory;
import io.newswatch.processor.ProcessorStreams;
import io.newswatch.processor.ReplaySequence;
import io.newswatch.model.topic.TopicCreator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-runs the processor and the alert decisions (not the deliveries) over the articles of a time window, with the
 * configured or candidate rules, and collects what production decided in the same window for the report.
 *
 * <ol>
 *   <li>Reads the window from {@code <prefix>.articles} by record timestamp (event time), starting at
 *       {@code offsetsForTimes(from - processor.storyWindow)} so that stories open at {@code from} are known (that
 *       warm-up raises no reported alert), and ending where a record can no longer be in the window
 *       ({@code to + ingest.maxPublishedLag}). It reads with assigned partitions and no consumer group, so production
 *       offsets are never touched.</li>
 *   <li>Copies the articles, sorted by fetch time and then article id (through a temporary file, so the heap holds
 *       only an index), onto a private articles topic, {@code <prefix>.replay-<id>.articles}, each with its record
 *       timestamp and its place in that order ({@link ReplaySequence}), spread over one partition per analysis thread
 *       ({@link #ANALYSIS_THREADS}). The analysis runs in parallel; the story stage takes the articles strictly by
 *       their place, that is in the exact order production's reorder buffer hands them on ({@code StoryOrder}: fetch
 *       time, then article id).</li>
 *   <li>Runs the processor built by {@link ProcessorFactory} (the service's code and settings, candidate rules) and
 *       the alert raiser ({@link AlertTopology}) under fresh application ids on the private topics, until every
 *       article has gone through both; nothing is delivered.</li>
 *   <li>Reads the private alerts and matches, and production's alerts, matches and desk feedback of the window, then
 *       deletes every private topic (including Kafka Streams' changelogs), the consumer groups and the local state.</li>
 * </ol>
 *
 * Not thread-safe; one replay per instance.
 */
public final class Replay {
    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    /**
     * Analysis threads, and partitions of the private articles topic: one per core, at most 8. The story stage still
     * takes the articles in one exact order ({@link ReplaySequence}).
     */
    static final int ANALYSIS_THREADS = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 8);
    /** Margin past {@code to + maxPublishedLag} read in case ingest instances' clocks differ. */
    private static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    private final Config production;
    private final Path rules;
    private final Instant from;
    private final Instant to;
    private final Progress progress;
    private final String id;

    /**
     * @param production the deployment's config, with Kafka reachable
     * @param rules      candidate rule file or directory, or {@code null} for the configured rules
     * @param from       start of the window (inclusive)
     * @param to         end of the window (exclusive), after {@code from}
     * @param progress   where progress is reported
     */
    public Replay(Config production, Path rules, Instant from, Instant to, Progress progress) {
        if (production == null || from == null || to == null || progress == null) {
            throw new IllegalArgumentException("config, window and progress must not be null");
        }
        if (!to.isAfter(from)) {
            throw new ConfigException("--to " + to + " must be after --from " + from);
        }
        this.production = production;
        this.rules = rules;
        this.from = from;
        this.to = to;
        this.progress = progress;
        this.id = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What the replay found: the articles it replayed, and each side's alerts and matches in the window. */
    public record Outcome(int articles, List<Alert> baseline, List<Alert> candidate, List<Match> baselineMatches,
                          List<Match> candidateMatches, Map<String, String> feedback, Duration took) {
    }

    /** Runs the replay; private topics, groups and state are removed whether it succeeds or not. */
    public Outcome run() throws Exception {
        long start = System.nanoTime();
        Topics prod = TopicKeys.topics(production);
        String prefix = prod.prefix() + "." + id;
        Path state = Files.createTempDirectory("newswatch-" + id);
        Config replay = production.with(TopicKeys.PREFIX, prefix, "replay")
                .with(TopicKeys.PARTITIONS, 1, "replay")
                .with(ProcessorConfig.APPLICATION_ID, prefix + "-processor", "replay")
                .with(ProcessorConfig.STATE_DIR, state, "replay")
                .with(ProcessorConfig.THREADS, ANALYSIS_THREADS, "replay")
                .with(ProcessorConfig.REORDER_GRACE, Duration.ZERO, "replay")
                .with(AlertsConfig.APPLICATION_ID, prefix + "-alerts", "replay")
                .with(AlertsConfig.STATE_DIR, state, "replay");
        if (rules != null) {
            replay = replay.with(ProcessorConfig.RULES, rules, "--rules");
        }
        Topics topics = TopicKeys.topics(replay);
        ProcessorFactory factory = ProcessorFactory.load(replay); // candidate rules checked before anything is created
        try (Admin admin = Admin.create(KafkaClients.common(production, "newswatch-replay-admin"))) {
            try {
                // the articles are spread over one partition per analysis thread; every other private topic has one
                TopicCreator.ensure(replay.with(TopicKeys.PARTITIONS, ANALYSIS_THREADS, "replay"), List.of(topics.articles()));
                TopicSetup.createAll(replay);
                Instant warmFrom = from.minus(factory.settings().storyWindow());
                Copied copied = copyWindow(prod, topics, warmFrom);
                LOG.info("replay {}: {} articles from {} to {}, {} more from the warm-up since {}", id, copied.total() - copied.warmUp(), from, to,
                        copied.warmUp(), warmFrom);
                runStreams(admin, replay, factory, topics, copied.total());
                List<Alert> candidate = inWindow(latest(read(replay, topics.alerts().name(), topics.alerts().valueSerde().deserializer()::deserialize,
                        Long.MIN_VALUE, Long.MAX_VALUE)));
                List<Match> candidateMatches = read(replay, topics.matches().name(), topics.matches().valueSerde().deserializer()::deserialize,
                        from.toEpochMilli(), to.toEpochMilli());
                List<Alert> baseline = inWindow(latest(read(production, prod.alerts().name(), prod.alerts().valueSerde().deserializer()::deserialize,
                        from.toEpochMilli(), Long.MAX_VALUE)));
                List<Match> baselineMatches = read(production, prod.matches().name(), prod.matches().valueSerde().deserializer()::deserialize,
                        from.toEpochMilli(), to.toEpochMilli());
                Map<String, String> feedback = Feedback.read(production, admin, prod.feedback());
                return new Outcome(copied.total() - copied.warmUp(), baseline, candidate, baselineMatches, candidateMatches, feedback,
                        Duration.ofNanos(System.nanoTime() - start));
            } finally {
                factory.close();
                cleanUp(admin, prefix, replay, state);
            }
        }
    }

    /** Copies the window's articles, sorted by (fetch time, key), onto the private articles topic; returns how many. */
    private Copied copyWindow(Topics prod, Topics topics, Instant warmFrom) throws IOException {
        Path spill = Files.createTempFile("newswatch-" + id, ".articles");
        List<Entry> index = new ArrayList<>();
        int warmUp;
        long readTo = to.plus(production.get(IngestConfig.MAX_PUBLISHED_LAG)).plus(CLOCK_MARGIN).toEpochMilli();
        try (FileChannel file = FileChannel.open(spill, StandardOpenOption.WRITE, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(production, "newswatch-" + id + "-reader", null),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(prod.articles().name())) {
                parts.add(new TopicPartition(p.topic(), p.partition()));
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            Map<TopicPartition, Long> stops = new HashMap<>(ends);
            offsets(consumer, parts, readTo).forEach((tp, o) -> stops.put(tp, Math.min(ends.get(tp), o)));
            Map<TopicPartition, Long> starts = offsets(consumer, parts, warmFrom.toEpochMilli());
            long total = 0;
            for (TopicPartition tp : parts) {
                total += Math.max(0, stops.get(tp) - starts.getOrDefault(tp, stops.get(tp)));
            }
            progress.phase("reading the window", total);
            consumer.assign(parts);
            parts.forEach(tp -> consumer.seek(tp, starts.getOrDefault(tp, stops.get(tp))));
            long pos = 0;
            long done = 0;
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < stops.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= stops.get(tp)) {
                        continue;
                    }
                    done++;
                    if (r.timestamp() < warmFrom.toEpochMilli() || r.timestamp() >= to.toEpochMilli() || r.value() == null || r.key() == null) {
                        continue;
                    }
                    file.write(ByteBuffer.wrap(r.value()), pos);
                    index.add(new Entry(fetchedAt(r), r.timestamp(), r.key(), pos, r.value().length));
                    pos += r.value().length;
                }
                progress.update(done);
                parts.stream().filter(tp -> consumer.position(tp) >= stops.get(tp)).forEach(tp -> consumer.pause(List.of(tp)));
            }
            index.sort(ORDER);
            warmUp = (int) index.stream().filter(e -> e.timestamp() < from.toEpochMilli()).count();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(production, "newswatch-" + id + "-copy"),
                    new StringSerializer(), new ByteArraySerializer())) {
                long place = 0;
                for (Entry e : index) {
                    ByteBuffer value = ByteBuffer.allocate(e.length());
                    file.read(value, e.position());
                    var record = new ProducerRecord<>(topics.articles().name(), (int) (place % ANALYSIS_THREADS), e.timestamp(), e.key(), value.array());
                    record.headers().add(ReplaySequence.HEADER, ReplaySequence.encode(place++));
                    producer.send(record);
                }
                producer.flush();
            }
        }
        return new Copied(index.size(), warmUp);
    }

    private record Copied(int total, int warmUp) {
    }

    /**
     * One article of the window: where its value lies in the spill file, and its order key.
     *
     * @param fetchedAt the article's fetch time (epoch ms), the story stage's order key with the article id
     * @param timestamp the record timestamp (event time), kept on the copy
     */
    record Entry(long fetchedAt, long timestamp, String key, long position, int length) {
    }

    /** The story stage's order ({@code StoryOrder}): fetch time, then article id (the record key). */
    static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::fetchedAt).thenComparing(Entry::key);

    /** Only the field the order needs; the rest of the article is skipped, not bound. */
    private record FetchTime(Instant fetchedAt) {
    }

    /**
     * The fetch time of an article record. A record that is not a readable article (the analysis will dead-letter it
     * as production's did) is placed by its record timestamp.
     */
    static long fetchedAt(ConsumerRecord<String, byte[]> r) {
        try {
            FetchTime t = io.newswatch.model.topic.Json.mapper().readValue(r.value(), FetchTime.class);
            return t != null && t.fetchedAt() != null ? t.fetchedAt().toEpochMilli() : r.timestamp();
        } catch (IOException | RuntimeException e) {
            return r.timestamp();
        }
    }

    private static Map<TopicPartition, Long> offsets(KafkaConsumer<?, ?> consumer, List<TopicPartition> parts, long time) {
        Map<TopicPartition, Long> query = parts.stream().collect(Collectors.toMap(tp -> tp, tp -> time));
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : consumer.offsetsForTimes(query).entrySet()) {
            if (e.getValue() != null) {
                out.put(e.getKey(), e.getValue().offset());
            }
        }
        return out;
    }

    /** Runs the processor and the alert raiser on the private topics until both have taken in everything. */
    private void runStreams(Admin admin, Config replay, ProcessorFactory factory, Topics topics, int articles) throws Exception {
        AlertsConfig alerts = AlertsConfig.from(replay);
        ProcessorConfig settings = factory.settings();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (ProcessorStreams processor = factory.streams(metrics);
             KafkaStreams raiser = new KafkaStreams(AlertTopology.build(topics, alerts.dedupRetention(), alerts.updateInterval(), dl -> { }),
                     KafkaClients.streams(replay, alerts.applicationId(), alerts.stateDir(), 1))) {
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            processor.setUncaughtExceptionHandler(e -> {
                failures.add(e);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            raiser.setUncaughtExceptionHandler(e -> {
                failures.add(e);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            processor.start();
            raiser.start();
            progress.phase("replaying", articles);
            Drain analysis = new Drain(admin, settings.applicationId(), topics.articles().name(), ANALYSIS_THREADS);
            Drain ordered = new Drain(admin, settings.orderedApplicationId(), topics.stories().name(), 1);
            Drain raised = new Drain(admin, alerts.applicationId(), topics.matches().name(), 1);
            while (true) {
                if (!failures.isEmpty()) {
                    throw new IllegalStateException("replay " + id + " failed: " + failures.get(0), failures.get(0));
                }
                long analysed = analysis.committed();
                progress.update(Math.min(analysed, articles));
                if (analysis.done() && ordered.done() && raised.done()) {
                    break;
                }
                Thread.sleep(250);
            }
            progress.finish();
            processor.close(Duration.ofSeconds(30));
            raiser.close(Duration.ofSeconds(30));
        }
    }

    /** Whether a Kafka Streams application has committed past everything on its input topic (one partition). */
    private static final class Drain {
        private final Admin admin;
        private final String group;
        private final List<TopicPartition> inputs = new ArrayList<>();
        private final Map<TopicPartition, Long> stableEnd = new HashMap<>();
        private final Map<TopicPartition, Integer> stableChecks = new HashMap<>();

        Drain(Admin admin, String group, String topic, int partitions) {
            this.admin = admin;
            this.group = group;
            for (int p = 0; p < partitions; p++) {
                inputs.add(new TopicPartition(topic, p));
            }
        }

        private Map<TopicPartition, OffsetAndMetadata> offsets() throws ExecutionException, InterruptedException {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }

        /** Records committed over all the input partitions. */
        long committed() throws ExecutionException, InterruptedException {
            Map<TopicPartition, OffsetAndMetadata> offsets = offsets();
            return inputs.stream().map(offsets::get).mapToLong(o -> o == null ? 0 : o.offset()).sum();
        }

        /**
         * Every input partition committed at its end offset; or, since a transactional topic ends with a commit marker
         * the committed offset may stop just before, one short of an end that has not moved for a few checks.
         */
        boolean done() throws ExecutionException, InterruptedException {
            Map<TopicPartition, OffsetAndMetadata> offsets = offsets();
            var ends = admin.listOffsets(inputs.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())));
            boolean all = true;
            for (TopicPartition tp : inputs) {
                long end = ends.partitionResult(tp).get().offset();
                OffsetAndMetadata o = offsets.get(tp);
                long committed = o == null ? 0 : o.offset();
                if (committed >= end) {
                    continue;
                }
                if (Long.valueOf(end).equals(stableEnd.get(tp)) && committed == end - 1) {
                    int checks = stableChecks.merge(tp, 1, Integer::sum);
                    all &= checks >= 8;
                    continue;
                }
                stableEnd.put(tp, end);
                stableChecks.put(tp, 0);
                all = false;
            }
            return all;
        }
    }

    private <V> List<V> read(Config config, String topic, BiConsumerDeserializer<V> deserializer, long fromMs, long toMs) {
        List<V> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, "newswatch-" + id + "-report", null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.timestamp() < fromMs || r.timestamp() >= toMs || r.value() == null) {
                        continue;
                    }
                    try {
                        out.add(deserializer.apply(r.topic(), r.value()));
                    } catch (RuntimeException e) {
                        LOG.warn("replay {}: skipping unreadable record {}-{}@{}: {}", id, r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface BiConsumerDeserializer<V> {
        V apply(String topic, byte[] data);
    }

    /** The latest version of each alert. */
    private static List<Alert> latest(List<Alert> alerts) {
        Map<String, Alert> byId = new HashMap<>();
        for (Alert a : alerts) {
            byId.merge(a.alertId(), a, (x, y) -> y.version() >= x.version() ? y : x);
        }
        return new ArrayList<>(byId.values());
    }

    /** The alerts raised in the window (not in the warm-up, nor after it). */
    private List<Alert> inWindow(List<Alert> alerts) {
        return alerts.stream().filter(a -> a.raisedAt() != null && !a.raisedAt().isBefore(from) && a.raisedAt().isBefore(to))
                .sorted(Comparator.comparing(Alert::ruleId).thenComparing(Alert::alertId)).toList();
    }

    /** Deletes every topic of the private prefix (Kafka Streams' own topics start with it too), the groups and the state. */
    private void cleanUp(Admin admin, String prefix, Config replay, Path state) {
        try {
            Set<String> mine = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).collect(Collectors.toSet());
            admin.deleteTopics(mine).all().get();
            ProcessorConfig p = ProcessorConfig.from(replay);
            List<String> groups = List.of(p.applicationId(), p.orderedApplicationId(), AlertsConfig.from(replay).applicationId());
            try {
                admin.deleteConsumerGroups(groups).all().get();
            } catch (ExecutionException e) {
                LOG.debug("replay {}: groups not deleted: {}", id, e.getCause().toString());
            }
            LOG.info("replay {}: deleted {} private topics", id, mine.size());
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("replay {}: could not delete every private topic (prefix {}): {}", id, prefix, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("replay {}: could not delete its state under {}: {}", id, state, e.toString());
        }
    }
}
