package io.newswatch.ingest.fetch;

import io.newswatch.ingest.fetch.FetchResult.Outcome;
import io.newswatch.net.EgressGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches feeds and article pages politely and safely: conditional GETs, compressed transfer, bounded bodies,
 * manually followed redirects that each pass the {@link EgressGuard}, timeouts that also catch servers trickling
 * a byte at a time, and a cap on requests in flight per host and in total.
 *
 * <p>Each request carries the configured {@code User-Agent}, the caller's {@code Accept}, the validators as
 * {@code If-None-Match} and {@code If-Modified-Since}, and {@code Accept-Encoding: gzip, deflate}. Brotli is not
 * offered: the JDK has no Brotli decoder and we add no native code for one; gzip recovers most of the saving on
 * text. Plain-http URLs are requested over HTTP/1.1 (no h2c upgrade dance, which some servers mishandle); https
 * negotiates HTTP/2 where the server offers it. No proxy is used, since the guard's checks are only meaningful
 * when we connect to the address we checked.
 *
 * <p>Limits, in the order they bite: waiting for a slot (host first, then global; not counted against the
 * timeouts), the connect timeout, then the read timeout as a deadline for the whole exchange of one hop, headers
 * and body, enforced by closing the body stream when it passes. {@code Content-Length} above the limit ends the
 * fetch before any body is read; otherwise the body is decoded while streaming and abandoned at the limit. A fetch
 * with {@code n} redirects can therefore take up to {@code (n+1) × readTimeout} plus queueing.
 *
 * <p>Thread-safe and blocking; meant to be called from many virtual threads at once. Network and HTTP problems
 * come back as {@link FetchResult}s; only a null argument or use after {@link #close} throws. The request is not
 * mutated.
 */
public final class ConditionalFetcher implements AutoCloseable {

    private static final String ACCEPT_ENCODING = "gzip, deflate";
    private static final int MAX_VALIDATOR_LENGTH = 8 * 1024;

    private final FetchConfig settings;
    private final Clock clock;
    private final HttpClient client;
    private final HostPermits permits;
    private final ScheduledExecutorService deadlines;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A fetcher with its own HTTP client; close it to release the client's connections and threads. */
    public ConditionalFetcher(FetchConfig settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock used only to turn a {@code Retry-After} date into a delay */
    ConditionalFetcher(FetchConfig settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_2)
                .build();
        this.permits = new HostPermits(settings.perHostConcurrency(), settings.globalConcurrency());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
        // Nearly every deadline is cancelled because the body arrived in time; drop those at once.
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
    }

    /** The settings this fetcher was built with. */
    public FetchConfig settings() {
        return settings;
    }

    /**
     * Fetches {@code request.url()}, following up to {@code maxRedirects} redirects.
     *
     * @return the outcome; never {@code null}
     * @throws NullPointerException  when {@code request} is null
     * @throws IllegalStateException after {@link #close}
     */
    public FetchResult fetch(FetchRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        if (closed.get()) {
            throw new IllegalStateException("fetcher is closed");
        }
        long started = System.nanoTime();
        RedirectTrail trail = new RedirectTrail(request.url(), settings.maxRedirects());
        int lastStatus = 0;
        while (true) {
            URI url = trail.current();
            EgressGuard.Decision decision = (request.guard() != null ? request.guard() : settings.guard()).check(url);
            if (!decision.allowed()) {
                Outcome outcome = decision.verdict() == EgressGuard.Decision.Verdict.UNRESOLVABLE
                        ? Outcome.NETWORK_ERROR : Outcome.BLOCKED;
                return failure(outcome, lastStatus, url, decision.reason(), started);
            }
            Hop hop = exchange(url, request, trail, started);
            if (hop.result() != null) {
                return hop.result();
            }
            lastStatus = hop.status();
            switch (trail.follow(hop.status(), hop.location())) {
                case FOLLOW -> {
                }
                case LOOP -> {
                    return failure(Outcome.REDIRECT_LOOP, hop.status(), url,
                            "redirect loop: " + url + " redirects back to " + hop.location(), started);
                }
                case TOO_MANY -> {
                    return failure(Outcome.TOO_MANY_REDIRECTS, hop.status(), url,
                            "more than " + settings.maxRedirects() + " redirects; next was " + hop.location(), started);
                }
            }
        }
    }

    /**
     * Aborts fetches in flight (they return {@link Outcome#NETWORK_ERROR}) and releases the client. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        deadlines.shutdownNow();
        client.shutdownNow();
        try {
            client.awaitTermination(settings.connectTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request and response: either the fetch's result, or a redirect to follow. */
    private record Hop(FetchResult result, int status, URI location) {
        static Hop done(FetchResult result) {
            return new Hop(result, result.status(), null);
        }
    }

    private Hop exchange(URI url, FetchRequest request, RedirectTrail trail, long started) {
        HostPermits.Lease lease;
        try {
            lease = permits.acquire(url.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Hop.done(failure(Outcome.NETWORK_ERROR, 0, url, "interrupted while waiting for a slot", started));
        }
        try (lease) {
            long deadline = System.nanoTime() + settings.readTimeout().toNanos();
            HttpRequest httpRequest;
            try {
                httpRequest = build(url, request, settings.readTimeout());
            } catch (IllegalArgumentException e) {
                return Hop.done(failure(Outcome.NETWORK_ERROR, 0, url, "unsupported URL: " + e.getMessage(), started));
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpConnectTimeoutException e) {
                return Hop.done(failure(Outcome.TIMEOUT, 0, url,
                        "connect timed out after " + settings.connectTimeout().toMillis() + " ms", started));
            } catch (HttpTimeoutException e) {
                return Hop.done(failure(Outcome.TIMEOUT, 0, url,
                        "no response within " + settings.readTimeout().toMillis() + " ms", started));
            } catch (IOException | UncheckedIOException e) {
                return Hop.done(failure(Outcome.NETWORK_ERROR, 0, url, describe(e), started));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Hop.done(failure(Outcome.NETWORK_ERROR, 0, url, "interrupted", started));
            }
            return respond(url, request, response, trail, deadline, started);
        }
    }

    private HttpRequest build(URI url, FetchRequest request, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .GET()
                .timeout(timeout)
                .header("User-Agent", settings.userAgent())
                .header("Accept", isHeaderSafe(request.accept()) ? request.accept() : "*/*")
                .header("Accept-Encoding", ACCEPT_ENCODING);
        if ("http".equalsIgnoreCase(url.getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        // Validators are echoed server output; one that could not be a header value is dropped, not fatal.
        if (isHeaderSafe(request.etag())) {
            b.header("If-None-Match", request.etag());
        }
        if (isHeaderSafe(request.lastModified())) {
            b.header("If-Modified-Since", request.lastModified());
        }
        return b.build();
    }

    private Hop respond(URI url, FetchRequest request, HttpResponse<InputStream> response, RedirectTrail trail,
                        long deadline, long started) {
        InputStream body = response.body();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm;
        try {
            alarm = deadlines.schedule(() -> {
                expired.set(true);
                closeQuietly(body);
            }, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            closeQuietly(body);
            return Hop.done(failure(Outcome.NETWORK_ERROR, 0, url, "fetcher is closed", started));
        }
        int status = response.statusCode();
        try {
            return interpret(url, request, response, trail, started);
        } catch (BodyReader.TooLargeException e) {
            return Hop.done(failure(Outcome.TOO_LARGE, status, url, e.getMessage(), started));
        } catch (BodyReader.UndecodableException e) {
            return Hop.done(failure(Outcome.NETWORK_ERROR, status, url, e.getMessage(), started));
        } catch (IOException | UncheckedIOException e) {
            if (expired.get()) {
                return Hop.done(failure(Outcome.TIMEOUT, status, url,
                        "body not complete within " + settings.readTimeout().toMillis() + " ms", started));
            }
            return Hop.done(failure(Outcome.NETWORK_ERROR, status, url, "reading body: " + describe(e), started));
        } finally {
            alarm.cancel(false);
            closeQuietly(body);
        }
    }

    private Hop interpret(URI url, FetchRequest request, HttpResponse<InputStream> response, RedirectTrail trail,
                          long started) throws IOException {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        String contentType = headers.firstValue("Content-Type").orElse(null);
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        if (status == 304) {
            return Hop.done(new FetchResult(Outcome.NOT_MODIFIED, status, url, trail.permanentTarget(), null,
                    contentType, etag != null ? etag : request.etag(),
                    lastModified != null ? lastModified : request.lastModified(), null, null, elapsed(started)));
        }
        if (RedirectTrail.isRedirect(status)) {
            String location = headers.firstValue("Location").orElse(null);
            if (location == null) {
                return Hop.done(failure(Outcome.HTTP_ERROR, status, url, "HTTP " + status + " without a Location", started));
            }
            URI target = RedirectTrail.resolve(url, location);
            if (target == null) {
                return Hop.done(failure(Outcome.HTTP_ERROR, status, url,
                        "HTTP " + status + " with an unusable Location '" + abbreviate(location) + "'", started));
            }
            return new Hop(null, status, target);
        }
        if (status == 429 || status == 503) {
            Duration retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock.instant());
            return Hop.done(new FetchResult(Outcome.TOO_MANY_REQUESTS, status, url, null, null, contentType, null, null,
                    retryAfter, "HTTP " + status + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"),
                    elapsed(started)));
        }
        if (status < 200 || status > 299) {
            return Hop.done(failure(Outcome.HTTP_ERROR, status, url, "HTTP " + status, started));
        }
        long contentLength = contentLength(headers);
        if (contentLength > settings.maxBodyBytes()) {
            return Hop.done(failure(Outcome.TOO_LARGE, status, url, "Content-Length " + contentLength
                    + " exceeds the limit of " + settings.maxBodyBytes() + " bytes", started));
        }
        String encoding = String.join(",", headers.allValues("Content-Encoding"));
        byte[] bytes = BodyReader.read(response.body(), encoding.isEmpty() ? null : encoding, settings.maxBodyBytes());
        return Hop.done(new FetchResult(Outcome.OK, status, url, trail.permanentTarget(), bytes, contentType, etag,
                lastModified, null, null, elapsed(started)));
    }

    /** The declared length, -1 when absent or malformed (the streaming cap then decides). */
    private static long contentLength(HttpHeaders headers) {
        String value = headers.firstValue("Content-Length").orElse("").strip();
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
    }

    private static FetchResult failure(Outcome outcome, int status, URI url, String error, long started) {
        return new FetchResult(outcome, status, url, null, null, null, null, null, null, error, elapsed(started));
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static boolean isHeaderSafe(String value) {
        return value != null && value.length() <= MAX_VALIDATOR_LENGTH
                && value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f);
    }

    /** The exception's type and the first message along its causes, e.g. {@code ConnectException: Connection refused}. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing only abandons the rest of the body; there is nothing left to report.
        }
    }
}
