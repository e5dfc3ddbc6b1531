package io.newswatch.tools.bench;

import io.newswatch.tools.bench.IngestBenchmark;
import io.newswatch.tools.bench.ProcessorBenchmark;
import io.newswatch.app.Newswatch;
import io.newswatch.tools.faults.FaultRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch bench}: benchmarks that print figures (speed and memory targets live here, not in tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print throughput, latency and memory figures.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Processor.class, BenchCommand.Alerts.class, BenchCommand.Faults.class,
                BenchCommand.ReplayBench.class})
public final class BenchCommand {
    @ParentCommand
    Newswatch parent;

    @Command(name = "faults", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The fault test: a 3-node KRaft cluster in this JVM, 2 ingest and 2 processor processes, a stream of invented "
                    + "articles from local feeds; kills a processor with SIGKILL --kills times and restarts a broker once, then checks with "
                    + "read_committed reads that every article and every expected match is there exactly once. Prints the counts, the "
                    + "takeover times, and the throughput on 1 and 2 processor processes.", "Takes about 15 minutes with the defaults."})
    static final class Faults implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--feeds", defaultValue = "100", description = "Feeds (default: ${DEFAULT-VALUE}).")
        int feeds;

        @Option(names = "--items", defaultValue = "500", description = "Articles per feed, at most 1000 (default: ${DEFAULT-VALUE}).")
        int items;

        @Option(names = "--release-seconds", defaultValue = "300", description = "Time over which the feeds release their articles (default: ${DEFAULT-VALUE}).")
        int releaseSeconds;

        @Option(names = "--kills", defaultValue = "3", description = "kill -9 of a processor process (default: ${DEFAULT-VALUE}).")
        int kills;

        @Option(names = "--throughput-articles", defaultValue = "10000",
                description = "Articles for the 1 vs 2 processor throughput runs; 0 skips them (default: ${DEFAULT-VALUE}).")
        int throughputArticles;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Where brokers, state and process logs go (default: a new temporary directory).")
        Path workDir;

        @Override
        public Integer call() throws Exception {
            Path dir = workDir != null ? workDir : Files.createTempDirectory("newswatch-faults-");
            bench.parent.out().println("work directory (broker data, process logs): " + dir);
            FaultRun.Result r = new FaultRun(new FaultRun.Settings(feeds, items, Duration.ofSeconds(releaseSeconds), kills, true,
                    throughputArticles, dir), bench.parent.config(null), bench.parent.out()).run();
            FaultRun.print(r, bench.parent.out());
            return r.ok() ? 0 : 1;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Polls N local feeds of M items once (items/s, heap peak), then again (share of 304 Not Modified).")
    static final class Ingest implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--feeds", defaultValue = "1000", description = "Feeds (default: ${DEFAULT-VALUE}).")
        int feeds;

        @Option(names = "--items", defaultValue = "20", description = "Items per feed (default: ${DEFAULT-VALUE}).")
        int items;

        @Override
        public Integer call() throws Exception {
            new IngestBenchmark(feeds, items, bench.parent.out()).run();
            return 0;
        }
    }

    @Command(name = "processor", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Runs the processor topology on a real broker (embedded unless --bootstrap-servers) for each rule count: "
                    + "articles/s end to end, p50/p99 latency, heap; beside it the Kafka ceiling (a pass-through of the same shape) "
                    + "and the matching ceiling (tagging and matching on one thread).", "Takes about 12 minutes with the defaults (up to 20: each rule count warms up until the JIT settles)."})
    static final class Processor implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--rules", split = ",", defaultValue = "10,1000,10000", paramLabel = "N,N,...",
                description = "Rule counts to measure (default: ${DEFAULT-VALUE}).")
        List<Integer> rules;

        @Option(names = "--articles", paramLabel = "N",
                description = "Measured articles per rule count (default: about ten seconds of work per burst: 15000 up to 100 rules, 10000 up to 2000, else 2500).")
        Integer articles;

        @Option(names = "--warmup-seconds", defaultValue = "60",
                description = "Least warm-up before timing each rule count (default: ${DEFAULT-VALUE}); it goes on until the JIT compilers take under 3 %% of the CPU over 10 s.")
        int warmupSeconds;

        @Option(names = "--max-warmup-seconds", defaultValue = "240",
                description = "Most warm-up per rule count, settled or not (default: ${DEFAULT-VALUE}, and never less than --warmup-seconds); with the embedded broker in the same JVM, the JIT still compiles two minutes in.")
        int maxWarmupSeconds;

        @Option(names = "--partitions", description = "Partitions of the article and match topics (default: one per core, "
                + "so each analysis thread has a core; more threads than cores only add switching between them).")
        Integer partitions;

        @Option(names = "--threads", description = "Stream threads of the analysis stage (default: one per partition); the ordered story stage always runs with one thread of its own.")
        Integer threads;

        @Option(names = "--commit-interval-ms", defaultValue = "100",
                description = "Kafka Streams commit interval, i.e. transaction length (default: ${DEFAULT-VALUE}, as the processor runs).")
        int commitIntervalMs;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded broker and Streams state (default: a temporary directory, deleted after).")
        Path dataDir;

        @Option(names = "--rule-set", defaultValue = "realistic", paramLabel = "realistic|topical",
                description = "realistic (default): desk rules on named entities and topics, on a news stream of Zipf-popular names "
                        + "(RuleGenerator.realistic); topical: the earlier rules made of the articles' own topic words.")
        String ruleSet;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Use this Kafka cluster instead of the embedded broker.")
        String bootstrapServers;

        private boolean realistic() {
            return switch (ruleSet) {
                case "realistic" -> true;
                case "topical" -> false;
                default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--rule-set must be realistic or topical, was '" + ruleSet + "'");
            };
        }

        @Override
        public Integer call() throws Exception {
            int parts = partitions != null ? partitions : Runtime.getRuntime().availableProcessors();
            var options = new ProcessorBenchmark.Options(rules, articles, warmupSeconds, Math.max(maxWarmupSeconds, warmupSeconds), parts, threads != null ? threads : parts,
                    commitIntervalMs, dataDir, bootstrapServers, realistic());
            new ProcessorBenchmark(bench.parent.config(bootstrapServers), options, bench.parent.out()).run();
            return 0;
        }
    }

    @Command(name = "alerts", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Alert delivery on a real broker (embedded unless --bootstrap-servers) to a local signed webhook receiver: "
                    + "alerts/s through the dispatcher (a burst written to the alerts topic), then the p50/p99 from an article entering "
                    + "the articles topic to its alert's webhook, through the whole pipeline (processor and alerts as run builds them) at --rate articles/s.",
                    "Takes about a minute and a half with the defaults."})
    static final class Alerts implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--alerts", defaultValue = "5000", description = "Alerts in the dispatcher burst (default: ${DEFAULT-VALUE}).")
        int alerts;

        @Option(names = "--rate", defaultValue = "100", description = "Articles per second in the latency phase (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds of the latency phase (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup-seconds", defaultValue = "15", description = "Unmeasured seconds at the same rate first (default: ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded broker and Streams state (default: a temporary directory, deleted after).")
        Path dataDir;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Use this Kafka cluster instead of the embedded broker.")
        String bootstrapServers;

        @Override
        public Integer call() throws Exception {
            new AlertsBenchmark(bench.parent.config(bootstrapServers),
                    new AlertsBenchmark.Options(alerts, rate, seconds, warmupSeconds, dataDir, bootstrapServers), bench.parent.out()).run();
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Writes N generated articles to a fresh deployment on the embedded broker and replays the window with the default "
                    + "rule pack as 'newswatch replay' does: time, articles/s, peak heap, CPU ms per article, and the ratio to the bare "
                    + "analysis ceiling (one thread) measured in the same run.", "Takes about five minutes with the defaults on two cores."})
    static final class ReplayBench implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--articles", defaultValue = "200000", description = "Articles replayed (default: ${DEFAULT-VALUE}).")
        int articles;

        @Override
        public Integer call() throws Exception {
            new ReplayBenchmark(bench.parent.config(null), articles, bench.parent.out()).run();
            return 0;
        }
    }
}
