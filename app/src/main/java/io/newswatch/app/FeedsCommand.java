package io.newswatch.app;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.feed.FeedList;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.ingest.feed.Opml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch feeds}: feed list import and export. */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Feed list tools.",
        subcommands = {FeedsCommand.Import.class, FeedsCommand.Export.class, FeedsCommand.ListFeeds.class})
final class FeedsCommand {
    @ParentCommand
    Newswatch parent;

    List<FeedSpec> configured() {
        Config c = parent.config(null);
        Path p = c.get(IngestConfig.FEEDS);
        return p == null ? FeedList.loadDefault() : FeedList.load(p);
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Converts an OPML subscription list to a feed list YAML.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        FeedsCommand feeds;

        @Parameters(index = "0", paramLabel = "FILE.opml")
        Path opml;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the YAML here (default: standard output).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(opml)) {
                throw new ConfigException("no such file: " + opml);
            }
            List<FeedSpec> list;
            try {
                list = Opml.read(opml);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(opml + ": " + e.getMessage(), e);
            }
            String yaml = FeedList.toYaml(list);
            if (out == null) {
                feeds.parent.spec.commandLine().getOut().print(yaml);
            } else {
                Files.writeString(out, yaml, StandardCharsets.UTF_8);
                feeds.parent.spec.commandLine().getOut().printf("wrote %d feeds to %s%n", list.size(), out);
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Prints the configured feed list as OPML.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        FeedsCommand feeds;

        @Override
        public Integer call() {
            feeds.parent.spec.commandLine().getOut().print(Opml.write(feeds.configured()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Prints the configured feeds, one per line.")
    static final class ListFeeds implements Callable<Integer> {
        @ParentCommand
        FeedsCommand feeds;

        @Override
        public Integer call() {
            for (FeedSpec f : feeds.configured()) {
                feeds.parent.spec.commandLine().getOut().printf("%-32s %-3s %-6s %s%n", f.id(), f.lang() == null ? "-" : f.lang(),
                        f.pollInterval().toMinutes() + "m", f.url());
            }
            return 0;
        }
    }
}
