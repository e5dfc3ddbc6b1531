package io.newswatch.tools.faults;

import io.newswatch.app.TopicSetup;
import io.newswatch.app.broker.LocalKafkaCluster;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.model.Article;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.processor.ProcessorFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault test, in the style of Kafka's own EOS system tests: a three-node KRaft cluster in this JVM, two
 * processor and two ingest processes (JVMs of their own), and a stream of invented articles served as RSS feeds.
 * While the stream flows, a processor process is killed with SIGKILL {@code kills} times (a survivor takes over its
 * partitions; the victim is started again) and one broker is stopped and started. Afterwards a read_committed read
 * shows every article on the articles topic exactly once, and every match the processor's own analysis expects
 * (the same rules run here on the same articles) exactly once on the matches topic. Optionally measures the
 * throughput of the same stream on one and on two processor processes.
 */
public final class FaultRun {
    /** What to run. */
    public record Settings(int feeds, int itemsPerFeed, Duration release, int kills, boolean restartBroker, int throughputArticles,
                           Path workDir) {
        public Settings {
            if (feeds < 1 || itemsPerFeed < 1 || itemsPerFeed > 1000) {
                throw new IllegalArgumentException("need at least one feed and 1-1000 items per feed, got " + feeds + " x " + itemsPerFeed);
            }
            if (kills < 0 || throughputArticles < 0) {
                throw new IllegalArgumentException("kills and throughputArticles must be >= 0");
            }
        }
    }

    /** What came out. {@code ok()} when nothing was lost or duplicated. */
    public record Result(int published, int articleRecords, int distinctArticles, int missingArticles, int expectedMatches,
                         int matchRecords, int duplicateMatches, int missingMatches, int unexpectedMatches, int wrongRules,
                         List<Duration> takeovers, double onePerSecond, double twoPerSecond) {
        public boolean ok() {
            return articleRecords == published && distinctArticles == published && missingArticles == 0 && duplicateMatches == 0
                    && missingMatches == 0 && unexpectedMatches == 0 && wrongRules == 0 && matchRecords == expectedMatches;
        }
    }

    private static final String PROCESSOR_APP = "fault-processor";

    private final Settings settings;
    private final Config base;
    private final PrintWriter out;

    /** @param base the configuration the services start from (defaults and rules); Kafka and topics are replaced */
    public FaultRun(Settings settings, Config base, PrintWriter out) {
        this.settings = settings;
        this.base = base;
        this.out = out;
    }

