package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.NewswatchCliTest.Result;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against hostile files (issue "Hostile input"): each test feeds a literal hostile input and
 * expects the exact message and exit code. No broker; {@code ingest --from-dir} and the poison rule on the rules
 * topic are in PoisonRuleIT, the matcher's side in HostileRuleTest (processor) and the files' in
 * HostileArticleFilesTest (ingest).
 */
class HostileInputCliTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    /** Class 2: a rule nested 2,000 deep ended in StackOverflowError, exit 1 and a stack trace. */
    @Test
    void shouldRefuseADeeplyNestedRuleWithItsIdAndPositionAndExitTwo() throws Exception {
        Path rules = write("rules.yaml", "rules:\n  - id: deep\n    query: '" + "(".repeat(2_000) + "drone" + ")".repeat(2_000) + "'\n");

        Result r = NewswatchCliTest.run("rules", "validate", rules.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("rules.yaml:3:", "rule 'deep': the query nests groups, NEAR or NOT more than 32 deep at position 32")
                .doesNotContain("StackOverflowError", "\tat ");
    }

    /** Class 3: 5,000 '*' ran for a minute and 5.9 GB inside Lucene; 1,100 OR terms failed with Lucene's own message. */
    @Test
    void shouldRefuseRunawayWildcardsAndTooManyClausesWithTheRuleId() throws Exception {
        StringBuilder wide = new StringBuilder("w0");
        for (int i = 1; i < 1_100; i++) {
            wide.append(" OR w").append(i);
        }
        Path rules = write("rules.yaml", "rules:\n  - id: stars\n    query: 'dr" + "*".repeat(5_000) + "'\n"
                + "  - id: wide\n    query: '" + wide + "'\n");

        Result r = NewswatchCliTest.run("rules", "validate", rules.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("rule 'stars': the wildcard at position 0 has 5000 '*' and '?'; the limit is 8 per word",
                "rule 'wide': the group at position 0 has more than 1024 clauses; the 1025th is at position " + wide.indexOf("w1024"))
                .doesNotContain("maxClauseCount");
    }

    /** Class 4: scan read a whole file into memory (200 MB: 6.2 GB of RSS, or OutOfMemoryError under -Xmx1g). */
    @Test
    void shouldSkipAnArticleFileOverTheLimitBeforeReadingIt() throws Exception {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024);
        }
        Path ok = write("ok.txt", "Drone school\nRecruits were trained to fly attack drones at a camp.");

        Result r = NewswatchCliTest.run("scan", huge.toString(), ok.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("newswatch scan: skipped " + huge + ": 209715200 bytes; the limit for an article file is 10485760 bytes\n");
        assertThat(r.out().lines()).singleElement().satisfies(line -> assertThat(line).contains("\"title\":\"Drone school\""));
    }

    /** Class 7: a malformed .json between two good files ended the run with an error naming no file. */
    @Test
    void shouldScanEveryGoodFileAndReportEachBadOneByName() throws Exception {
        Path a = write("a.txt", "Drone school\nRecruits were trained to fly attack drones at a camp.");
        Path bad = write("bad.json", "{\"schemaVersion\":1,");
        Path missing = dir.resolve("missing.txt");
        Path unsupported = write("notes.pdf", "%PDF-1.7");
        Path b = write("b.txt", "Bakery opens\nThe sourdough sells out by nine.");

        Result r = NewswatchCliTest.run("scan", a.toString(), bad.toString(), missing.toString(), unsupported.toString(), b.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(2).satisfiesExactly(
                line -> assertThat(line).contains("\"file\":\"" + a + "\""),
                line -> assertThat(line).contains("\"file\":\"" + b + "\""));
        assertThat(r.err().lines()).containsExactly(
                "newswatch scan: skipped " + bad + ": not valid JSON: Unexpected end-of-input within/between Object entries (line 1, column 20)",
                "newswatch scan: skipped " + missing + ": no such file",
                "newswatch scan: skipped " + unsupported + ": unsupported file type (use .txt, .html or .json)",
                "newswatch scan: 3 of 5 files failed");
    }

    /** Class 7, for feeds import: one broken OPML file no longer stops the others. */
    @Test
    void shouldImportEveryGoodOpmlFileAndReportEachBadOne() throws Exception {
        Path good = write("good.opml", """
                <?xml version="1.0"?>
                <opml version="2.0"><body>
                  <outline text="Kyiv Independent" xmlUrl="https://kyivindependent.com/feed/"/>
                </body></opml>
                """);
        Path doctype = write("bomb.opml", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol">]>
                <opml version="2.0"><body><outline text="x" xmlUrl="https://a.example/feed"/></body></opml>
                """);
        Path js = write("js.opml", """
                <?xml version="1.0"?>
                <opml version="2.0"><body><outline text="Evil" xmlUrl="javascript:alert(1)"/></body></opml>
                """);
        Path out = dir.resolve("feeds.yaml");

        Result r = NewswatchCliTest.run("feeds", "import", doctype.toString(), good.toString(), js.toString(), "--out", out.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly(
                "newswatch feeds import: skipped " + doctype + ":2:39: DOCTYPE is not allowed in OPML",
                "newswatch feeds import: skipped " + js + ":2:78: outline 'Evil': xmlUrl must be an absolute http or https URL, was 'javascript:alert(1)'",
                "newswatch feeds import: 2 of 3 files failed");
        assertThat(r.out()).contains("wrote 1 feeds to " + out);
        assertThat(Files.readString(out)).contains("url: https://kyivindependent.com/feed/").doesNotContain("a.example");

        Result none = NewswatchCliTest.run("feeds", "import", js.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no OPML file could be imported");
    }

    /** Class 9: a .json article with url javascript:..., a boolean title or a numeric text was accepted. */
    @Test
    void shouldRefuseJsonArticlesWithANonHttpUrlOrAFieldOfTheWrongType() throws Exception {
        Path js = write("js.json", "{\"id\":\"a\",\"url\":\"javascript:alert(1)\",\"title\":\"t\",\"fetchedAt\":\"2026-01-01T00:00:00Z\"}");
        Path file = write("file.json", "{\"id\":\"a\",\"url\":\"file:///etc/passwd\",\"title\":\"t\",\"fetchedAt\":\"2026-01-01T00:00:00Z\"}");
        Path bool = write("bool.json", "{\"id\":\"a\",\"url\":\"https://news.example/a\",\"title\":true,\"fetchedAt\":\"2026-01-01T00:00:00Z\"}");
        Path number = write("number.json", "{\"id\":\"a\",\"url\":\"https://news.example/a\",\"text\":42,\"fetchedAt\":\"2026-01-01T00:00:00Z\"}");

        Result r = NewswatchCliTest.run("scan", js.toString(), file.toString(), bool.toString(), number.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                "newswatch scan: skipped " + js + ": field 'url' must be an absolute http or https URL, was 'javascript:alert(1)'",
                "newswatch scan: skipped " + file + ": field 'url' must be an absolute http or https URL, was 'file:///etc/passwd'",
                "newswatch scan: skipped " + bool + ": field 'title' must be a string, was a boolean true",
                "newswatch scan: skipped " + number + ": field 'text' must be a string, was a number 42",
                "newswatch scan: 4 of 4 files failed");
    }
}
