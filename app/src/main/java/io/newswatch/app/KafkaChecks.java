package io.newswatch.app;

import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.health.Health;
import io.newswatch.health.KafkaReachability;
import java.time.Clock;
import java.time.Duration;

/** The broker reachability check every service registers as its {@code kafka} readiness component. */
final class KafkaChecks {
    /** How often the cluster is asked; also how long an outage can go unseen by readiness. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private KafkaChecks() {
    }

    /**
     * The process's health registry, with the broker check registered as {@code kafka} (readiness) and started in
     * {@code life}, which closes it.
     */
    static Health health(Config config, Lifecycle life) {
        Health health = new Health();
        KafkaReachability kafka = life.add("kafka health check", reachability(config).start());
        health.ready("kafka", kafka::status);
        return health;
    }

    /** Not started: the caller starts it and closes it with the service. */
    static KafkaReachability reachability(Config config) {
        return new KafkaReachability(KafkaClients.common(config, "newswatch-health"), INTERVAL, Clock.systemUTC());
    }
}
