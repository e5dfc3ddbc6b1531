package io.newswatch.app;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.ingest.Extractors;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.files.ArticleFiles;
import io.newswatch.model.Article;
import io.newswatch.model.topic.Json;
import io.newswatch.processor.ProcessorConfig;
import java.io.PrintWriter;
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
        "Files: .txt (first line the title, then the body), .html (a web page), .json (an article record), read in the order given,",
        "each at most ingest.maxBodyBytes. A file that cannot be read or analysed is reported on standard error with its name and",
        "reason and the others are still scanned; the exit code is then 1."})
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
        try (Scanner scanner = Scanner.open(config)) {
            ArticleFiles reader = new ArticleFiles(Extractors.standard(), config.get(IngestConfig.MAX_BODY_BYTES));
            PrintWriter out = parent.spec.commandLine().getOut();
            PrintWriter err = parent.spec.commandLine().getErr();
            FileBatch batch = new FileBatch("scan", err);
            for (Path f : files) {
                batch.each(f, () -> {
                    Article a = reader.read(f, null, Instant.EPOCH);
                    out.println(Json.mapper().writeValueAsString(scanner.scan(f.toString(), a)));
                });
            }
            out.flush();
            return batch.finish();
        }
    }
}
