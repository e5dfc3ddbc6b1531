package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.ingest.fetch.FetchResult.Outcome;
import io.newswatch.net.EgressGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ConditionalFetcher} with the real JDK client against a local {@link HttpServer} on 127.0.0.1, which the
 * guard admits through an explicit allow-list; every other private address stays refused. The fast sibling is
 * {@link ConditionalFetcherTest}.
 */
class ConditionalFetcherIT {

    private static final String USER_AGENT = "newswatch-test/1.0 (+https://newswatch.example/bot)";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final long LIMIT = FetchConfig.DEFAULT_MAX_BODY_BYTES;
    /** Retry-After dates are measured against this fixed instant, so the parsed delay is exact. */
    private static final Instant NOW = Instant.parse("2025-11-20T10:00:00Z");
    private static final FetchConfig SETTINGS = FetchConfig.defaults(USER_AGENT)
            .withTimeouts(Duration.ofSeconds(2), READ_TIMEOUT)
            .withGuard(EgressGuard.allowing(List.of("127.0.0.0/8")));

    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static ConditionalFetcher fetcher;
    private static byte[] feed;
    private static byte[] latin1Page;
    private static byte[] gzipBomb;
    private static final Map<String, Map<String, List<String>>> seenHeaders = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        feed = resource("feed.xml");
        latin1Page = resource("page-latin1.html");
        gzipBomb = GzipBomb.ofZeros(1024);
        serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(serverThreads);
        route("/etag", ex -> {
            seenHeaders.put("/etag", Map.copyOf(ex.getRequestHeaders()));
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                send(ex, 200, "application/rss+xml; charset=utf-8", feed);
            }
        });
        route("/last-modified", ex -> {
            if ("Wed, 19 Nov 2025 08:00:00 GMT".equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                ex.sendResponseHeaders(304, -1); // no validator echoed: the fetcher keeps the request's
            } else {
                ex.getResponseHeaders().set("Last-Modified", "Wed, 19 Nov 2025 08:00:00 GMT");
                send(ex, 200, "application/rss+xml", feed);
            }
        });
        route("/busy", ex -> {
            String retryAfter = query(ex, "retry-after");
            if (retryAfter != null) {
                ex.getResponseHeaders().set("Retry-After", retryAfter);
            }
            ex.sendResponseHeaders(Integer.parseInt(query(ex, "status")), -1);
        });
        route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, "application/rss+xml", gzipBomb);
        });
        route("/huge", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: the size shows only while streaming
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (long sent = 0; sent <= LIMIT; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // The client hung up at the limit.
            }
        });
        route("/declared-huge", ex -> {
            // Headers only: if the fetcher tried to read the body it would wait for bytes that never come.
            ex.sendResponseHeaders(200, 2 * LIMIT);
            ex.getResponseBody().flush();
            sleepQuietly(READ_TIMEOUT.multipliedBy(2));
            ex.close();
        });
        route("/loop/a", ex -> redirect(ex, 302, "/loop/b"));
        route("/loop/b", ex -> redirect(ex, 302, "http://127.0.0.1:" + port() + "/loop/a#again"));
        route("/chain/", ex -> {
            int step = Integer.parseInt(ex.getRequestURI().getPath().substring("/chain/".length()));
            if (step < 6) {
                redirect(ex, 302, "/chain/" + (step + 1));
            } else {
                send(ex, 200, "application/rss+xml", feed);
            }
        });
        route("/to", ex -> redirect(ex, 302, query(ex, "target")));
        route("/moved", ex -> redirect(ex, 301, "/moved-again"));
        route("/moved-again", ex -> redirect(ex, 308, "/etag"));
        route("/moved-then-temporary", ex -> redirect(ex, 301, "/moved-temporarily"));
        route("/moved-temporarily", ex -> redirect(ex, 302, "/etag"));
        route("/moved-to-gone", ex -> redirect(ex, 301, "/gone"));
        route("/gone", ex -> ex.sendResponseHeaders(410, -1));
        route("/trickle", ex -> {
            ex.sendResponseHeaders(200, 100);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException abandoned) {
                // The client gave up, as it should.
            }
        });
        route("/silent", ex -> {
            sleepQuietly(READ_TIMEOUT.multipliedBy(3));
            ex.sendResponseHeaders(204, -1);
        });
        route("/mislabelled", ex -> send(ex, 200, "text/html; charset=utf-8", latin1Page));
        server.start();
        fetcher = new ConditionalFetcher(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void shouldFetchWithAnEtagThenGetNotModified() {
        FetchResult first = fetcher.fetch(FetchRequest.feed(url("/etag"), null, null));
        FetchResult second = fetcher.fetch(FetchRequest.feed(url("/etag"), first.etag(), first.lastModified()));

        assertThat(first.outcome()).isEqualTo(Outcome.OK);
        assertThat(first.body()).isEqualTo(feed);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(first.error()).isNull();
        assertThat(second.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(second.etag()).isEqualTo("\"v1\"");
        Map<String, List<String>> headers = seenHeaders.get("/etag");
        assertThat(headers.get("User-agent")).containsExactly(USER_AGENT);
        assertThat(headers.get("Accept-encoding")).containsExactly("gzip, deflate");
        assertThat(headers.get("If-none-match")).containsExactly("\"v1\"");
        assertThat(headers.get("Accept")).containsExactly(FetchRequest.FEED_ACCEPT);
    }

    @Test
    void shouldSendLastModifiedAndKeepItWhenThe304OmitsIt() {
        FetchResult first = fetcher.fetch(FetchRequest.feed(url("/last-modified"), null, null));
        FetchResult second = fetcher.fetch(FetchRequest.feed(url("/last-modified"), null, first.lastModified()));

        assertThat(first.outcome()).isEqualTo(Outcome.OK);
        assertThat(first.lastModified()).isEqualTo("Wed, 19 Nov 2025 08:00:00 GMT");
        assertThat(first.etag()).isNull();
        assertThat(second.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(second.lastModified()).isEqualTo("Wed, 19 Nov 2025 08:00:00 GMT");
    }

    @ParameterizedTest(name = "{0} Retry-After: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            429 | 120                           | PT2M
            503 | 120                           | PT2M
            429 | Thu, 20 Nov 2025 10:05:00 GMT | PT5M
            503 | Thu, 20 Nov 2025 10:05:00 GMT | PT5M
            429 |                               |
            503 |                               |
            """)
    void shouldReportTooManyRequestsWithTheParsedRetryAfter(int status, String retryAfter, Duration expected) {
        String query = "status=" + status + (retryAfter == null ? "" : "&retry-after=" + encode(retryAfter));
        FetchResult result = fetcher.fetch(FetchRequest.feed(url("/busy?" + query), null, null));

        assertThat(result.outcome()).isEqualTo(Outcome.TOO_MANY_REQUESTS);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.retryAfter()).isEqualTo(expected);
        assertThat(result.error()).isEqualTo(
                "HTTP " + status + (expected == null ? "" : ", retry after " + expected.toSeconds() + " s"));
    }

    @Test
    void shouldAbandonAGzipBombAtTheDecodedLimit() {
        FetchResult result = fetcher.fetch(FetchRequest.feed(url("/bomb"), null, null));

        assertThat(gzipBomb.length).isLessThan(1_100_000); // 1 GiB of zeros
        assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(result.error()).isEqualTo("decoded body exceeds the limit of 10485760 bytes");
        assertThat(result.body()).isEmpty();
    }

    @Test
    void shouldAbandonAPlainBodyAtTheLimit() {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/huge")));

        assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(result.error()).isEqualTo("body exceeds the limit of 10485760 bytes on the wire");
    }

    @Test
    void shouldRefuseADeclaredContentLengthOverTheLimitWithoutReading() {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/declared-huge")));

        assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(result.error()).isEqualTo("Content-Length 20971520 exceeds the limit of 10485760 bytes");
    }

    @Test
    void shouldDetectARedirectLoop() {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/loop/a")));

        assertThat(result.outcome()).isEqualTo(Outcome.REDIRECT_LOOP);
        assertThat(result.status()).isEqualTo(302);
        assertThat(result.finalUrl()).isEqualTo(url("/loop/b"));
        assertThat(result.error()).isEqualTo(
                "redirect loop: " + url("/loop/b") + " redirects back to " + url("/loop/a#again"));
    }

    @Test
    void shouldFollowFiveRedirectsButNotSix() {
        FetchResult five = fetcher.fetch(FetchRequest.feed(url("/chain/1"), null, null));
        FetchResult six = fetcher.fetch(FetchRequest.feed(url("/chain/0"), null, null));

        assertThat(five.outcome()).isEqualTo(Outcome.OK);
        assertThat(five.finalUrl()).isEqualTo(url("/chain/6"));
        assertThat(five.permanentRedirect()).isNull();
        assertThat(six.outcome()).isEqualTo(Outcome.TOO_MANY_REDIRECTS);
        assertThat(six.finalUrl()).isEqualTo(url("/chain/5"));
        assertThat(six.error()).isEqualTo("more than 5 redirects; next was " + url("/chain/6"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://10.0.0.1/feed                | host 10.0.0.1 is a private address (10.0.0.0/8)
            http://169.254.169.254/latest/      | host 169.254.169.254 is the cloud metadata address (169.254.169.254/32)
            http://[::ffff:10.0.0.1]/feed       | host ::ffff:10.0.0.1 resolves to 10.0.0.1, a private address (10.0.0.0/8)
            http://192.168.0.1:8080/admin       | host 192.168.0.1 is a private address (192.168.0.0/16)
            http://localhost/                   | host localhost is a loopback name
            gopher://127.0.0.1:70/              | scheme gopher is not allowed (only http and https)
            """)
    void shouldBlockARedirectIntoTheLocalNetwork(String target, String reason) {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/to?target=" + encode(target))));

        assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(result.error()).isEqualTo(reason);
        assertThat(result.finalUrl()).isEqualTo(URI.create(target));
        assertThat(result.status()).isEqualTo(302);
    }

    @Test
    void shouldReportAPermanentRedirectOnlyWhenEveryHopIsPermanentAndTheTargetWorks() {
        FetchResult permanent = fetcher.fetch(FetchRequest.feed(url("/moved"), null, null));
        FetchResult mixed = fetcher.fetch(FetchRequest.feed(url("/moved-then-temporary"), null, null));
        FetchResult toGone = fetcher.fetch(FetchRequest.feed(url("/moved-to-gone"), null, null));

        assertThat(permanent.outcome()).isEqualTo(Outcome.OK);
        assertThat(permanent.permanentRedirect()).isEqualTo(url("/etag"));
        assertThat(permanent.finalUrl()).isEqualTo(url("/etag"));
        assertThat(mixed.outcome()).isEqualTo(Outcome.OK);
        assertThat(mixed.permanentRedirect()).isNull();
        assertThat(toGone.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(toGone.error()).isEqualTo("HTTP 410");
        assertThat(toGone.permanentRedirect()).isNull();
    }

    @Test
    void shouldAbandonAServerTricklingOneBytePerSecond() {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/trickle")));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.error()).isEqualTo("body not complete within 2000 ms");
        assertThat(result.elapsedMillis()).isLessThan(READ_TIMEOUT.multipliedBy(3).toMillis());
    }

    @Test
    void shouldTimeOutAServerThatNeverAnswers() {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/silent")));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.status()).isZero();
        assertThat(result.error()).isEqualTo("no response within 2000 ms");
        assertThat(result.elapsedMillis()).isLessThan(READ_TIMEOUT.multipliedBy(3).toMillis());
    }

    @Test
    void shouldPassBytesThroughUnchangedWhateverTheDeclaredCharset() {
        FetchResult result = fetcher.fetch(FetchRequest.page(url("/mislabelled")));

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(result.body()).isEqualTo(latin1Page).contains((byte) 0xe9);
    }

    @Test
    void shouldReportAClosedPortAsANetworkError() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FetchResult result = fetcher.fetch(FetchRequest.page(URI.create("http://127.0.0.1:" + closedPort + "/")));

        assertThat(result.outcome()).isEqualTo(Outcome.NETWORK_ERROR);
        assertThat(result.status()).isZero();
        assertThat(result.error()).isNotBlank();
    }

    @Test
    void shouldKeepAtMostTwoRequestsInFlightPerHost() throws Exception {
        assertThat(maxInFlight(SETTINGS, "/concurrent-host", 8)).isEqualTo(2);
    }

    @Test
    void shouldKeepAtMostTheGlobalLimitInFlightEvenWhenTheHostAllowsMore() throws Exception {
        assertThat(maxInFlight(SETTINGS.withConcurrency(8, 3), "/concurrent-global", 8)).isEqualTo(3);
    }

    /** Fires {@code callers} parallel fetches at a handler that counts requests in progress and holds each briefly. */
    private static int maxInFlight(FetchConfig settings, String path, int callers) throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        route(path, ex -> {
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                sleepQuietly(Duration.ofMillis(300));
            } finally {
                inFlight.decrementAndGet();
            }
            send(ex, 200, "text/plain", "ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        });
        try (ConditionalFetcher limited = new ConditionalFetcher(settings);
             ExecutorService callersPool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(callersPool.submit(() -> limited.fetch(FetchRequest.page(url(path)))));
            }
            for (Future<FetchResult> result : results) {
                assertThat(result.get().outcome()).isEqualTo(Outcome.OK);
            }
        }
        return max.get();
    }

    // ---- server helpers ----

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void route(String path, Handler handler) {
        HttpHandler wrapped = exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        };
        server.createContext(path, wrapped);
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } catch (IOException clientLeft) {
            // A fetcher that stops at its limit closes the connection mid-body.
        }
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    private static String query(HttpExchange ex, String name) {
        String raw = ex.getRequestURI().getQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    /** Percent-encodes a query value; {@link URI#getQuery()} on the server side decodes it again. */
    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int port() {
        return server.getAddress().getPort();
    }

    private static URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ConditionalFetcherIT.class.getResourceAsStream("/fetch/" + name)) {
            return in.readAllBytes();
        }
    }
}
