package io.newswatch.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.ingest.Extractors;
import io.newswatch.ingest.feed.FeedSpec;
import io.newswatch.ingest.feed.StandardFeedParser;
import io.newswatch.ingest.fetch.Backoff;
import io.newswatch.ingest.fetch.ConditionalFetcher;
import io.newswatch.ingest.fetch.FetchConfig;
import io.newswatch.model.Article;
import io.newswatch.model.FeedState;
import io.newswatch.net.EgressGuard;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue "Hostile input", class 8: {@code run --demo} used to add 127.0.0.1 to the egress allow-list of every
 * feed. Now one feed may be given its own server's origin, and nothing else: other feeds pointing (or
 * redirecting) to the same loopback server, and the allowed feed pointing to another loopback port, are refused.
 * Real HTTP servers on the loopback interface.
 */
class FeedEgressIT {

    private HttpServer demo;
    private HttpServer other;
    private ConditionalFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        other = server();
        other.createContext("/secret", ex -> send(ex, "text/html", "<html><body><p>internal</p></body></html>"));
        other.start();
        demo = server();
        String base = "http://127.0.0.1:" + demo.getAddress().getPort();
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Demo</title><link>%1$s/</link><description>d</description>
                <item><title>Drone course for recruits</title><link>%1$s/pages/a.html</link><guid>a</guid>
                <description>Recruits were trained to fly drones.</description></item>
                <item><title>Elsewhere</title><link>http://127.0.0.1:%2$d/secret</link><guid>b</guid>
                <description>A link to another loopback port.</description></item>
                </channel></rss>
                """.formatted(base, other.getAddress().getPort());
        demo.createContext("/feed.xml", ex -> send(ex, "application/rss+xml; charset=utf-8", rss));
        demo.createContext("/redirect", ex -> {
            ex.getResponseHeaders().set("Location", base + "/feed.xml");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        demo.createContext("/pages/a.html", ex -> send(ex, "text/html; charset=utf-8", "<html><head><title>Drone course</title></head><body><article>"
                + "<p>Recruits were trained to fly attack drones at a camp, instructors said on Monday.</p>".repeat(5) + "</article></body></html>"));
        demo.start();
        fetcher = new ConditionalFetcher(FetchConfig.defaults("newswatch-test/1.0 (+https://newswatch.example/bot)"));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        demo.stop(0);
        other.stop(0);
    }

    @Test
    void shouldLetOnlyTheDemoFeedReachItsOwnLoopbackServer() {
        String feedUrl = "http://127.0.0.1:" + demo.getAddress().getPort() + "/feed.xml";
        FeedSpec demoFeed = new FeedSpec("newswatch-demo", feedUrl, "Demo", "en", Duration.ofSeconds(30), true, List.of());
        FeedSpec outlet = new FeedSpec("outlet", feedUrl, "Outlet", "en", Duration.ofMinutes(10), true, List.of());
        FeedSpec redirecting = new FeedSpec("redirecting", feedUrl.replace("/feed.xml", "/redirect"), "R", "en", Duration.ofMinutes(10), true,
                List.of());
        FeedPoller poller = poller().withFeedGuards(Map.of("newswatch-demo", EgressGuard.strict().withOrigin(URI.create(feedUrl))));

        FeedPoller.PollResult ofDemo = poller.poll(demoFeed, FeedState.initial(demoFeed.id(), demoFeed.url()));
        FeedPoller.PollResult ofOutlet = poller.poll(outlet, FeedState.initial(outlet.id(), outlet.url()));
        FeedPoller.PollResult ofRedirecting = poller.poll(redirecting, FeedState.initial(redirecting.id(), redirecting.url()));

        assertThat(ofDemo.health().lastError()).isNull();
        assertThat(ofDemo.articles()).extracting(Article::title).containsExactly("Drone course for recruits", "Elsewhere");
        assertThat(ofDemo.articles().get(0).text()).contains("trained to fly attack drones");
        // the page on another loopback port was refused: the feed's own text is published instead
        assertThat(ofDemo.deadLetters()).singleElement().satisfies(d -> assertThat(d.cause()).isEqualTo("page of feed newswatch-demo: BLOCKED: host 127.0.0.1 is a loopback address (127.0.0.0/8)"));
        assertThat(ofOutlet.articles()).isEmpty();
        assertThat(ofOutlet.health().lastError()).isEqualTo("BLOCKED: host 127.0.0.1 is a loopback address (127.0.0.0/8)");
        assertThat(ofRedirecting.articles()).isEmpty();
        assertThat(ofRedirecting.health().lastError()).isEqualTo("BLOCKED: host 127.0.0.1 is a loopback address (127.0.0.0/8)");
    }

    private FeedPoller poller() {
        return new FeedPoller(fetcher, new StandardFeedParser(), Extractors.standard(),
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), Backoff.Jitter.FULL, new SplittableRandom(1)), 100,
                new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private static HttpServer server() throws Exception {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, String type, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
