package io.newswatch.tools.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.Newswatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswatch eval --labels}: the report, and thresholds and usage errors in the exit code. */
class EvalCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(Newswatch.execute(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static final String DIR = WatchQualityTest.CORPUS.resolve("heldout").toString();
    private static final String LABELS = WatchQualityTest.CORPUS.resolve("heldout").resolve("labels.json").toString();

    @Test
    void shouldPrintTheReportAndPassTheDeskThresholds() {
        Result r = run("eval", "--labels", LABELS, DIR, "--min-precision", "0.9", "--min-recall", "0.9",
                "--min-duplicate-recall", "0.9", "--max-false-duplicates", "0", "--max-false-join-rate", "0.1");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("cartel-recruitment", "drone-training", "duplicates: found", "false joins").doesNotContain("FAIL");
    }

    @Test
    void shouldExitOneNamingEveryThresholdNotMet(@TempDir Path dir) throws Exception {
        // A civilian drone course labelled as the topic: the rule rightly stays silent, so recall is 0.
        Files.copy(WatchQualityTest.CORPUS.resolve("tuning/t008-en-farm-spraying-course.txt"), dir.resolve("farm.txt"));
        Files.writeString(dir.resolve("labels.json"), "{\"articles\": {\"farm\": {\"drone-training\": true}}}");

        Result r = run("eval", "--labels", dir.resolve("labels.json").toString(), dir.toString(), "--min-recall", "0.9");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("missed       drone-training on farm", "FAIL drone-training: recall 0.00 < 0.90");
        assertThat(run("eval", "--labels", dir.resolve("labels.json").toString(), dir.toString()).code()).as("no thresholds").isZero();
    }

    @Test
    void shouldExitTwoOnUsageErrorsAndKeepTheExtractionMode() {
        assertThat(run("eval").code()).isEqualTo(2);
        assertThat(run("eval", "--labels", "no-such-labels.json", DIR).code()).isEqualTo(2);
        assertThat(run("eval", "--labels", LABELS, DIR, "--min-recall", "1.5").code()).isEqualTo(2);
        assertThat(run("eval", "extraction", "--help").code()).isZero();
    }
}
