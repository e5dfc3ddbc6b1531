package io.newswatch.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.model.WatchRuleRecord;
import io.newswatch.model.topic.Topics;
import io.newswatch.processor.rules.InvalidRuleException;
import io.newswatch.processor.rules.RuleMatcher;
import io.newswatch.processor.rules.WatchRule;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the rules topic to the running matcher (hot reload). A new or changed rule is registered, a
 * tombstone removes it; an invalid rule is rejected with its id and reason while the previous version keeps
 * matching. Runs on the global stream thread, concurrently with matching (the matcher is thread-safe).
 */
final class RuleUpdater extends ContextualProcessor<String, byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(RuleUpdater.class);

    private final Topics topics;
    private final RuleMatcher matcher;
    private final MeterRegistry metrics;
    private KeyValueStore<String, byte[]> store;
    /** Versions the matcher holds, by rule id: a record carrying the same version needs no re-registration. */
    private final java.util.Map<String, String> active = new java.util.HashMap<>();

    RuleUpdater(Topics topics, RuleMatcher matcher, MeterRegistry metrics) {
        this.topics = topics;
        this.matcher = matcher;
        this.metrics = metrics;
    }

    @Override
    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
        super.init(context);
        store = context.getStateStore(NewsTopology.RULES_STORE);
        // the rules loaded from files at start-up are usually what the topic holds: restoring it must not
        // recompile every rule (seconds for thousands of rules)
        for (WatchRule r : matcher.rules()) {
            active.put(r.id(), r.version());
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            LOG.warn("ignoring a rules record without key");
            metrics.counter("newswatch.processor.rule.updates", "result", "rejected").increment();
            return;
        }
        if (record.value() == null) {
            matcher.remove(id);
            active.remove(id);
            store.delete(id);
            LOG.info("rule {} removed", id);
            metrics.counter("newswatch.processor.rule.updates", "result", "removed").increment();
            return;
        }
        try {
            WatchRuleRecord r = topics.rules().valueSerde().deserializer().deserialize(topics.rules().name(), record.value());
            WatchRule rule = WatchRule.fromRecord(r);
            if (!rule.version().equals(active.get(id))) {
                matcher.register(List.of(rule));
                active.put(id, rule.version());
                LOG.info("rule {} version {} active", id, rule.version());
            }
            store.put(id, record.value());
            metrics.counter("newswatch.processor.rule.updates", "result", "applied").increment();
        } catch (InvalidRuleException | RuntimeException | StackOverflowError e) {
            // A poison rule must not kill the global thread: it would do so again on every restart while the
            // compacted topic holds it. A stack overflow unwinds cleanly to here, so going on is safe.
            LOG.error("rule {} from {} rejected, previous version (if any) stays active: {}", id, topics.rules().name(),
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            metrics.counter("newswatch.processor.rule.updates", "result", "rejected").increment();
        }
    }
}
