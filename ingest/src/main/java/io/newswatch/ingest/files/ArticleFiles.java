package io.newswatch.ingest.files;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.extract.LanguageDetector;
import io.newswatch.model.Article;
import io.newswatch.model.ArticleId;
import io.newswatch.model.topic.JsonSerde;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads articles from local files, for {@code scan} and {@code ingest --from-dir}:
 * <ul>
 *   <li>{@code .txt}: first line the title, the rest the body;</li>
 *   <li>{@code .html}/{@code .htm}: a web page, through the same {@link ArticleExtractor} as fetched pages;</li>
 *   <li>{@code .json}: an article record as on the articles topic.</li>
 * </ul>
 * A file without a URL gets the id {@code ArticleId.of("file:" + file name)}, so the same file always has
 * the same id wherever it lies. Stateless, thread-safe.
 */
public final class ArticleFiles {
    private static final JsonSerde<Article> JSON = new JsonSerde<>(Article.class);

    private final ArticleExtractor extractor;

    public ArticleFiles(ArticleExtractor extractor) {
        this.extractor = extractor;
    }

    /** Whether {@code file} has an extension this reader understands. */
    public static boolean supported(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".json");
    }

    /** The supported files under {@code dir}, recursively, in path order. */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(ArticleFiles::supported).sorted().toList();
        }
    }

    /**
     * Reads one file.
     *
     * @param url the article's URL when known (for .html: base for relative links), or {@code null}
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when its content is not an article (bad JSON, unsupported extension)
     */
    public Article read(Path file, String url, Instant now) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        byte[] bytes = Files.readAllBytes(file);
        if (lower.endsWith(".json")) {
            Article a = JSON.fromBytes(bytes);
            if (a == null) {
                throw new IllegalArgumentException(file + ": empty JSON");
            }
            return a;
        }
        String fileId = ArticleId.of("file:" + name);
        if (lower.endsWith(".txt")) {
            String content = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1);
            }
            int nl = content.indexOf('\n');
            String title = (nl < 0 ? content : content.substring(0, nl)).strip();
            String body = nl < 0 ? "" : paragraphs(content.substring(nl + 1));
            return build(url, fileId, title, body, LanguageDetector.detect(title + "\n" + body), null, null, now, url);
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            ExtractedArticle x = extractor.extract(new String(bytes, StandardCharsets.UTF_8), url == null ? null : URI.create(url));
            String canonical = url != null ? url : x.canonicalUrl();
            return build(canonical, canonical == null ? fileId : null, x.title(), x.text(), x.lang(), x.byline(), x.publishedAt(), now, canonical);
        }
        throw new IllegalArgumentException(file + ": unsupported file type (use .txt, .html or .json)");
    }

    private static Article build(String url, String id, String title, String text, String lang, String byline, Instant published, Instant now,
                                 String canonical) {
        Article.Builder b = Article.builder(url).title(title).text(text).lang(lang).byline(byline)
                .publishedAt(published != null ? published : now).publishedAtEstimated(published == null).fetchedAt(now).source("file");
        if (id != null && canonical == null) {
            b.id(id);
        }
        return b.build();
    }

    /** One paragraph per non-blank line, separated by blank lines, as extracted pages are. */
    private static String paragraphs(String body) {
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append("\n\n");
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }
}
