package io.newswatch.tools.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.Newswatch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shorter fault test ({@code newswatch bench faults} runs the long one): 3,000 articles from local feeds
 * through 2 ingest and 2 processor processes on a 3-node KRaft cluster, a processor killed with SIGKILL three
 * times and a broker restarted once; afterwards every article and every expected match is on its topic exactly
 * once (read_committed).
 */
class FaultsIT {
    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryArticleAndMatchExactlyOnceThroughKillsAndABrokerRestart() throws Exception {
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                log.write(buf, off, len);
                System.out.print(new String(buf, off, len));
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
            }
        }, true);
        FaultRun.Result r = new FaultRun(new FaultRun.Settings(10, 300, Duration.ofSeconds(90), 3, true, 0, dir),
                new Newswatch().config(null), out).run();
        FaultRun.print(r, out);

        assertThat(r.takeovers()).hasSize(3);
        assertThat(r.published()).isEqualTo(3000);
        assertThat(r.expectedMatches()).as("the stream holds matches to check").isGreaterThan(300);
        assertThat(r.missingArticles()).as(log.toString()).isZero();
        assertThat(r.articleRecords()).as(log.toString()).isEqualTo(3000);
        assertThat(r.distinctArticles()).isEqualTo(3000);
        assertThat(r.matchRecords()).as(log.toString()).isEqualTo(r.expectedMatches());
        assertThat(r.missingMatches()).isZero();
        assertThat(r.duplicateMatches()).isZero();
        assertThat(r.unexpectedMatches()).isZero();
        assertThat(r.wrongRules()).isZero();
        assertThat(r.ok()).isTrue();
    }
}
