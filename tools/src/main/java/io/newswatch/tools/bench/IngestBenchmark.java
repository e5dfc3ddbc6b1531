package io.newswatch.tools.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.ingest.Extractors;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.ingest.feed.StandardFeedParser;
import io.newswatch.ingest.fetch.Backoff;
import io.newswatch.ingest.fetch.ConditionalFetcher;
import io.newswatch.net.EgressGuard;
import io.newswatch.ingest.fetch.FetchConfig;
import io.newswatch.ingest.poll.FeedPoller;
import io.newswatch.model.FeedState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ingest throughput: N feeds of M items each, served by a local HTTP server that honours ETags, polled once
 * (every item new, full-text off so the figure is about feeds) and then a second time (everything should be a 304).
 * Prints items/s of the first cycle, the peak heap, and the share of 304s in the second cycle. Publishing goes
 * nowhere (the poll results are counted), so the figure is ingest's own cost, not Kafka's.
 */
public final class IngestBenchmark {
    private final int feeds;
    private final int items;
    private final PrintWriter out;

    public IngestBenchmark(int feeds, int items, PrintWriter out) {
        this.feeds = feeds;
        this.items = items;
        this.out = out;
    }

    public void run() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/feed/", this::serveFeed);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (ConditionalFetcher fetcher = new ConditionalFetcher(new FetchConfig(Duration.ofSeconds(5), Duration.ofSeconds(30), 10L << 20, 5,
                // every feed is on one host here; real deployments spread over many hosts
                64, 64, "newswatch-benchmark", EgressGuard.allowing(List.of("127.0.0.0/8"))))) {
            FeedPoller poller = new FeedPoller(fetcher, new StandardFeedParser(), Extractors.standard(),
                    new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Backoff.Jitter.FULL, new java.util.SplittableRandom(1)), 2000, new SimpleMeterRegistry(), Clock.systemUTC());
            List<FeedSpec> specs = new ArrayList<>();
            List<FeedState> states = new ArrayList<>();
            for (int i = 0; i < feeds; i++) {
                specs.add(new FeedSpec("bench-" + i, base + "/feed/" + i + ".xml", "Bench " + i, "en", Duration.ofMinutes(10), false, List.of()));
                states.add(FeedState.initial("bench-" + i, base + "/feed/" + i + ".xml"));
            }
            resetPeak();
            long t0 = System.nanoTime();
            List<FeedPoller.PollResult> first = cycle(poller, specs, states);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long heapPeak = peakHeap();
            long published = first.stream().mapToLong(r -> r.articles().size()).sum();
            first.stream().flatMap(r -> r.deadLetters().stream()).forEach(d -> out.println("dead letter: " + d.cause()));
            List<FeedState> after = first.stream().map(FeedPoller.PollResult::state).toList();
            List<FeedPoller.PollResult> second = cycle(poller, specs, after);
            long notModified = second.stream().filter(r -> r.state().notModified() > 0).count();
            out.printf("feeds %d x items %d: first cycle %d items in %.2f s = %.0f items/s (%.0f feeds/s)%n", feeds, items, published, seconds,
                    published / seconds, feeds / seconds);
            out.printf("heap peak during the first cycle (sum of heap pool peaks, an upper bound): %.1f MB%n", heapPeak / 1e6);
            out.printf("second cycle: %d of %d feeds answered 304 Not Modified (%.1f %%)%n", notModified, feeds, 100.0 * notModified / feeds);
            out.flush();
        } finally {
            server.stop(0);
        }
    }

    private List<FeedPoller.PollResult> cycle(FeedPoller poller, List<FeedSpec> specs, List<FeedState> states) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FeedPoller.PollResult>> fs = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                FeedSpec s = specs.get(i);
                FeedState st = states.get(i);
                fs.add(pool.submit(() -> poller.poll(s, st)));
            }
            List<FeedPoller.PollResult> results = new ArrayList<>();
            for (Future<FeedPoller.PollResult> f : fs) {
                results.add(f.get());
            }
            return results;
        }
    }

    private void serveFeed(HttpExchange ex) throws IOException {
        try (ex) {
            String name = ex.getRequestURI().getPath().substring("/feed/".length()).replace(".xml", "");
            String etag = "\"bench-" + name + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            StringBuilder sb = new StringBuilder(items * 600);
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bench ").append(name)
                    .append("</title><link>http://bench.example/</link>");
            for (int i = 0; i < items; i++) {
                sb.append("<item><title>Drone schools and cartel recruiters, report ").append(name).append('-').append(i)
                        .append("</title><link>http://bench.example/").append(name).append('/').append(i).append("</link><guid>").append(name)
                        .append('-').append(i).append("</guid><pubDate>Tue, 03 Nov 2026 06:40:00 GMT</pubDate><description>")
                        .append("Instructors in Kharkiv trained volunteers to fly FPV drones; prosecutors say cartel recruiters offered former ")
                        .append("soldiers high pay to operate attack drones for them.</description></item>");
            }
            sb.append("</channel></rss>");
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            ex.getResponseHeaders().set("ETag", etag);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