    public Result run() throws Exception {
        Path work = settings.workDir();
        Files.createDirectories(work);
        try (LocalKafkaCluster cluster = new LocalKafkaCluster(work.resolve("kafka"), 3).start();
             FeedStream feeds = new FeedStream(settings.feeds(), settings.itemsPerFeed(), 42, settings.release())) {
            say("3-node KRaft cluster on %s", cluster.bootstrapServers());
            Config config = config(cluster.bootstrapServers(), "fault");
            TopicSetup.createAll(config);
            Topics topics = TopicKeys.topics(config);
            Path feedList = feeds.writeFeedList(work.resolve("feeds.yaml"));
            Map<String, String> env = env(cluster.bootstrapServers(), "fault", feedList);
            List<Duration> takeovers = new ArrayList<>();
            List<ServiceProcess> ingest = new ArrayList<>();
            ServiceProcess[] processors = new ServiceProcess[2];
            try (Admin admin = Admin.create(KafkaClients.common(config, "fault-observer"))) {
                for (int i = 0; i < 2; i++) {
                    processors[i] = processor(i, env, work);
                }
                for (int i = 0; i < 2; i++) {
                    ingest.add(ServiceProcess.start("ingest-" + i, List.of("ingest"), with(env, Map.of()), work.resolve("ingest-" + i + ".log")));
                }
                awaitMembers(admin, PROCESSOR_APP, 2, Duration.ofMinutes(3));
                feeds.begin();
                say("%d articles released over %s from %d feeds; 2 ingest and 2 processor processes", feeds.total(), settings.release(),
                        settings.feeds());
                List<Double> killAt = new ArrayList<>();
                for (int k = 0; k < settings.kills(); k++) {
                    killAt.add(0.15 + 0.6 * k / Math.max(1, settings.kills()));
                }
                double brokerAt = settings.restartBroker() ? 0.5 : 2;
                int victim = 0;
                while (!killAt.isEmpty() || brokerAt <= 1) {
                    double next = Math.min(killAt.isEmpty() ? 2 : killAt.get(0), brokerAt);
                    awaitProgress(admin, topics, feeds.total(), next, Duration.ofMinutes(20));
                    if (next == brokerAt) {
                        say("restarting broker 2 at %.0f%% processed", 100 * progress(admin, topics, feeds.total()));
                        cluster.restart(2);
                        brokerAt = 2;
                        continue;
                    }
                    killAt.remove(0);
                    // both processes in both groups first, so that the kill leaves a survivor holding work to take over
                    awaitMembers(admin, PROCESSOR_APP, 2, Duration.ofMinutes(3));
                    awaitMembers(admin, PROCESSOR_APP + "-ordered", 2, Duration.ofMinutes(3));
                    ServiceProcess dead = processors[victim];
                    say("kill -9 %s (pid %d) at %.0f%% processed", dead.name(), dead.pid(), 100 * progress(admin, topics, feeds.total()));
                    Instant t0 = Instant.now();
                    dead.kill9();
                    awaitMembers(admin, PROCESSOR_APP, 1, Duration.ofMinutes(3));
                    awaitMembers(admin, PROCESSOR_APP + "-ordered", 1, Duration.ofMinutes(3));
                    Duration takeover = Duration.between(t0, Instant.now());
                    takeovers.add(takeover);
                    say("  survivor took over every partition after %.1f s; restarting %s", takeover.toMillis() / 1000.0, dead.name());
                    processors[victim] = processor(victim, env, work);
                    victim = 1 - victim;
                }
                awaitDone(admin, topics, feeds.total());
            } finally {
                for (ServiceProcess p : ingest) {
                    p.close();
                }
                for (ServiceProcess p : processors) {
                    if (p != null) {
                        p.close();
                    }
                }
            }
            Result r = verify(config, topics, feeds, takeovers);
            double one = 0;
            double two = 0;
            if (settings.throughputArticles() > 0) {
                one = throughput(cluster, feeds, 1, work);
                two = throughput(cluster, feeds, 2, work);
            }
            return new Result(r.published(), r.articleRecords(), r.distinctArticles(), r.missingArticles(), r.expectedMatches(),
                    r.matchRecords(), r.duplicateMatches(), r.missingMatches(), r.unexpectedMatches(), r.wrongRules(), takeovers, one, two);
        }
    }

    private ServiceProcess processor(int i, Map<String, String> env, Path work) throws IOException {
        return ServiceProcess.start("processor-" + i, List.of("process"),
                with(env, Map.of("NEWSWATCH_PROCESSOR_STATE_DIR", work.resolve("processor-" + i).toString())),
                work.resolve("processor-" + i + ".log"));
    }

    private Config config(String bootstrap, String prefix) {
        Map<String, String> kafka = new LinkedHashMap<>(base.kafka());
        kafka.put("bootstrap.servers", bootstrap);
        return base.withKafka(kafka)
                .with(TopicKeys.PREFIX, prefix, "fault test")
                .with(TopicKeys.PARTITIONS, 6, "fault test")
                .with(TopicKeys.REPLICATION, 3, "fault test")
                .with(ProcessorConfig.APPLICATION_ID, prefix + "-processor", "fault test");
    }

