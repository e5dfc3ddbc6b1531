package io.newswatch.app.replay;

import java.io.PrintWriter;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long replay: records done out of the total, the rate and an ETA. On a terminal one line is redrawn
 * in place at most four times a second; otherwise a log line is written every {@value #LOG_EVERY_SECONDS} seconds.
 * Used from one thread.
 */
public final class Progress {
    static final int LOG_EVERY_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final PrintWriter terminal;
    private final boolean quiet;
    private String phase = "";
    private long total;
    private long started;
    private long lastShown;
    private long done;

    /** @param terminal where to redraw the line, or {@code null} to log instead (output is not a terminal) */
    public Progress(PrintWriter terminal) {
        this(terminal, false);
    }

    private Progress(PrintWriter terminal, boolean quiet) {
        this.terminal = terminal;
        this.quiet = quiet;
    }

    /** A progress that reports nothing (benchmarks that print their own figures). */
    public static Progress silent() {
        return new Progress(null, true);
    }

    void phase(String name, long total) {
        finish();
        this.phase = name;
        this.total = total;
        this.done = 0;
        this.started = System.nanoTime();
        this.lastShown = 0;
    }

    void update(long done) {
        this.done = done;
        long now = System.nanoTime();
        long every = terminal != null ? 250_000_000L : LOG_EVERY_SECONDS * 1_000_000_000L;
        if (now - lastShown >= every) {
            lastShown = now;
            show(false);
        }
    }

    void finish() {
        if (total > 0 && started > 0) {
            show(true);
            if (terminal != null) {
                terminal.println();
                terminal.flush();
            }
        }
        started = 0;
    }

    /** {@code "replaying: 120000/200000 (60%), 2140/s, ETA 0:37"}. */
    String line() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        String eta = rate <= 0 || done >= total ? "-" : format(Duration.ofSeconds((long) ((total - done) / rate)));
        return String.format("%s: %d/%d (%d%%), %.0f/s, ETA %s", phase, done, total, total == 0 ? 100 : done * 100 / total, rate, eta);
    }

    private void show(boolean last) {
        if (quiet) {
            return;
        }
        if (terminal != null) {
            terminal.print("\r" + line() + "   ");
            terminal.flush();
        } else if (!last || done > 0) {
            LOG.info("{}", line());
        }
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
