package io.newswatch.tools.bench;

import io.newswatch.tools.bench.IngestBenchmark;
import io.newswatch.tools.bench.ProcessorBenchmark;
import io.newswatch.app.Newswatch;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch bench}: benchmarks that print figures (speed and memory targets live here, not in tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print throughput, latency and memory figures.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Processor.class})
public final class BenchCommand {
    @ParentCommand
    Newswatch parent;

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

        @Option(names = "--commit-interval-ms", defaultValue = "200",
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
}