    private Map<String, String> env(String bootstrap, String prefix, Path feedList) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("NEWSWATCH_TOPICS_PREFIX", prefix);
        env.put("NEWSWATCH_TOPICS_PARTITIONS", "6");
        env.put("NEWSWATCH_TOPICS_REPLICATION_FACTOR", "3");
        env.put("NEWSWATCH_PROCESSOR_APPLICATION_ID", prefix + "-processor");
        env.put("NEWSWATCH_INGEST_GROUP", prefix + "-ingest");
        env.put("NEWSWATCH_INGEST_EGRESS_ALLOW", "127.0.0.1/32");
        env.put("NEWSWATCH_OPS_PORT", "0");
        if (feedList != null) {
            env.put("NEWSWATCH_INGEST_FEEDS", feedList.toString());
        }
        // a dead member is noticed in 10 s, not the default 45 s; its open transaction is aborted after 10 s
        env.put("NEWSWATCH_KAFKA_SESSION_TIMEOUT_MS", "10000");
        env.put("NEWSWATCH_KAFKA_HEARTBEAT_INTERVAL_MS", "2000");
        return env;
    }

    private static Map<String, String> with(Map<String, String> env, Map<String, String> more) {
        Map<String, String> m = new HashMap<>(env);
        m.putAll(more);
        return m;
    }

    /** Share of the released articles the analysis stage has committed (offsets, so transaction markers count a little). */
    private static double progress(Admin admin, Topics topics, int total) throws Exception {
        return (double) committed(admin, PROCESSOR_APP, topics.articles().name()) / total;
    }

    private static long committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        var desc = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        Map<TopicPartition, OffsetSpec> q = new HashMap<>();
        desc.partitions().forEach(p -> q.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(q).all().get().entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    private void awaitProgress(Admin admin, Topics topics, int total, double share, Duration timeout) throws Exception {
        await("analysis progress " + share, timeout, () -> progress(admin, topics, total) >= share);
    }

    /** Waits until the group is stable with exactly {@code members} members. */
    private static void awaitMembers(Admin admin, String group, int members, Duration timeout) throws Exception {
        await("group " + group + " stable with " + members + " member(s)", timeout, () -> {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return d.groupState() == GroupState.STABLE && d.members().size() == members;
        });
    }

    /** Waits until ingest has published everything and both stages have committed up to the end of their input. */
    private void awaitDone(Admin admin, Topics topics, int total) throws Exception {
        long[] stableSince = {0};
        Map<String, Long> last = new HashMap<>();
        await("the stream to drain", Duration.ofMinutes(30), () -> {
            long articlesEnd = ends(admin, topics.articles().name()).values().stream().mapToLong(Long::longValue).sum();
            long storiesEnd = ends(admin, topics.stories().name()).values().stream().mapToLong(Long::longValue).sum();
            long a = committed(admin, PROCESSOR_APP, topics.articles().name());
            long s = committed(admin, PROCESSOR_APP + "-ordered", topics.stories().name());
            boolean caughtUp = a >= articlesEnd && s >= storiesEnd && articlesEnd >= total;
            boolean same = Long.valueOf(articlesEnd).equals(last.put("a", articlesEnd)) && Long.valueOf(storiesEnd).equals(last.put("s", storiesEnd));
            if (!caughtUp || !same) {
                stableSince[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - stableSince[0] > Duration.ofSeconds(40).toNanos();
        });
    }

    private static void await(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (ExecutionException e) {
                // the cluster is between leaders (a broker restart): ask again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(500);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    /** Reads both topics read_committed and compares them with the released articles and the analysis of each. */
    private Result verify(Config config, Topics topics, FeedStream feeds, List<Duration> takeovers) throws Exception {
        Map<String, Integer> articleCount = new HashMap<>();
        Map<String, Set<String>> expected = new HashMap<>();
        int articleRecords = 0;
        try (ProcessorFactory oracle = ProcessorFactory.load(config)) {
            for (ConsumerRecord<String, byte[]> r : readAll(config, topics.articles().name())) {
                articleRecords++;
                Article a = topics.articles().valueSerde().deserializer().deserialize(r.topic(), r.value());
                articleCount.merge(a.id(), 1, Integer::sum);
                Set<String> rules = oracle.pipeline().analyze(a).outcome().hits().stream().map(RuleHit::id).collect(Collectors.toCollection(TreeSet::new));
                if (!rules.isEmpty()) {
                    expected.put(a.id(), rules);
                }
            }
        }
        Set<String> released = new HashSet<>();
        for (int f = 0; f < settings.feeds(); f++) {
            for (int n = 0; n < settings.itemsPerFeed(); n++) {
                released.add(Article.builder(feeds.link(f, n)).title("t").text("x").fetchedAt(Instant.EPOCH).build().id());
            }
        }
        int missingArticles = (int) released.stream().filter(id -> !articleCount.containsKey(id)).count();
        Map<String, Integer> matchCount = new HashMap<>();
        int wrongRules = 0;
        int matchRecords = 0;
        for (ConsumerRecord<String, byte[]> r : readAll(config, topics.matches().name())) {
            matchRecords++;
            Match m = topics.matches().valueSerde().deserializer().deserialize(r.topic(), r.value());
            String id = m.article().id();
            matchCount.merge(id, 1, Integer::sum);
            Set<String> rules = m.rules().stream().map(RuleHit::id).collect(Collectors.toCollection(TreeSet::new));
            if (expected.containsKey(id) && !expected.get(id).equals(rules)) {
                wrongRules++;
            }
        }
        int duplicates = (int) matchCount.values().stream().filter(c -> c > 1).count();
        int missing = (int) expected.keySet().stream().filter(id -> !matchCount.containsKey(id)).count();
        int unexpected = (int) matchCount.keySet().stream().filter(id -> !expected.containsKey(id)).count();
        return new Result(released.size(), articleRecords, articleCount.size(), missingArticles, expected.size(), matchRecords, duplicates,
                missing, unexpected, wrongRules, takeovers, 0, 0);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(Config config, String topic) {
        Properties p = KafkaClients.consumer(config, "fault-verify", null);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    /** Articles per second of the analysis stage on {@code processes} processor processes, on a topic filled beforehand. */
    private double throughput(LocalKafkaCluster cluster, FeedStream feeds, int processes, Path work) throws Exception {
        String prefix = "tput" + processes;
        Config config = config(cluster.bootstrapServers(), prefix);
        TopicSetup.createAll(config);
        Topics topics = TopicKeys.topics(config);
        int n = settings.throughputArticles();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "fault-load"),
                new StringSerializer(), new ByteArraySerializer())) {
            Instant now = Instant.now();
            for (int i = 0; i < n; i++) {
                List<String> text = feeds.article(100_000 + processes, i);
                Article a = Article.builder("https://load.newswatch.example/" + prefix + "/" + i).feedId("load").source("Load Wire").lang("en")
                        .title(text.get(0)).text(text.get(1)).publishedAt(now).fetchedAt(now).build();
                producer.send(new ProducerRecord<>(topics.articles().name(), a.id(), topics.articles().valueSerde().serializer().serialize(null, a)));
            }
        }
        Map<String, String> env = env(cluster.bootstrapServers(), prefix, null);
        List<ServiceProcess> ps = new ArrayList<>();
        try (Admin admin = Admin.create(KafkaClients.common(config, "fault-observer"))) {
            for (int i = 0; i < processes; i++) {
                ps.add(ServiceProcess.start(prefix + "-processor-" + i, List.of("process"),
                        with(env, Map.of("NEWSWATCH_PROCESSOR_STATE_DIR", work.resolve(prefix + "-" + i).toString())), work.resolve(prefix + "-" + i + ".log")));
            }
            String group = prefix + "-processor";
            await("first progress", Duration.ofMinutes(5), () -> committed(admin, group, topics.articles().name()) >= n * 0.05);
            Instant t0 = Instant.now();
            long c0 = committed(admin, group, topics.articles().name());
            await("the load to drain", Duration.ofMinutes(30), () -> committed(admin, group, topics.articles().name()) >= n * 0.95);
            long c1 = committed(admin, group, topics.articles().name());
            double rate = (c1 - c0) / (Duration.between(t0, Instant.now()).toMillis() / 1000.0);
            say("%d processor process(es): %.0f articles/s", processes, rate);
            return rate;
        } finally {
            for (ServiceProcess p : ps) {
                p.close();
            }
        }
    }

    private void say(String format, Object... args) {
        out.printf(Instant.now().toString().substring(11, 19) + " " + format + "%n", args);
        out.flush();
    }

    /** Prints the counts and figures of {@code r}. */
    public static void print(Result r, PrintWriter out) {
        out.printf("articles: %d released, %d records read_committed, %d distinct, %d missing, %d duplicated%n", r.published(),
                r.articleRecords(), r.distinctArticles(), r.missingArticles(), r.articleRecords() - r.distinctArticles());
        out.printf("matches: %d expected, %d records read_committed, %d missing, %d duplicated, %d unexpected, %d with other rules%n",
                r.expectedMatches(), r.matchRecords(), r.missingMatches(), r.duplicateMatches(), r.unexpectedMatches(), r.wrongRules());
        out.printf("takeover after kill -9: %s%n", r.takeovers().stream().map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).toList());
        if (r.onePerSecond() > 0) {
            out.printf("throughput: 1 processor %.0f articles/s, 2 processors %.0f articles/s (x%.2f)%n", r.onePerSecond(), r.twoPerSecond(),
                    r.twoPerSecond() / r.onePerSecond());
        }
        out.println(r.ok() ? "OK: every article once, every expected match once" : "FAILED: articles or matches lost or duplicated");
        out.flush();
    }
}
