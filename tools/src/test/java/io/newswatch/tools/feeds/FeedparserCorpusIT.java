package io.newswatch.tools.feeds;

import io.newswatch.ingest.feed.StandardFeedParser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link StandardFeedParser} over the 2,100 feeds of feedparser's test suite (see {@link FeedCorpusReport}, which
 * prints the same summary from the command line). The fast sibling with one fixture per quirk is
 * {@link StandardFeedParserTest}.
 */
class FeedparserCorpusIT {

    private static FeedCorpusReport.Summary summary;
    private static Path tests;

    @BeforeAll
    static void runCorpus() throws Exception {
        String shared = System.getProperty("newswatch.shared");
        assumeTrue(shared != null, "system property newswatch.shared is not set; skipping the feedparser corpus");
        Path corpus = Path.of(shared, "corpus", "feedparser-tests");
        assumeTrue(Files.isDirectory(corpus.resolve("tests")), "feedparser corpus not found at " + corpus + "; skipping");
        tests = corpus.resolve("tests");
        summary = FeedCorpusReport.run(corpus, Duration.ofSeconds(10));
        summary.print(System.out, false);
    }

    @Test
    void everyFileEndsInAFeedOrAClearErrorWithinItsTimeLimit() {
        assertThat(summary.total()).isGreaterThan(2000);
        assertThat(summary.unexpected()).isEmpty();
        assertThat(summary.timeouts()).isEmpty();
        assertThat(summary.parsed() + summary.clearErrors()).isEqualTo(summary.total());
    }

    @Test
    void wellFormedFeedsParse() {
        assertThat(summary.wellFormed()).isGreaterThan(1700);
        assertThat(summary.wellFormedFailures()).isEmpty();
    }

    @Test
    void onlyDocumentsDeclaringEntitiesAreRefusedByTheDoctypePolicy() throws Exception {
        for (String name : summary.policyRefusals()) {
            assertThat(Files.readString(tests.resolve(name), StandardCharsets.UTF_8)).as(name).contains("<!ENTITY");
        }
    }

    @Test
    void encodingFilesGetTheCharsetTheirHeaderLinesImply() {
        assertThat(summary.encodingChecks()).isGreaterThan(50);
        assertThat(summary.encodingFailures()).isEmpty();
    }

    @Test
    void mostSimpleExpectChecksPass() {
        // feedparser sanitises HTML where we return plain text, and statistical charset detection is not done,
        // so not every check can pass; the floor catches regressions.
        assertThat(summary.checksTotal()).isGreaterThan(1000);
        assertThat((double) summary.checksPassed() / summary.checksTotal()).isGreaterThan(0.9);
    }
}
