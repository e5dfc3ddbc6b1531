package io.newswatch.alerts.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.json.JavalinJackson;
import io.newswatch.alerts.desk.AlertQuery;
import io.newswatch.alerts.desk.DeskEvents;
import io.newswatch.alerts.desk.DeskStore;
import io.newswatch.alerts.desk.Triage;
import io.newswatch.health.Health;
import io.newswatch.model.Alert;
import io.newswatch.model.Delivery;
import io.newswatch.model.FeedHealth;
import io.newswatch.model.Feedback;
import io.newswatch.model.topic.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk: its page and the REST API under it, on one port with {@code /health} and {@code /metrics}.
 *
 * <ul>
 *   <li>{@code GET /}, {@code /desk.js}, {@code /desk.css}, {@code /icon.svg}: the page (no data in it)</li>
 *   <li>{@code POST /api/session {"token":...}}: sign in, sets the session cookie; {@code GET /api/session}: who;
 *       {@code DELETE /api/session}: sign out</li>
 *   <li>{@code GET /api/alerts?rule=&severity=&entity=&source=&lang=&since=&until=&status=&limit=&cursor=}:
 *       {@code {"items":[{"alert":..,"feedback":..}],"next":cursor|null}}, newest raised first</li>
 *   <li>{@code GET /api/alerts/{id}}: the alert, its triage and its deliveries per channel</li>
 *   <li>{@code POST /api/alerts/{id}/feedback {"action":"acknowledge|assign|false-positive|note|reopen","value":..}} (analyst)</li>
 *   <li>{@code POST /api/alerts/{id}/retry {"channel":..}} (analyst): sends the alert's failed delivery again</li>
 *   <li>{@code GET /api/stories/{id}}: the story's alerts and articles</li>
 *   <li>{@code GET /api/feedback?since=&limit=}: triage records (labels for evaluation)</li>
 *   <li>{@code GET /api/channels}; {@code POST /api/channels/{id}/retry} (admin)</li>
 *   <li>{@code GET /api/feeds}: feed health; {@code GET /api/stats/rules?days=30}: alerts per rule per day</li>
 *   <li>{@code GET /api/events}: Server-Sent Events, {@code alert} events with the position as id (resume with
 *       {@code Last-Event-ID}), {@code feedback} events when anyone triages</li>
 *   <li>{@code GET /health/live}, {@code /health/ready} and {@code /health} (= ready): open,
 *       {@code {"status":"UP"|"DOWN","checks":{...},"components":{...}}}, 503 when any check is down
 *       ({@link Health}); {@code GET /metrics}: Prometheus text (viewer)</li>
 * </ul>
 * Everything else needs a token (see {@link Access}). Bad parameters get 400 naming the parameter; every response
 * carries a strict Content-Security-Policy.
 */
