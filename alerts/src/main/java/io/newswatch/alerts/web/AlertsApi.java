package io.newswatch.alerts.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.newswatch.health.Health;
import io.newswatch.model.Alert;
import io.newswatch.model.topic.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;

/**
 * The HTTP surface of the alerts service.
 *
 * <ul>
 *   <li>{@code GET /api/alerts?rule=&severity=&since=ISO-8601&limit=100}: newest alerts first, JSON array</li>
 *   <li>{@code GET /api/alerts/{id}}: one alert, or 404</li>
 *   <li>{@code GET /health/live}, {@code /health/ready} and {@code /health} (= ready): {@code {"status":"UP"|"DOWN",
 *       "checks":{...},"components":{...}}}, 503 when any check is down ({@link Health})</li>
 *   <li>{@code GET /metrics}: Prometheus text format</li>
 * </ul>
 * Bad parameters get 400 with a message saying which one and why.
 */
public final class AlertsApi implements AutoCloseable {
    static final int MAX_LIMIT = 1000;

    private final Javalin app;

    /**
     * @param alerts  the alert view
     * @param health  the process's health registry, answered at /health/live, /health/ready and /health
     * @param metrics Prometheus scrape text
     */
    public AlertsApi(RecentAlerts alerts, Health health, Supplier<String> metrics) {
        this(alerts, health, metrics, "/");
    }

    /**
     * @param basePath where everything is served behind a reverse proxy ({@code alerts.http.basePath}), {@code /} for the root
     */
    public AlertsApi(RecentAlerts alerts, Health health, Supplier<String> metrics, String basePath) {
        app = Javalin.create(cfg -> {
            cfg.router.contextPath = basePath;
            // behind a proxy: scheme, host and client address from Forwarded / X-Forwarded-* headers
            cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
        });
        app.get("/api/alerts", ctx -> list(ctx, alerts));
        app.get("/api/alerts/{id}", ctx -> {
            Alert a = alerts.get(ctx.pathParam("id"));
            if (a == null) {
                ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no alert with id " + ctx.pathParam("id")));
            } else {
                ctx.json(a);
            }
        });
        for (String path : List.of("/health", "/health/live", "/health/ready")) {
            app.get(path, ctx -> {
                Health.Report r = health.report(Health.Probe.ofPath(path));
                ctx.status(r.httpStatus()).json(r.body());
            });
        }
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get()));
    }

    private static void list(Context ctx, RecentAlerts alerts) {
        int limit;
        Instant since;
        try {
            limit = ctx.queryParamMap().containsKey("limit") ? Integer.parseInt(ctx.queryParam("limit")) : 100;
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "limit must be an integer from 1 to " + MAX_LIMIT));
            return;
        }
        try {
            since = ctx.queryParam("since") == null ? null : Instant.parse(ctx.queryParam("since"));
        } catch (DateTimeParseException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "since must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
            return;
        }
        String rule = ctx.queryParam("rule");
        String severity = ctx.queryParam("severity");
        Predicate<Alert> filter = a -> (rule == null || rule.equals(a.ruleId()))
                && (severity == null || severity.toLowerCase(Locale.ROOT).equals(a.severity()))
                && (since == null || (a.raisedAt() != null && !a.raisedAt().isBefore(since)));
        ctx.json(alerts.newest(limit, filter));
    }

    /** Starts serving; returns the bound port. */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
