package io.newswatch.alerts;

import io.newswatch.model.Alert;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.topic.DeadLetters;
import io.newswatch.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The alert raiser: one alert per story and rule.
 *
 * <pre>
 *   matches ──► raise ──► alerts
 *                 │
 *                 └─────► dlq      (a match that cannot be read)
 * </pre>
 *
 * <p>{@code raise} remembers each alert id ({@code hash(storyId, ruleId)}) in the window store
 * {@value #ALERTED_STORE} for {@code dedupRetention} of stream time, backed by a changelog, so neither a
 * restart nor a rewrite of the story raises it twice. Near-duplicates ({@code duplicateOf} set) never raise.
 * Alert ids are deterministic, so a replay raises the same ids. Matches are keyed by story id, so every copy
 * of a story meets the same store partition.
 *
 * <p>Built by a pure function: no I/O, no clock reads.
 */
public final class AlertTopology {
    public static final String ALERTED_STORE = "alerted";

    private AlertTopology() {
    }

    /**
     * @param topics         the topics
     * @param dedupRetention how long an alert id is remembered
     * @param onBadRecord    told of each unreadable match (for metrics); may be a no-op
     */
    public static Topology build(Topics topics, Duration dedupRetention, Consumer<DeadLetter> onBadRecord) {
        Topology t = new Topology();
        t.addSource("matches", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.matches().name());
        t.addProcessor("raise", () -> new Raiser(topics, dedupRetention, onBadRecord), "matches");
        t.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(ALERTED_STORE, dedupRetention, dedupRetention, false),
                Serdes.String(), Serdes.Long()), "raise");
        t.addSink("alerts", topics.alerts().name(), Serdes.String().serializer(), topics.alerts().valueSerde().serializer(), "raise");
        t.addSink("dlq", topics.dlq().name(), Serdes.String().serializer(), topics.dlq().valueSerde().serializer(), "raise");
        return t;
    }

    private static final class Raiser implements Processor<String, byte[], String, Object> {
        private final Topics topics;
        private final Consumer<DeadLetter> onBadRecord;
        private ProcessorContext<String, Object> context;
        private WindowStore<String, Long> alerted;
        private final Duration retention;

        Raiser(Topics topics, Duration retention, Consumer<DeadLetter> onBadRecord) {
            this.topics = topics;
            this.retention = retention;
            this.onBadRecord = onBadRecord;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
            this.alerted = context.getStateStore(ALERTED_STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            Match match;
            try {
                match = topics.matches().valueSerde().deserializer().deserialize(topics.matches().name(), record.value());
                if (match == null) {
                    throw new IllegalArgumentException("match record has no value");
                }
            } catch (RuntimeException e) {
                RecordMetadata m = context.recordMetadata().orElse(null);
                DeadLetter dl = DeadLetters.of("alerts", m == null ? topics.matches().name() : m.topic(), m == null ? -1 : m.partition(),
                        m == null ? -1 : m.offset(), record.key(), record.value(), e, Instant.ofEpochMilli(record.timestamp()));
                onBadRecord.accept(dl);
                context.forward(new Record<>(record.key(), dl, record.timestamp()), "dlq");
                return;
            }
            if (match.duplicateOf() != null) {
                return;
            }
            String story = match.storyId() != null ? match.storyId() : match.articleId();
            long ts = record.timestamp();
            for (RuleHit hit : match.rules()) {
                String id = Alert.idFor(story, hit.id());
                if (seen(id, ts)) {
                    continue;
                }
                alerted.put(id, ts, ts);
                var a = match.article();
                Alert alert = new Alert(Alert.SCHEMA_VERSION, id, story, hit.id(), hit.version(), hit.severity(), a.id(), a.title(),
                        a.url(), a.source(), a.lang(), a.publishedAt(), hit.snippets(), match.entities(), Instant.ofEpochMilli(ts));
                context.forward(new Record<>(id, alert, ts), "alerts");
            }
        }

        private boolean seen(String alertId, long ts) {
            try (WindowStoreIterator<Long> it = alerted.fetch(alertId, Instant.ofEpochMilli(ts).minus(retention), Instant.ofEpochMilli(ts).plus(retention))) {
                return it.hasNext();
            }
        }
    }
}
