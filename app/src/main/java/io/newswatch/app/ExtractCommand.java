package io.newswatch.app;

import io.newswatch.config.ConfigException;
import io.newswatch.ingest.Extractors;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.model.topic.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch extract}: the article a web page holds, as ingest would publish it. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extracts the main article from a saved web page and prints it as JSON (title, text, byline, publishedAt, canonicalUrl, lang).")
final class ExtractCommand implements Callable<Integer> {
    @ParentCommand
    Newswatch parent;

    @Parameters(index = "0", paramLabel = "FILE.html")
    Path file;

    @Option(names = "--url", paramLabel = "URL", description = "The page's URL (resolves relative canonical links).")
    String url;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("no such file: " + file);
        }
        URI base;
        try {
            base = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--url is not a valid URL: " + e.getMessage());
        }
        long max = parent.config(null).get(IngestConfig.MAX_BODY_BYTES);
        long size = Files.size(file);
        if (size > max) {
            throw new ConfigException(file + ": " + size + " bytes; the limit for a page is " + max + " bytes (ingest.maxBodyBytes)");
        }
        // decoded leniently, as fetched pages are: a stray byte is replaced, not an error
        ExtractedArticle a = Extractors.standard().extract(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), base);
        parent.spec.commandLine().getOut().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(a));
        return 0;
    }
}
