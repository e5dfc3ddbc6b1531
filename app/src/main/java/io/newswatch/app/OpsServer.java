package io.newswatch.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.ConfigType;
import io.newswatch.health.Health;
import io.newswatch.model.topic.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /health/live}, {@code /health/ready}, {@code /health} (= ready) and {@code /metrics} for a service
 * running alone ({@code ingest}, {@code process}); the alerts service and {@code run} serve them on the alerts
 * port instead. The answers come from the process's {@link Health} registry.
 */
final class OpsServer implements AutoCloseable {
    static final ConfigKey<String> HOST = ConfigKey.of("ops.host", ConfigType.STRING, "127.0.0.1",
            "Address of /health and /metrics for ingest or process running alone.");
    static final ConfigKey<Integer> PORT = ConfigKey.of("ops.port", ConfigType.INT, 8081,
            "Port of /health and /metrics for ingest or process running alone (0 = any free port).")
            .validatedBy(p -> p >= 0 && p <= 65535, "must be 0-65535");
    static final List<ConfigKey<?>> KEYS = List.of(HOST, PORT);

    private final HttpServer server;

    OpsServer(Config config, Health health, Supplier<String> metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(config.get(HOST), config.get(PORT)), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", ex -> {
            Health.Probe probe = Health.Probe.ofPath(ex.getRequestURI().getPath());
            if (probe == null) {
                send(ex, 404, "application/json", "{\"error\":\"no such probe; use /health/live or /health/ready\"}");
                return;
            }
            Health.Report r = health.report(probe);
            send(ex, r.httpStatus(), "application/json", Json.mapper().writeValueAsString(r.body()));
        });
        server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
