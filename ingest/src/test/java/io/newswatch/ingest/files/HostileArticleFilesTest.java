package io.newswatch.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.Extractors;
import io.newswatch.model.Article;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile article files (issue "Hostile input", classes 4 and 9): a file too large to read is refused by its
 * size before a byte is read, and a {@code .json} article is read strictly, each error naming the file and the
 * field. The batch commands built on this reader are tested in HostileInputCliTest (app).
 */
class HostileArticleFilesTest {

    @TempDir
    Path dir;

    private final ArticleFiles files = new ArticleFiles(Extractors.standard(), 1024 * 1024);

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private String refusal(Path file) {
        try {
            files.read(file, null, Instant.EPOCH);
        } catch (Exception e) {
            assertThat(e).isInstanceOf(IllegalArgumentException.class);
            return e.getMessage();
        }
        throw new AssertionError(file + " was accepted");
    }

    /** Class 4: a 200 MB .txt took 6.2 GB of heap, and died under -Xmx1g. */
    @Test
    void shouldRefuseAFileOverTheLimitBeforeReadingIt() throws Exception {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024); // sparse: costs no disk, and would cost 200 MB to read
        }

        assertThat(refusal(huge)).isEqualTo(huge + ": 209715200 bytes; the limit for an article file is 1048576 bytes");
        assertThat(new ArticleFiles(Extractors.standard()).read(write("ok.txt", "Title\nBody."), null, Instant.EPOCH).title()).isEqualTo("Title");
        assertThatThrownBy(() -> new ArticleFiles(Extractors.standard(), 0))
                .hasMessage("maxBytes must be in 1..2147483639, was 0");
    }

    /** Class 9: javascript: and file: URLs were accepted, and would become links in a desk or a Slack message. */
    @Test
    void shouldRefuseAJsonArticleWhoseUrlIsNotHttp() throws Exception {
        Path js = write("js.json", """
                {"id":"a1","url":"javascript:alert(document.cookie)","title":"t","text":"x","fetchedAt":"2026-01-01T00:00:00Z"}""");
        Path file = write("file.json", """
                {"id":"a1","url":"https://news.example/a","canonicalUrl":"file:///etc/passwd","fetchedAt":"2026-01-01T00:00:00Z"}""");
        Path relative = write("relative.json", """
                {"id":"a1","url":"/news/a","fetchedAt":"2026-01-01T00:00:00Z"}""");

        assertThat(refusal(js)).isEqualTo(js + ": field 'url' must be an absolute http or https URL, was 'javascript:alert(document.cookie)'");
        assertThat(refusal(file)).isEqualTo(file + ": field 'canonicalUrl' must be an absolute http or https URL, was 'file:///etc/passwd'");
        assertThat(refusal(relative)).isEqualTo(relative + ": field 'url' must be an absolute http or https URL, was '/news/a'");
    }

    /** Class 9: a boolean title and a numeric text were turned into the strings "true" and "42". */
    @Test
    void shouldRefuseAJsonArticleWithAFieldOfTheWrongType() throws Exception {
        Path title = write("title.json", """
                {"id":"a1","url":"https://news.example/a","title":true,"text":"x","fetchedAt":"2026-01-01T00:00:00Z"}""");
        Path text = write("text.json", """
                {"id":"a1","url":"https://news.example/a","title":"t","text":42,"fetchedAt":"2026-01-01T00:00:00Z"}""");
        Path tags = write("tags.json", """
                {"id":"a1","url":"https://news.example/a","tags":["ok",{"x":1}],"fetchedAt":"2026-01-01T00:00:00Z"}""");
        Path array = write("array.json", "[1,2]");
        Path broken = write("broken.json", "{\"id\":\"a1\",");
        Path noTime = write("notime.json", "{\"id\":\"a1\",\"url\":\"https://news.example/a\"}");

        assertThat(refusal(title)).isEqualTo(title + ": field 'title' must be a string, was a boolean true");
        assertThat(refusal(text)).isEqualTo(text + ": field 'text' must be a string, was a number 42");
        assertThat(refusal(tags)).isEqualTo(tags + ": field 'tags[1]' must be a string, was an object {\"x\":1}");
        assertThat(refusal(array)).isEqualTo(array + ": an article must be a JSON object, was an array");
        assertThat(refusal(broken)).startsWith(broken + ": not valid JSON: Unexpected end-of-input");
        assertThat(refusal(noTime)).isEqualTo(noTime + ": not an article record: fetchedAt");
    }

    @Test
    void shouldReadAWellFormedJsonArticle() throws Exception {
        Path ok = write("ok.json", """
                {"schemaVersion":1,"id":"a1","url":"https://news.example/a","title":"Drones","text":"Body.","lang":"en",
                 "publishedAtEstimated":false,"tags":["x"],"fetchedAt":"2026-01-01T00:00:00Z","futureField":{"any":1}}""");

        Article a = files.read(ok, null, Instant.EPOCH);

        assertThat(a.url()).isEqualTo("https://news.example/a");
        assertThat(a.title()).isEqualTo("Drones");
        assertThat(a.tags()).containsExactly("x");
    }

    @Test
    void shouldDateAnUndatedFileWithTheGivenPublicationTimeButKeepAFilesOwnDate() throws Exception {
        Instant now = Instant.parse("2025-03-10T12:00:00Z");
        Instant fallback = Instant.parse("2025-02-01T00:00:00Z");
        Article txt = files.read(write("undated.txt", "Title\nBody text."), null, now, fallback);
        assertThat(txt.publishedAt()).isEqualTo(fallback);
        assertThat(txt.publishedAtEstimated()).isFalse();
        assertThat(files.read(dir.resolve("undated.txt"), null, now).publishedAtEstimated()).isTrue();
        Article page = files.read(write("dated.html", "<html><head><meta property=\"article:published_time\" content=\"2025-01-15T09:30:00Z\">"
                + "<title>Dated</title></head><body><article><p>Some body text of the dated page, long enough to be an article.</p>"
                + "</article></body></html>"), null, now, fallback);
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2025-01-15T09:30:00Z"));
    }
}
