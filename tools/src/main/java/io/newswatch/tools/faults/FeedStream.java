package io.newswatch.tools.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;

/**
 * {@code feeds} RSS feeds on 127.0.0.1 that together publish {@code feeds * items} invented articles over
 * {@code release}: each feed shows the items released so far, newest first, so that ingest keeps finding new
 * ones while processes are killed. Every article is deterministic (seeded); one in four carries a sentence that the
 * default rules are likely to match, but what matches is decided by the processor's own analysis, not here.
 */
final class FeedStream implements AutoCloseable {
    private static final String[] WORDS = ("harbour council budget river festival market schedule bridge library school farmers "
            + "rainfall museum orchestra railway tourism ferry election hospital clinic vaccine football stadium harvest bakery "
            + "ministry court hearing energy solar turbine pipeline airport runway shipping container port logistics weather storm "
            + "forecast teachers students exam university research laboratory satellite telescope startup software network")
            .split(" ");
    private static final String[] SIGNALS = {
            "Drone pilots trained cartel members at a ranch, investigators said.",
            "Former soldiers were recruited by the cartel to fly explosive drones.",
            "The gang hired drone instructors to train its gunmen in remote camps.",
            "Prosecutors say cartel recruiters offered veterans money to teach drone attacks.",
    };
    private static final DateTimeFormatter RFC1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final int feeds;
    private final int items;
    private final long seed;
    private final Duration release;
    private final HttpServer server;
    private volatile Instant start;

    FeedStream(int feeds, int items, long seed, Duration release) throws IOException {
        this.feeds = feeds;
        this.items = items;
        this.seed = seed;
        this.release = release;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/feed/", this::serve);
        server.start();
    }

    /** Starts releasing items (none are visible before). */
    void begin() {
        start = Instant.now();
    }

    int total() {
        return feeds * items;
    }

    /** The article URL of item {@code n} of feed {@code f}. */
    String link(int f, int n) {
        return base() + "/a/" + f + "/" + n;
    }

    /** Writes the feed list ingest reads ({@code ingest.feeds}). */
    Path writeFeedList(Path file) throws IOException {
        StringBuilder y = new StringBuilder("feeds:\n");
        for (int f = 0; f < feeds; f++) {
            y.append("  - id: fault-").append(f).append("\n    url: ").append(base()).append("/feed/").append(f)
                    .append(".xml\n    source: Fault Wire ").append(f).append("\n    lang: en\n    pollInterval: 30s\n");
        }
        Files.writeString(file, y);
        return file;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int visible() {
        Instant s = start;
        if (s == null) {
            return 0;
        }
        double share = (double) Duration.between(s, Instant.now()).toMillis() / Math.max(1, release.toMillis());
        return (int) Math.min(items, Math.floor(share * items));
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            int f;
            try {
                f = Integer.parseInt(path.substring("/feed/".length(), path.length() - ".xml".length()));
            } catch (RuntimeException e) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (f < 0 || f >= feeds) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = rss(f, visible()).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String rss(int f, int shown) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Fault Wire ")
                .append(f).append("</title><link>").append(base()).append("</link><description>invented</description>");
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int n = shown - 1; n >= 0 && n >= shown - 1000; n--) {
            List<String> text = article(f, n);
            x.append("<item><title>").append(text.get(0)).append("</title><link>").append(link(f, n)).append("</link><guid>")
                    .append(link(f, n)).append("</guid><pubDate>").append(RFC1123.format(t0.plusSeconds(60L * n + f)))
                    .append("</pubDate><description>").append(text.get(1)).append("</description></item>");
        }
        return x.append("</channel></rss>").toString();
    }

    /** Title and body of item {@code n} of feed {@code f}: the same on every call. */
    List<String> article(int f, int n) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + f * 100_003L + n);
        List<String> out = new ArrayList<>(2);
        out.add("Report " + f + "-" + n + ": " + words(r, 6));
        StringBuilder body = new StringBuilder();
        for (int s = 0; s < 6; s++) {
            String sentence = words(r, 12);
            body.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length()).append(". ");
            if (s == 2 && r.nextInt(4) == 0) {
                body.append(SIGNALS[r.nextInt(SIGNALS.length)]).append(' ');
            }
        }
        body.append("Item ").append(f).append('-').append(n).append('.');
        out.add(body.toString());
        return out;
    }

    private static String words(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
