package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newswatch.alerts.web.AccessTokens;
import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Access to the desk on a real service: no token, no data (only {@code /health} answers); each role does only what it
 * may; a page of another site cannot act with an analyst's cookie; and no token, channel secret or SMTP password
 * reaches a response or a log line.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeskSecurityIT {
    static final String HOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SMTP_PASSWORD = "smtp-pass-7f3a9c1e";

    @TempDir
    Path dir;

    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/api/alerts"}, new String[] {"GET", "/api/alerts/a1"}, new String[] {"GET", "/api/alerts/a1/feedback"},
            new String[] {"POST", "/api/alerts/a1/feedback"}, new String[] {"POST", "/api/alerts/a1/retry"}, new String[] {"GET", "/api/stories/story-a1"},
            new String[] {"GET", "/api/feedback"}, new String[] {"GET", "/api/channels"}, new String[] {"POST", "/api/channels/log/retry"},
            new String[] {"GET", "/api/feeds"}, new String[] {"GET", "/api/stats/rules"}, new String[] {"GET", "/api/events"},
            new String[] {"GET", "/api/session"}, new String[] {"DELETE", "/api/session"}, new String[] {"GET", "/metrics"});

    DeskHarness desk(KafkaCluster kafka, String channels) throws Exception {
        DeskHarness d = new DeskHarness(kafka, dir, channels, Map.of("SMTP_PASSWORD", SMTP_PASSWORD)).start();
        d.publish(DeskHarness.alert("a1", "drone-training", "high", "Drone school for cartel recruits", "Wire", "en", Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> d.get("/api/alerts/a1", DeskHarness.VIEWER).statusCode() == 200);
        return d;
    }

    @Test
    void shouldAnswer401WithoutAValidTokenOnEveryEndpointButHealth(KafkaCluster kafka) throws Exception {
        try (DeskHarness d = desk(kafka, null)) {
            for (String[] e : ENDPOINTS) {
                for (String token : new String[] {null, "nw_not-a-token", ""}) {
                    HttpResponse<String> r = d.send(e[0], e[1], token, e[0].equals("GET") ? null : "{\"action\":\"acknowledge\"}");
                    assertThat(r.statusCode()).as(e[0] + " " + e[1] + " with token '" + token + "'").isEqualTo(401);
                    assertThat(r.body()).doesNotContain("Drone school");
                }
            }
            HttpRequest basic = HttpRequest.newBuilder(URI.create(d.base() + "/api/alerts")).header("Authorization", "Basic dmVyYTp4").build();
            assertThat(d.http.send(basic, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(d.get("/health", null).statusCode()).isIn(200, 503);
            assertThat(d.get("/health/live", null).statusCode()).isEqualTo(200);
            // the page shell holds no data and is public; it carries the strict policy
            HttpResponse<String> page = d.get("/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
            assertThat(page.body()).doesNotContain("<script>").doesNotContain("Drone school");
        }
    }

    @Test
    void shouldRefuseAViewerFeedbackAndAnyoneButAnAdminActingOnAChannel(KafkaCluster kafka) throws Exception {
        try (DeskHarness d = desk(kafka, null)) {
            String ack = "{\"action\":\"acknowledge\"}";
            assertThat(d.send("POST", "/api/alerts/a1/feedback", DeskHarness.VIEWER, ack).statusCode()).isEqualTo(403);
            assertThat(d.send("POST", "/api/alerts/a1/retry", DeskHarness.VIEWER, "{\"channel\":\"log\"}").statusCode()).isEqualTo(403);
            assertThat(d.send("POST", "/api/channels/log/retry", DeskHarness.VIEWER, null).statusCode()).isEqualTo(403);
            assertThat(d.send("POST", "/api/channels/log/retry", DeskHarness.ANALYST, null).statusCode()).isEqualTo(403);
            assertThat(d.get("/api/alerts/a1/feedback", DeskHarness.VIEWER).body()).contains("\"status\":\"OPEN\"");

            HttpResponse<String> byAnalyst = d.send("POST", "/api/alerts/a1/feedback", DeskHarness.ANALYST, ack);
            assertThat(byAnalyst.statusCode()).isEqualTo(200);
            assertThat(byAnalyst.body()).contains("\"status\":\"ACKNOWLEDGED\"", "\"by\":\"ana\"");
            assertThat(d.send("POST", "/api/channels/log/retry", DeskHarness.ADMIN, null).statusCode()).isEqualTo(200);
            assertThat(d.send("POST", "/api/alerts/a1/feedback", DeskHarness.ANALYST, "{\"action\":\"promote\"}").statusCode()).isEqualTo(400);
            assertThat(d.send("POST", "/api/alerts/nope/feedback", DeskHarness.ANALYST, ack).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldRefuseACrossSiteFormPostWithTheAnalystsCookie(KafkaCluster kafka) throws Exception {
        try (DeskHarness d = desk(kafka, null)) {
            String origin = d.base();
            // sign-in itself: only as JSON, and not from another site
            assertThat(signIn(d, "http://evil.example", "application/json", "{\"token\":\"" + DeskHarness.ANALYST + "\"}").statusCode()).isEqualTo(403);
            assertThat(signIn(d, origin, "application/x-www-form-urlencoded", "token=" + DeskHarness.ANALYST).statusCode()).isEqualTo(415);
            HttpResponse<String> in = signIn(d, origin, "application/json", "{\"token\":\"" + DeskHarness.ANALYST + "\"}");
            assertThat(in.statusCode()).isEqualTo(200);
            String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String csrf = in.body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");

            // what a hostile page's <form method=post> would send: the cookie, a form body, its own Origin
            HttpResponse<String> forged = d.http.send(HttpRequest.newBuilder(URI.create(d.base() + "/api/alerts/a1/feedback"))
                    .header("Cookie", cookie).header("Origin", "http://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("action=false-positive")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            // same site but no CSRF token (e.g. a form on an older page of the same host): refused too
            HttpResponse<String> noToken = d.http.send(HttpRequest.newBuilder(URI.create(d.base() + "/api/alerts/a1/feedback"))
                    .header("Cookie", cookie).header("Origin", origin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"false-positive\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).isEqualTo(403);
            // a browser that says the request is cross-site, even with the token
            HttpResponse<String> crossSite = d.http.send(HttpRequest.newBuilder(URI.create(d.base() + "/api/alerts/a1/feedback"))
                    .header("Cookie", cookie).header("Sec-Fetch-Site", "cross-site").header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"false-positive\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(crossSite.statusCode()).isEqualTo(403);
            assertThat(d.get("/api/alerts/a1/feedback", DeskHarness.VIEWER).body()).contains("\"status\":\"OPEN\"");

            // the desk's own page: cookie, same origin, CSRF token
            HttpResponse<String> own = d.http.send(HttpRequest.newBuilder(URI.create(d.base() + "/api/alerts/a1/feedback"))
                    .header("Cookie", cookie).header("Origin", origin).header("Sec-Fetch-Site", "same-origin").header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"false-positive\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains("\"status\":\"FALSE_POSITIVE\"");
        }
    }

    @Test
    void shouldPutNoSecretInAnyResponseOrLogLine(KafkaCluster kafka) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        List<String> responses = new ArrayList<>();
        String channels = """
                - {id: desk-hook, type: webhook, url: "http://127.0.0.1:9/hook/path-secret-x1", secret: "%s", maxAttempts: 1, timeout: 1s}
                - {id: mail, type: email, host: 127.0.0.1, port: 9, starttls: false, username: desk, password: "${env:SMTP_PASSWORD}",
                   from: newswatch@example.org, to: [desk@example.org], maxAttempts: 1, timeout: 1s}
                """.formatted(HOOK_SECRET);
        try (DeskHarness d = desk(kafka, channels)) {
            HttpResponse<String> in = signIn(d, d.base(), "application/json", "{\"token\":\"" + DeskHarness.ADMIN + "\"}");
            responses.add(in.headers().map() + in.body());
            signIn(d, d.base(), "application/json", "{\"token\":\"nw_wrong-token-" + DeskHarness.ANALYST + "\"}");
            for (String[] e : ENDPOINTS) {
                for (String token : new String[] {DeskHarness.ADMIN, DeskHarness.VIEWER, null}) {
                    HttpResponse<String> r = d.send(e[0], e[1], token, e[1].endsWith("/retry") ? "{\"channel\":\"desk-hook\"}" : "{\"action\":\"note\",\"value\":\"seen\"}");
                    if (!e[1].equals("/api/events")) {
                        responses.add(r.headers().map() + r.body());
                    }
                }
            }
            // the channel list names channels, never where they send or how they sign
            String list = d.get("/api/channels", DeskHarness.ADMIN).body();
            assertThat(list).contains("desk-hook", "mail").doesNotContain("127.0.0.1:9", "path-secret", "username");
            responses.add(list);
        } finally {
            root.detachAppender(logs);
        }
        List<String> secrets = List.of(DeskHarness.VIEWER, DeskHarness.ANALYST, DeskHarness.ADMIN, HOOK_SECRET, HOOK_SECRET.substring(6), SMTP_PASSWORD,
                AccessTokens.sha256Hex(DeskHarness.ADMIN), AccessTokens.sha256Hex(DeskHarness.VIEWER), "path-secret-x1");
        for (String s : secrets) {
            assertThat(responses).as("responses").noneMatch(r -> r.contains(s));
            assertThat(logs.list).as("log lines").noneMatch(ev -> ev.getFormattedMessage().contains(s)
                    || (ev.getThrowableProxy() != null && String.valueOf(ev.getThrowableProxy().getMessage()).contains(s)));
        }
        assertThat(logs.list).as("the test saw the service's log").isNotEmpty();
    }

    static HttpResponse<String> signIn(DeskHarness d, String origin, String contentType, String body) throws Exception {
        return d.http.send(HttpRequest.newBuilder(URI.create(d.base() + "/api/session")).header("Origin", origin).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
