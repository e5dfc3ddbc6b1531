package io.newswatch.app;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.ingest.Extractors;
import io.newswatch.ingest.files.ArticleFiles;
import io.newswatch.model.Article;
import io.newswatch.model.topic.Json;
import io.newswatch.processor.ProcessorConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch scan}: the processor's matching, entities, dedup and stories over files, without Kafka. */
@Command(name = "scan", mixinStandardHelpOptions = true, description = {
        "Runs article files through the same extraction, matching, entity, dedup and story code as the services, without Kafka,",
        "and prints one JSON object per file: {\"file\",\"id\",\"title\",\"lang\",\"rules\":[{\"id\",\"score\",\"snippets\"}],"
                + "\"entities\":[{\"id\",\"type\",\"name\",\"count\"}],\"duplicateOf\",\"storyId\"}.",
        "Files: .txt (first line the title, then the body), .html (a web page), .json (an article record), read in the order given."})
final class ScanCommand implements Callable<Integer> {
    @ParentCommand
    Newswatch parent;

    @Option(names = "--rules", paramLabel = "PATH", description = "Rule file or directory (default: processor.rules, else the bundled pack).")
    Path rules;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        Config config = parent.config(null);
        if (rules != null) {
            config = config.with(ProcessorConfig.RULES, rules, "--rules");
        }
        ProcessorConfig settings = ProcessorConfig.from(config);
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new ConfigException("no such file: " + f);
            }
            if (!ArticleFiles.supported(f)) {
                throw new ConfigException(f + ": unsupported file type (use .txt, .html or .json)");
            }
        }
        try (Scanner scanner = Scanner.open(settings)) {
            ArticleFiles reader = new ArticleFiles(Extractors.standard());
            PrintWriter out = parent.spec.commandLine().getOut();
            int failed = 0;
            for (Path f : files) {
                Article a;
                try {
                    a = reader.read(f, null, Instant.EPOCH);
                } catch (java.io.IOException | IllegalArgumentException e) {
                    parent.spec.commandLine().getErr().println("newswatch scan: skipped " + f + ": " + e.getMessage());
                    failed++;
                    continue;
                }
                out.println(Json.mapper().writeValueAsString(scanner.scan(f.toString(), a)));
            }
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
