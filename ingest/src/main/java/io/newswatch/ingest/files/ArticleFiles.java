package io.newswatch.ingest.files;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.extract.LanguageDetector;
import io.newswatch.model.Article;
import io.newswatch.model.ArticleId;
import java.io.IOException;
import java.io.InputStream;
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
 * the same id wherever it lies.
 *
 * <p>A file larger than the reader's limit (by default {@value #DEFAULT_MAX_BYTES} bytes, the same as a fetched
 * page's; {@code ingest.maxBodyBytes} in the commands) is refused before it is read, so a huge file costs
 * nothing; a {@code .json} file is read strictly ({@link ArticleJson}: field types, http(s) URLs). Every error
 * names the file. Stateless, thread-safe.
 */
public final class ArticleFiles {
    /** 10 MiB: the default body limit of a fetched page, far above any real article. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private final ArticleExtractor extractor;
    private final long maxBytes;

    /** A reader with the {@link #DEFAULT_MAX_BYTES} limit. */
    public ArticleFiles(ArticleExtractor extractor) {
        this(extractor, DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxBytes the largest file read, 1 to {@code Integer.MAX_VALUE - 8}
     */
    public ArticleFiles(ArticleExtractor extractor, long maxBytes) {
        this.extractor = java.util.Objects.requireNonNull(extractor, "extractor");
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ", was " + maxBytes);
        }
        this.maxBytes = maxBytes;
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
     * @throws IllegalArgumentException naming the file, when it is too large or its content is not an article (bad
     *                                  JSON, a field of the wrong type, a non-http(s) URL, unsupported extension)
     */
    public Article read(Path file, String url, Instant now) throws IOException {
        return read(file, url, now, null);
    }

    /**
     * Reads one file, dating it {@code published} when the file itself gives no publication time (a {@code .txt}
     * file, a page without a date, an article record without {@code publishedAt} or with an estimated one), as
     * {@code ingest --from-dir --published} does for a back-fill.
     *
     * @param published the fallback publication time, or {@code null} to date an undated file {@code now}
     *                  (marked estimated)
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException as {@link #read(Path, String, Instant)}
     */
    public Article read(Path file, String url, Instant now, Instant published) throws IOException {
        Article a = readUndated(file, url, now);
        if (published != null && (a.publishedAt() == null || a.publishedAtEstimated())) {
            return a.toBuilder().publishedAt(published).publishedAtEstimated(false).build();
        }
        return a;
    }

    private Article readUndated(Path file, String url, Instant now) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!supported(file)) {
            throw new IllegalArgumentException(file + ": unsupported file type (use .txt, .html or .json)");
        }
        byte[] bytes = readBounded(file);
        if (lower.endsWith(".json")) {
            return ArticleJson.read(bytes, file.toString());
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

    /** The file's bytes, refused by its size before reading, and by what is read should it grow meanwhile. */
    private byte[] readBounded(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IllegalArgumentException(file + ": " + size + " bytes; the limit for an article file is " + maxBytes + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IllegalArgumentException(file + ": more than " + maxBytes + " bytes; the limit for an article file is "
                        + maxBytes + " bytes");
            }
            return bytes;
        }
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
