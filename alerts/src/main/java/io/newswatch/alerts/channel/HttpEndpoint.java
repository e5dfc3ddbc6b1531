package io.newswatch.alerts.channel;

import io.newswatch.alerts.delivery.DeliveryException;
import io.newswatch.net.EgressGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One HTTP endpoint that messages are POSTed to (webhook, Slack, Teams), with the answers sorted into what the
 * delivery worker needs: 2xx accepted; 408, 425, 429 and 5xx retryable (honouring {@code Retry-After});
 * 410 gone for good, which disables the channel; any other status refused for this message. The egress guard
 * is asked again before every request, since a name's addresses may change after start-up.
 *
 * <p>Errors name the channel and the host only: webhook URLs carry tokens in their path. Thread-safe.
 */
final class HttpEndpoint implements AutoCloseable {
    private final String channel;
    private final URI url;
    private final Duration timeout;
    private final EgressGuard guard;
    private final HttpClient client;

    HttpEndpoint(String channel, URI url, Duration timeout, EgressGuard guard) {
        this.channel = channel;
        this.url = url;
        this.timeout = timeout;
        this.guard = guard;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Where messages go, without path or query (safe to log). */
    String host() {
        return url.getScheme() + "://" + url.getAuthority();
    }

    /**
     * POSTs {@code body} as JSON with {@code headers}.
     *
     * @throws DeliveryException when the guard refuses the address, the request fails or times out, or the
     *                           answer is not 2xx
     */
    void post(byte[] body, Map<String, String> headers) throws DeliveryException {
        EgressGuard.Decision decision = guard.check(url);
        if (!decision.allowed()) {
            boolean dns = decision.verdict() == EgressGuard.Decision.Verdict.UNRESOLVABLE;
            throw new DeliveryException("channel " + channel + ": " + decision.reason(), dns, null);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .header("User-Agent", "newswatch-alerts").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("channel " + channel + ": no answer from " + host() + " within " + timeout.toMillis() + " ms", true, e);
        } catch (IOException e) {
            throw new DeliveryException("channel " + channel + ": cannot reach " + host() + ": " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("channel " + channel + ": interrupted", true, e);
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = "channel " + channel + ": " + host() + " answered " + status + excerpt(r.body());
        if (status == 410) {
            throw new DeliveryException(detail + " (gone: the channel is disabled until its configuration is changed)", false, null, true, null);
        }
        boolean retry = status == 408 || status == 425 || status == 429 || status >= 500;
        Duration after = retry ? retryAfter(r.headers().firstValue("Retry-After").orElse(null), Instant.now()) : null;
        throw new DeliveryException(detail, retry, after, false, null);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String one = AlertSummary.oneLine(body.strip());
        return ": " + (one.length() > 200 ? one.substring(0, 200) + "…" : one);
    }

    /** A {@code Retry-After} of delta-seconds or an HTTP date, as a wait from {@code now}; {@code null} if absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