public final class AlertsApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsApi.class);
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> ASSETS = Map.of("/", "index.html", "/desk.js", "desk.js", "/desk.css", "desk.css",
            "/icon.svg", "icon.svg");

    private final Javalin app;
    private final DeskStore store;
    private final DeskEvents events;
    private final Triage triage;
    private final DeliveryView delivery;
    private final Clock clock;
    private volatile boolean running = true;

    /**
     * @param health   the process's health registry, answered openly at /health/live, /health/ready and /health (= ready)
     * @param metrics  Prometheus scrape text
     * @param basePath where everything is served behind a reverse proxy ({@code alerts.http.basePath}), {@code /} for the
     *                 root; the page uses relative URLs, so it works under any base path
     */
    public AlertsApi(DeskStore store, DeskEvents events, Triage triage, DeliveryView delivery, AccessTokens tokens, Sessions sessions,
                     Health health, Supplier<String> metrics, Clock clock, String basePath) {
        this.store = store;
        this.events = events;
        this.triage = triage;
        this.delivery = delivery;
        this.clock = clock;
        Access access = new Access(tokens, sessions);
        String base = basePath.equals("/") ? "" : basePath;
        app = Javalin.create(cfg -> {
            cfg.router.contextPath = basePath;
            // behind a proxy: scheme, host and client address from Forwarded / X-Forwarded-* headers
            cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Cache-Control", "no-store");
        });
        app.beforeMatched(ctx -> {
            String p = ctx.path().substring(Math.min(base.length(), ctx.path().length()));
            if (p.isEmpty() || p.equals("/health") || p.startsWith("/health/") || ASSETS.containsKey(p) || p.equals("/api/session") && ctx.method() != HandlerType.DELETE) {
                return;
            }
            access.authenticate(ctx);
        });
        app.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal error; the service log has the details"));
        });

        ASSETS.forEach((path, file) -> app.get(path, ctx -> asset(ctx, file)));
        app.post("/api/session", ctx -> signIn(ctx, access));
        app.get("/api/session", ctx -> {
            Access.Caller c = Access.require(ctx, Role.VIEWER);
            ctx.json(me(c));
        });
        app.delete("/api/session", ctx -> {
            access.signOut(ctx);
            ctx.header("Set-Cookie", Access.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.status(HttpStatus.NO_CONTENT);
        });
        app.get("/api/alerts", this::list);
        app.get("/api/alerts/{id}", ctx -> {
            Access.require(ctx, Role.VIEWER);
            Alert a = alert(ctx);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("alert", a);
            out.put("feedback", triage.current(a.alertId()));
            out.put("deliveries", deliveries(a));
            ctx.json(out);
        });
        app.post("/api/alerts/{id}/feedback", this::feedback);
        app.get("/api/alerts/{id}/feedback", ctx -> {
            Access.require(ctx, Role.VIEWER);
            Alert a = alert(ctx);
            Feedback f = triage.current(a.alertId());
            ctx.json(f != null ? f : Feedback.open(a));
        });
        app.post("/api/alerts/{id}/retry", ctx -> {
            Access.require(ctx, Role.ANALYST);
            Alert a = alert(ctx);
            String channel = text(body(ctx), "channel");
            if (channel == null || !delivery.has(channel)) {
                throw new IllegalArgumentException("channel must name a configured channel");
            }
            ctx.json(Map.of("results", delivery.retry(channel, a.deliveryId())));
        });
        app.get("/api/stories/{id}", ctx -> {
            Access.require(ctx, Role.VIEWER);
            DeskStore.Story s = store.story(ctx.pathParam("id"));
            if (s.alerts().isEmpty() && s.articles().isEmpty()) {
                throw new ApiError(HttpStatus.NOT_FOUND, "no story with id " + ctx.pathParam("id"));
            }
            ctx.json(s);
        });
        app.get("/api/feedback", ctx -> {
            Access.require(ctx, Role.VIEWER);
            ctx.json(Map.of("items", store.feedbackSince(instant(ctx, "since"), limit(ctx, 1000, 100_000))));
        });
        app.get("/api/channels", ctx -> {
            Access.require(ctx, Role.VIEWER);
            ctx.json(delivery.channels());
        });
        app.post("/api/channels/{id}/retry", ctx -> {
            Access.require(ctx, Role.ADMIN);
            if (!delivery.has(ctx.pathParam("id"))) {
                throw new ApiError(HttpStatus.NOT_FOUND, "no channel " + ctx.pathParam("id"));
            }
            ctx.json(Map.of("results", delivery.retry(ctx.pathParam("id"), null)));
        });
        app.get("/api/feeds", ctx -> {
            Access.require(ctx, Role.VIEWER);
            List<Map<String, Object>> out = new ArrayList<>();
            for (FeedHealth h : store.feeds()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("feedId", h.feedId());
                m.put("lastPollAt", h.lastPollAt());
                m.put("lastSuccessAt", h.lastSuccessAt());
                m.put("lastStatus", h.lastStatus());
                m.put("lastError", h.lastError());
                m.put("errorStreak", h.errorStreak());
                m.put("polls", h.polls());
                m.put("notModifiedRatio", Math.round(h.notModifiedRatio() * 1000) / 1000.0);
                m.put("nextPollAt", h.nextPollAt());
                out.add(m);
            }
            ctx.json(out);
        });
        app.get("/api/stats/rules", ctx -> {
            Access.require(ctx, Role.VIEWER);
            int days = limit(ctx, "days", 30, 366);
            LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            LocalDate from = to.minusDays(days - 1L);
            List<String> labels = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                labels.add(d.toString());
            }
            Map<String, List<Long>> series = new LinkedHashMap<>();
            store.perRulePerDay(from, to).forEach((rule, counts) ->
                    series.put(rule, labels.stream().map(l -> counts.getOrDefault(LocalDate.parse(l), 0L)).toList()));
            ctx.json(Map.of("days", labels, "rules", series));
        });
        app.sse("/api/events", this::stream);
        for (String path : List.of("/health", "/health/live", "/health/ready")) {
            app.get(path, ctx -> {
                Health.Report r = health.report(Health.Probe.ofPath(path));
                ctx.status(r.httpStatus()).json(r.body());
            });
        }
        app.get("/metrics", ctx -> {
            Access.require(ctx, Role.VIEWER);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get());
        });
    }

    private void signIn(Context ctx, Access access) {
        Access.requireSameOrigin(ctx);
        if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
            throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "sign in with a JSON body {\"token\": ...}");
        }
        String token = text(body(ctx), "token");
        Sessions.Session s = access.signIn(token).orElseThrow(() -> {
            LOG.info("refused a desk sign-in from {}: unknown token", ctx.ip());
            return new ApiError(HttpStatus.UNAUTHORIZED, "the token is not known");
        });
        boolean https = "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || "https".equalsIgnoreCase(ctx.scheme());
        ctx.header("Set-Cookie", Access.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : ""));
        LOG.info("{} signed in to the desk as {}", s.name(), s.role().wire());
        ctx.json(me(new Access.Caller(s.name(), s.role(), s)));
    }

    private static Map<String, Object> me(Access.Caller c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("role", c.role().wire());
        if (c.session() != null) {
            m.put("csrf", c.session().csrf());
        }
        return m;
    }

    private void list(Context ctx) {
        Access.require(ctx, Role.VIEWER);
        Feedback.Status status = null;
        String st = ctx.queryParam("status");
        if (st != null && !st.isBlank()) {
            try {
                status = Feedback.Status.valueOf(st.trim().toUpperCase().replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status must be open, acknowledged or false-positive");
            }
        }
        String sh = param(ctx, "shadow");
        if (sh != null && !sh.equals("true") && !sh.equals("false")) {
            throw new IllegalArgumentException("shadow must be true (only shadow rules' alerts) or false (only the others), was '" + sh + "'");
        }
        AlertQuery q = new AlertQuery(param(ctx, "rule"), param(ctx, "severity"), param(ctx, "entity"), param(ctx, "source"), param(ctx, "lang"),
                instant(ctx, "since"), instant(ctx, "until"), status, sh == null ? null : Boolean.valueOf(sh), param(ctx, "cursor"),
                limit(ctx, 100, AlertQuery.MAX_LIMIT));
        DeskStore.Page page = store.page(q);
        List<Map<String, Object>> items = new ArrayList<>();
        for (DeskStore.Row r : page.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alert", r.alert());
            Feedback f = triage.current(r.alert().alertId());
            m.put("feedback", f != null ? f : r.feedback());
            items.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("next", page.next());
        ctx.json(out);
    }

    private void feedback(Context ctx) {
        Access.Caller c = Access.require(ctx, Role.ANALYST);
        Alert a = alert(ctx);
        JsonNode body = body(ctx);
        Feedback.Kind kind = Feedback.Kind.parse(text(body, "action"));
        ctx.json(triage.act(a, kind, text(body, "value"), c.name()));
    }

    private List<Map<String, Object>> deliveries(Alert a) {
        Map<String, Map<String, Object>> byChannel = new LinkedHashMap<>();
        for (Map<String, Object> ch : delivery.channels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", ch.get("id"));
            m.put("status", "PENDING");
            byChannel.put((String) ch.get("id"), m);
        }
        for (Delivery d : store.deliveries(a.alertId())) {
            Map<String, Object> m = byChannel.computeIfAbsent(d.channel(), k -> new LinkedHashMap<>(Map.of("channel", k)));
            boolean current = d.deliveryId().equals(a.deliveryId());
            if (current || !m.containsKey("deliveryId") || !a.deliveryId().equals(m.get("deliveryId"))) {
                m.put("deliveryId", d.deliveryId());
                m.put("status", d.status().name());
                m.put("attempts", d.attempts());
                m.put("at", d.at());
                m.put("cause", d.cause());
                m.put("current", current);
            }
        }
        return new ArrayList<>(byChannel.values());
    }

    private void stream(SseClient client) {
        Context ctx = client.ctx();
        String lastId = ctx.header("Last-Event-ID") != null ? ctx.header("Last-Event-ID") : ctx.queryParam("lastEventId");
        long[] from = DeskEvents.parse(lastId);
        try (DeskEvents.Subscription sub = events.subscribe(30_000)) {
            long[] stored = sub.stored();
            long[][] sent = {from != null ? from : stored};
            if (from == null) {
                client.sendEvent("position", DeskEvents.format(stored), DeskEvents.format(stored));
            } else {
                for (int p = 0; p < stored.length; p++) {
                    int partition = p;
                    long start = p < from.length ? from[p] : 0;
                    store.events(p, start, stored[p], (offset, alert) -> send(client, sent, new DeskEvents.Event(partition, offset, alert, null)));
                }
            }
            while (running && !client.terminated() && !sub.overflowed()) {
                DeskEvents.Event e = sub.queue().poll(15, TimeUnit.SECONDS);
                if (e == null) {
                    client.sendComment("keep-alive");
                } else {
                    send(client, sent, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            client.sendEvent("error", "{\"error\":\"the alert history is still loading; retrying\"}");
        } finally {
            client.close();
        }
    }

    private static void send(SseClient client, long[][] sent, DeskEvents.Event e) {
        try {
            if (e.feedback() != null) {
                client.sendEvent("feedback", Json.mapper().writeValueAsString(e.feedback()));
                return;
            }
            if (e.alert() == null) {
                return; // a wake-up: the service is stopping
            }
            if (DeskEvents.Subscription.accepts(sent, e)) {
                client.sendEvent("alert", Json.mapper().writeValueAsString(e.alert()), DeskEvents.format(sent[0]));
            }
        } catch (IOException ex) {
            throw new IllegalStateException("cannot encode an event", ex);
        }
    }

    private static void asset(Context ctx, String file) throws IOException {
        try (InputStream in = AlertsApi.class.getResourceAsStream("/desk/" + file)) {
            if (in == null) {
                throw new ApiError(HttpStatus.NOT_FOUND, "no " + file);
            }
            String type = file.endsWith(".js") ? "text/javascript; charset=utf-8" : file.endsWith(".css") ? "text/css; charset=utf-8"
                    : file.endsWith(".svg") ? "image/svg+xml" : "text/html; charset=utf-8";
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private Alert alert(Context ctx) {
        Alert a = store.alert(ctx.pathParam("id"));
        if (a == null) {
            throw new ApiError(HttpStatus.NOT_FOUND, "no alert with id " + ctx.pathParam("id"));
        }
        return a;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = Json.mapper().readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException();
            }
            return n;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Instant instant(Context ctx, String name) {
        String v = param(ctx, name);
        try {
            return v == null ? null : v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, or a date such as 2026-01-31");
        }
    }

    private static int limit(Context ctx, int dflt, int max) {
        return limit(ctx, "limit", dflt, max);
    }

    private static int limit(Context ctx, String name, int dflt, int max) {
        String v = param(ctx, name);
        try {
            int n = v == null ? dflt : Integer.parseInt(v);
            if (n < 1 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer from 1 to " + max);
        }
    }

    /** Starts serving; returns the bound port. */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    @Override
    public void close() {
        running = false;
        events.closeAll();
        app.stop();
    }
}
