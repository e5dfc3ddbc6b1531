package io.newswatch.tools.extraction;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.JsoupArticleExtractor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Runs the extractor over an article-extraction corpus laid out as {@code html/<id>.html.gz} plus
 * {@code ground-truth.json} ({@code {"<id>": {"articleBody": ..., "url": ...}}}), and writes predictions in
 * the benchmark's format, {@code {"<id>": {"articleBody": "..."}}}, for its scoring script.
 *
 * <p>Usage: {@code ExtractionEval CORPUS_DIR PREDICTIONS_JSON}. Prints the page count, the mean
 * extraction time per page (parsing included, reading and unzipping not) in wall-clock and in process
 * CPU time, the output path and, when the corpus has its ground truth, the score of
 * {@link ExtractionScore}.
 *
 * <p>Pages are read as UTF-8, the encoding the benchmark stores them in. Stateless; the static methods
 * are safe to call from several threads and never modify the corpus.
 */
public final class ExtractionEval {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExtractionEval() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ExtractionEval CORPUS_DIR PREDICTIONS_JSON");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Page> pages = readPages(corpus);
        ArticleExtractor extractor = new JsoupArticleExtractor();
        // an untimed pass loads classes and language models and lets the JIT compile, so the figures are
        // those of a long-running service
        for (Page page : pages) {
            extractor.extract(page.html(), page.url());
        }
        Map<String, String> predictions = new TreeMap<>();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (Page page : pages) {
            predictions.put(page.id(), extractor.extract(page.html(), page.url()).text());
        }
        int n = Math.max(1, pages.size());
        double msPerPage = (System.nanoTime() - start) / 1e6 / n;
        double cpuMsPerPage = (processCpuNanos() - cpuStart) / 1e6 / n;
        write(predictions, output);
        System.out.printf("pages %d%n", pages.size());
        System.out.printf("ms/page %.1f%n", msPerPage);
        // on a shared machine the wall time above includes waiting for a core; this does not
        System.out.printf("cpu ms/page %.1f%n", cpuMsPerPage);
        System.out.printf("predictions %s%n", output);
        Map<String, String> truth = truth(corpus);
        if (!truth.isEmpty()) {
            ExtractionScore.Score score = ExtractionScore.mean(predictions, truth);
            System.out.printf("precision %.3f%nrecall %.3f%nF1 %.3f%n", score.precision(), score.recall(), score.f1());
        }
    }

    /**
     * Extracts every page of the corpus.
     *
     * @param corpusDir the corpus folder, holding {@code html/}
     * @return the extracted body text by page id, sorted by id
     * @throws UncheckedIOException when the corpus cannot be read
     */
    public static Map<String, String> predict(Path corpusDir) {
        Objects.requireNonNull(corpusDir, "corpusDir must not be null");
        ArticleExtractor extractor = new JsoupArticleExtractor();
        Map<String, String> out = new TreeMap<>();
        try {
            for (Page page : readPages(corpusDir)) {
                out.put(page.id(), extractor.extract(page.html(), page.url()).text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + corpusDir, e);
        }
        return out;
    }

    /**
     * The expected bodies by page id, from {@code ground-truth.json}; empty when the corpus has none.
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static Map<String, String> truth(Path corpusDir) {
        Objects.requireNonNull(corpusDir, "corpusDir must not be null");
        Map<String, String> out = new TreeMap<>();
        JsonNode root = groundTruth(corpusDir);
        if (root != null) {
            root.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("articleBody").asText("")));
        }
        return out;
    }

    private record Page(String id, String html, URI url) {
    }

    private static List<Page> readPages(Path corpus) throws IOException {
        Path html = corpus.resolve("html");
        if (!Files.isDirectory(html)) {
            throw new IOException("no html/ folder in " + corpus);
        }
        Map<String, URI> urls = urls(corpus);
        List<Path> files;
        try (Stream<Path> s = Files.list(html)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".html.gz")).sorted().toList();
        }
        List<Page> pages = new ArrayList<>(files.size());
        for (Path f : files) {
            String id = f.getFileName().toString().replaceFirst("\\.html\\.gz$", "");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                pages.add(new Page(id, new String(in.readAllBytes(), StandardCharsets.UTF_8), urls.get(id)));
            }
        }
        return pages;
    }

    private static Map<String, URI> urls(Path corpus) {
        Map<String, URI> out = new LinkedHashMap<>();
        JsonNode root = groundTruth(corpus);
        if (root != null) {
            root.properties().forEach(e -> {
                String url = e.getValue().path("url").asText("");
                try {
                    out.put(e.getKey(), url.isEmpty() ? null : URI.create(url));
                } catch (IllegalArgumentException bad) {
                    // an unparseable URL only costs relative-link resolution on that page
                    out.put(e.getKey(), null);
                }
            });
        }
        return out;
    }

    private static JsonNode groundTruth(Path corpus) {
        Path file = corpus.resolve("ground-truth.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** CPU time of the whole process (all threads, JIT and GC included), or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void write(Map<String, String> predictions, Path output) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        predictions.forEach((id, text) -> root.putObject(id).put("articleBody", text));
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), root);
    }
}
