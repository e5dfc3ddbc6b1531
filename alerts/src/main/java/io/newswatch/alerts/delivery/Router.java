package io.newswatch.alerts.delivery;

import io.newswatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, for one alert version and one channel, whether it is sent now, rolled into a digest, or not sent, from
 * the policies and the alert's stream time only, so a replay decides as production did. An alert of a shadow rule
 * ({@link Alert#shadow()}) goes to no channel, whatever the policies (it is counted nowhere either). With no policies
 * every other alert goes to every channel. For each channel the first policy (in file order) that matches and names the
 * channel decides. Throttle counts are kept per policy, channel and window, and forgotten two windows later.
 * Not thread-safe: used by the delivery loop alone.
 */
final class Router {
    /** What to do with an alert on a channel; {@code policy} is the one that decided ({@code null} when no policy is configured). */
    record Decision(Kind kind, Policy policy, Instant windowStart, Instant windowEnd) {
        enum Kind { SEND, DIGEST, SKIP }

        static final Decision SEND = new Decision(Kind.SEND, null, null, null);
        static final Decision SKIP = new Decision(Kind.SKIP, null, null, null);
    }

    private final List<Policy> policies;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Long> countWindows = new HashMap<>(); // key -> when it may be forgotten

    Router(List<Policy> policies) {
        this.policies = List.copyOf(policies);
    }

    Decision decide(Alert a, String channel, Instant streamTime) {
        if (a.shadow()) {
            return Decision.SKIP;
        }
        if (policies.isEmpty()) {
            return Decision.SEND;
        }
        for (Policy p : policies) {
            if (!p.channels().contains(channel) || !p.matches(a)) {
                continue;
            }
            if (p.digestEvery() != null) {
                return digest(p, p.digestEvery(), streamTime);
            }
            if (p.throttleMax() <= 0) {
                return new Decision(Decision.Kind.SEND, p, null, null);
            }
            long window = streamTime.toEpochMilli() / p.window().toMillis();
            String key = p.id() + "\u0000" + channel + "\u0000" + window;
            int n = counts.merge(key, 1, Integer::sum);
            countWindows.put(key, (window + 2) * p.window().toMillis());
            forgetOld(streamTime.toEpochMilli());
            return n <= p.throttleMax() ? new Decision(Decision.Kind.SEND, p, null, null) : digest(p, p.window(), streamTime);
        }
        return Decision.SKIP;
    }

    /** Counts a send that happened before a restart (found in the ledger), so the throttle sees it. */
    void countDelivered(Alert a, String channel, Instant streamTime) {
        decide(a, channel, streamTime);
    }

    private void forgetOld(long now) {
        if (counts.size() > 1_000) {
            countWindows.entrySet().removeIf(e -> {
                boolean old = e.getValue() < now;
                if (old) {
                    counts.remove(e.getKey());
                }
                return old;
            });
        }
    }

    private static Decision digest(Policy p, Duration every, Instant t) {
        long start = Math.floorDiv(t.toEpochMilli(), every.toMillis()) * every.toMillis();
        return new Decision(Decision.Kind.DIGEST, p, Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + every.toMillis()));
    }
}
