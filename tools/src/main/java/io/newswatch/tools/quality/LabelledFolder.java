package io.newswatch.tools.quality;

import io.newswatch.app.Scanner;
import io.newswatch.config.Config;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.Extractors;
import io.newswatch.ingest.files.ArticleFiles;
import io.newswatch.model.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a folder of article files through the processor's offline path ({@link Scanner}, as {@code scan} does) and
 * returns what it made of each, by article id (the file name without its extension), ready for
 * {@link LabelledEval#score}. Files are read in name order, one minute apart in event time; files in subfolders
 * and the labels file itself are left out.
 */
public final class LabelledFolder {
    private LabelledFolder() {
    }

    /**
     * @param config   the configuration the processor would run with: rules, gazetteer, story settings
     * @param dir      the folder of {@code .txt}, {@code .html} or {@code .json} article files
     * @param skip     a file of the folder not to read (its labels), or {@code null}
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException when two files have the same id, or a file is no article
     */
    public static Map<String, LabelledEval.Outcome> scan(Config config, Path dir, Path skip) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such directory: " + dir);
        }
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(ArticleFiles::supported)
                    .filter(f -> skip == null || !sameFile(f, skip)).sorted().toList();
        }
        ArticleFiles reader = new ArticleFiles(Extractors.standard(), config.get(IngestConfig.MAX_BODY_BYTES));
        Map<String, LabelledEval.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, String> fileIdOfArticle = new HashMap<>();
        Map<String, Scanner.Line> lines = new LinkedHashMap<>();
        try (Scanner scanner = Scanner.open(config)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.lastIndexOf('.'));
                Article a = reader.read(f, null, Instant.EPOCH);
                Scanner.Line line = scanner.scan(name, a);
                if (lines.put(id, line) != null) {
                    throw new IllegalArgumentException(dir + ": two files with the id " + id);
                }
                fileIdOfArticle.put(line.id(), id);
            }
        }
        lines.forEach((id, line) -> {
            Set<String> rules = line.rules().stream().map(Scanner.Rule::id).collect(Collectors.toSet());
            String dup = line.duplicateOf() == null ? null : fileIdOfArticle.getOrDefault(line.duplicateOf(), line.duplicateOf());
            outcomes.put(id, new LabelledEval.Outcome(rules, dup, line.storyId()));
        });
        return outcomes;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
