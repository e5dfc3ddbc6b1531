package io.newswatch.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.health.Health;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor service: the processor {@link ProcessorFactory} builds, run under exactly_once_v2 as two Streams
 * applications ({@link ProcessorStreams}). Building it loads and validates the rules (refusing to start on an
 * invalid one) but touches no cluster; {@link #start()} publishes the rules to the rules topic and starts the
 * applications. The topics must exist (created by the command that starts the service). Started and closed from
 * one thread.
 */
public final class ProcessorService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);

    private final ProcessorFactory processor;
    private final MeterRegistry metrics;
    private volatile ProcessorStreams streams;
    private List<KafkaStreamsMetrics> streamsMetrics = List.of();

    /**
     * @throws ConfigException when the rules or gazetteer cannot be loaded or a rule is invalid
     */
    public ProcessorService(Config config, MeterRegistry metrics) {
        this.processor = ProcessorFactory.load(config);
        this.metrics = metrics;
    }

    /** Publishes the rules, then starts both applications. */
    public ProcessorService start() {
        processor.publishRules();
        streams = processor.streams(metrics);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("processor stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = streams.applications().stream().map(KafkaStreamsMetrics::new).toList();
        streamsMetrics.forEach(m -> m.bindTo(metrics));
        streams.start();
        LOG.info("processor started: {} rules, {} entities, story window {}", processor.rules().size(), processor.entityCount(),
                processor.settings().storyWindow());
        return this;
    }

    /** The state of the two applications ({@link ProcessorStreams#state()}); {@code CREATED} before start. */
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    /**
     * Registers the {@code processor} component: live unless a Streams application failed or stopped, ready when
     * both are RUNNING (not while they rebalance or restore state). The state names both applications.
     */
    public void registerHealth(Health health) {
        health.component("processor", () -> {
            KafkaStreams.State s = state();
            boolean live = s != KafkaStreams.State.CREATED && s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR
                    && s != KafkaStreams.State.NOT_RUNNING;
            return Health.Status.of(live, describe());
        }, () -> Health.Status.of(state() == KafkaStreams.State.RUNNING, describe()));
    }

    private String describe() {
        ProcessorStreams s = streams;
        if (s == null) {
            return "not started";
        }
        List<KafkaStreams> apps = s.applications();
        return "analysis " + apps.get(0).state() + ", ordered " + apps.get(1).state();
    }

    @Override
    public void close() {
        try {
            if (streams != null) {
                streams.close(Duration.ofSeconds(30));
            }
        } finally {
            streamsMetrics.forEach(KafkaStreamsMetrics::close);
            processor.close();
        }
    }
}
