package io.newswatch.app;

import io.newswatch.app.bench.IngestBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch bench}: benchmarks that print figures (speed and memory targets live here, not in tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print throughput, latency and memory figures.",
        subcommands = {BenchCommand.Ingest.class})
final class BenchCommand {
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
            new IngestBenchmark(feeds, items, bench.parent.spec.commandLine().getOut()).run();
            return 0;
        }
    }
}
