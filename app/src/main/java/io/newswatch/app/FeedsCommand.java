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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Command(name = "import", mixinStandardHelpOptions = true, description = {"Converts OPML subscription lists to one feed list YAML.",
            "A file that cannot be read or is not valid OPML is reported with its name and reason and the others are still imported;",
            "the exit code is then 1. A feed listed in several files is kept once (its first id and name)."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        FeedsCommand feeds;

        @Parameters(arity = "1..*", paramLabel = "FILE.opml")
        List<Path> opml;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the YAML here (default: standard output).")
        Path out;

        @Override
        public Integer call() throws Exception {
            FileBatch batch = new FileBatch("feeds import", feeds.parent.spec.commandLine().getErr());
            Map<String, FeedSpec> byUrl = new LinkedHashMap<>();
            Set<String> ids = new HashSet<>();
            for (Path file : opml) {
                batch.each(file, () -> {
                    for (FeedSpec f : Opml.read(file)) {
                        if (!byUrl.containsKey(f.url())) {
                            FeedSpec unique = f;
                            for (int n = 2; ids.contains(unique.id()); n++) {
                                unique = new FeedSpec(f.id() + "-" + n, f.url(), f.source(), f.lang(), f.pollInterval(), f.fullText(), f.tags());
                            }
                            ids.add(unique.id());
                            byUrl.put(f.url(), unique);
                        }
                    }
                });
            }
            if (batch.done() == 0) {
                batch.finish();
                throw new ConfigException("no OPML file could be imported");
            }
            List<FeedSpec> list = List.copyOf(byUrl.values());
            String yaml = FeedList.toYaml(list);
            if (out == null) {
                feeds.parent.spec.commandLine().getOut().print(yaml);
            } else {
                Files.writeString(out, yaml, StandardCharsets.UTF_8);
                feeds.parent.spec.commandLine().getOut().printf("wrote %d feeds to %s%n", list.size(), out);
            }
            feeds.parent.spec.commandLine().getOut().flush();
            return batch.finish();
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
