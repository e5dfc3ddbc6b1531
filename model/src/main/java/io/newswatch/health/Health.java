package io.newswatch.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The health of one process, as named components each with a state, answered at {@code /health/live},
 * {@code /health/ready} and {@code /health} (the same as ready, kept for older probes).
 *
 * <ul>
 *   <li><b>Live</b>: the process is not wedged (its loops and threads are alive). A failing liveness check means
 *       the process must be restarted; an unreachable broker is never a liveness failure, so an outage cannot
 *       turn into a crash loop.</li>
 *   <li><b>Ready</b>: every liveness check plus the readiness checks: the broker reachable, Streams RUNNING, the
 *       alert view caught up, pollers and delivery channels not stuck.</li>
 * </ul>
 * Checks are read on every request, so each must be cheap and must not block (read a volatile field, a state, a
 * timestamp). A check that throws is reported DOWN with the exception's message. Registration and reports are
 * thread-safe; the registry holds only what is registered (bounded by the process's components).
 */
public final class Health {
    /** Which question a report answers. */
    public enum Probe {
        LIVE, READY;

        /** {@code "live"} or {@code "ready"}, as in the URL. */
        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The probe a URL path names ({@code /health/live}, {@code /health/ready}, {@code /health}), or null. */
        public static Probe ofPath(String path) {
            return switch (path) {
                case "/health", "/health/", "/health/ready" -> READY;
                case "/health/live" -> LIVE;
                default -> null;
            };
        }
    }

    /** One component's answer: up or down, and a short state for the operator ({@code RUNNING}, {@code unreachable since ...}). */
    public record Status(boolean up, String state) {
        public Status {
            Objects.requireNonNull(state, "state");
        }

        public static Status up(String state) {
            return new Status(true, state);
        }

        public static Status down(String state) {
            return new Status(false, state);
        }

        public static Status of(boolean up, String state) {
            return new Status(up, state);
        }
    }

    /** The answer to one probe: up when every component is; the components in registration order. */
    public record Report(Probe probe, boolean up, Map<String, Status> components) {
        public Report {
            Objects.requireNonNull(probe, "probe");
            components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
        }

        /** The HTTP status to answer with: 200 when up, 503 when not. */
        public int httpStatus() {
            return up ? 200 : 503;
        }

        /**
         * The JSON body as plain maps: {@code {"status":"UP","probe":"ready","checks":{"kafka":"UP"},
         * "components":{"kafka":{"status":"UP","state":"reachable: 1 broker"}}}}; {@code checks} is the shape the
         * former single {@code /health} answered, kept for scripts that read it.
         */
        public Map<String, Object> body() {
            Map<String, String> checks = new LinkedHashMap<>();
            Map<String, Map<String, String>> detail = new LinkedHashMap<>();
            components.forEach((name, s) -> {
                checks.put(name, word(s.up()));
                detail.put(name, Map.of("status", word(s.up()), "state", s.state()));
            });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", word(up));
            body.put("probe", probe.path());
            body.put("checks", checks);
            body.put("components", detail);
            return body;
        }

        private static String word(boolean up) {
            return up ? "UP" : "DOWN";
        }
    }

    /** {@code live} null for a readiness-only check; {@code ready} is never null. */
    private record Check(String name, Supplier<Status> live, Supplier<Status> ready) {
    }

    private final List<Check> checks = new ArrayList<>();

    /**
     * Adds a liveness check; it answers for readiness too.
     *
     * @throws IllegalArgumentException when {@code component} is blank or already registered
     */
    public Health live(String component, Supplier<Status> check) {
        return add(component, Objects.requireNonNull(check, "check"), check);
    }

    /**
     * Adds a readiness check.
     *
     * @throws IllegalArgumentException when {@code component} is blank or already registered
     */
    public Health ready(String component, Supplier<Status> check) {
        return add(component, null, Objects.requireNonNull(check, "check"));
    }

    /**
     * Adds a component with both questions answered separately, e.g. a Streams application that is alive while
     * REBALANCING but ready only when RUNNING. {@code ready} should fail whenever {@code live} does.
     *
     * @throws IllegalArgumentException when {@code component} is blank or already registered
     */
    public Health component(String component, Supplier<Status> live, Supplier<Status> ready) {
        return add(component, Objects.requireNonNull(live, "live"), Objects.requireNonNull(ready, "ready"));
    }

    private synchronized Health add(String component, Supplier<Status> live, Supplier<Status> ready) {
        Objects.requireNonNull(component, "component");
        if (component.isBlank()) {
            throw new IllegalArgumentException("health component name must not be blank");
        }
        for (Check c : checks) {
            if (c.name().equals(component)) {
                throw new IllegalArgumentException("health component " + component + " is registered twice");
            }
        }
        checks.add(new Check(component, live, ready));
        return this;
    }

    /** Runs the checks {@code probe} covers: liveness only, or liveness and readiness. */
    public Report report(Probe probe) {
        Objects.requireNonNull(probe, "probe");
        List<Check> now;
        synchronized (this) {
            now = List.copyOf(checks);
        }
        Map<String, Status> out = new LinkedHashMap<>();
        boolean up = true;
        for (Check c : now) {
            Supplier<Status> check = probe == Probe.LIVE ? c.live() : c.ready();
            if (check == null) {
                continue;
            }
            Status s;
            try {
                s = Objects.requireNonNull(check.get(), "check returned null");
            } catch (RuntimeException e) {
                s = Status.down("check failed: " + e);
            }
            out.put(c.name(), s);
            up &= s.up();
        }
        return new Report(probe, up, out);
    }
}
