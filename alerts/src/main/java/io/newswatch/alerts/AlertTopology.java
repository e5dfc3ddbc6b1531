package io.newswatch.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.newswatch.model.Alert;
import io.newswatch.model.DeadLetter;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import io.newswatch.model.topic.DeadLetters;
import io.newswatch.model.topic.JsonSerde;
import io.newswatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert raiser: one alert per story and rule, updated as the story grows.
 *
 * <pre>
 *   matches ──► raise ──► alerts   (version 1 when raised, 2, 3... as the story grows)
 *                 │
 *                 └─────► dlq      (a match that cannot be read)
 * </pre>
 *
 * <p>{@code raise} keeps an {@link AlertState} per alert id ({@code hash(storyId, ruleId)}) in the key-value store
 * {@value #ALERTED_STORE}, backed by a changelog, so neither a restart nor a rewrite of the story raises it twice.
 *
 * <h2>Updates</h2>
 * A later match of the same story and rule (a rewrite, or a near-duplicate from another outlet) that adds an outlet,
 * a language or a new passage changes the alert: same id, same {@code raisedAt}, version + 1. A version is written
 * at most once per {@code updateInterval} of stream time; changes within it are gathered and written by a
 * {@code STREAM_TIME} punctuation when the interval has passed, so a replay writes the same versions as production.
 * Near-duplicates never raise an alert of their own.
 *
 * <h2>Resurfacing</h2>
 * An alert stays open while its story keeps receiving matching articles: each one extends it by
 * {@code dedupRetention} (stream time). A story quiet for longer than that is forgotten (its state is deleted by the
 * punctuation); if it resurfaces, it raises a new alert (same id, version 1, a new {@code raisedAt}, and so a new
 * delivery id), because the desk should hear about it again.
 *
 * <p>Alert ids are deterministic, so a replay raises the same ids. Matches are keyed by story id, so every copy of a
 * story meets the same store partition. Built by a pure function: no I/O, no clock reads.
 */
public final class AlertTopology {
    public static final String ALERTED_STORE = "alerted";
    /** Most passages an alert keeps; later articles add new ones up to this. */
    static final int MAX_SNIPPETS = 3;

    private AlertTopology() {
    }

    /**
     * @param topics         the topics
     * @param dedupRetention how long (stream time) an alert stays open after its story's latest article
     * @param updateInterval shortest stream time between two versions of an alert
     * @param onBadRecord    told of each unreadable match (for metrics); may be a no-op
     */
    public static Topology build(Topics topics, Duration dedupRetention, Duration updateInterval, Consumer<DeadLetter> onBadRecord) {
        return build(topics, dedupRetention, updateInterval, onBadRecord, new CompositeMeterRegistry());
    }

    /**
     * As {@link #build(Topics, Duration, Duration, Consumer)}, counting alerts raised ({@code newswatch.alerts.raised})
     * and new versions written ({@code newswatch.alerts.updated}) per rule in {@code metrics}.
     */
    public static Topology build(Topics topics, Duration dedupRetention, Duration updateInterval, Consumer<DeadLetter> onBadRecord,
                                 MeterRegistry metrics) {
        Topology t = new Topology();
        t.addSource("matches", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.matches().name());
        t.addProcessor("raise", () -> new Raiser(topics, dedupRetention, updateInterval, onBadRecord, metrics), "matches");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTED_STORE), Serdes.String(),
                new JsonSerde<>(AlertState.class)), "raise");
        t.addSink("alerts", topics.alerts().name(), Serdes.String().serializer(), topics.alerts().valueSerde().serializer(), "raise");
        t.addSink("dlq", topics.dlq().name(), Serdes.String().serializer(), topics.dlq().valueSerde().serializer(), "raise");
        return t;
    }

    private static final class Raiser implements Processor<String, byte[], String, Object> {
        private final Topics topics;
        private final Consumer<DeadLetter> onBadRecord;
        private final MeterRegistry metrics;
        private final long retention;
        private final long interval;
        private ProcessorContext<String, Object> context;
        private KeyValueStore<String, AlertState> alerted;

        Raiser(Topics topics, Duration retention, Duration interval, Consumer<DeadLetter> onBadRecord, MeterRegistry metrics) {
            this.topics = topics;
            this.metrics = metrics;
            this.retention = retention.toMillis();
            this.interval = interval.toMillis();
            this.onBadRecord = onBadRecord;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
            this.alerted = context.getStateStore(ALERTED_STORE);
            long every = Math.max(1000, Math.min(interval / 2, 60_000));
            context.schedule(Duration.ofMillis(every), PunctuationType.STREAM_TIME, this::punctuate);
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
            String story = match.storyId() != null ? match.storyId() : match.articleId();
            long ts = record.timestamp();
            for (RuleHit hit : match.rules()) {
                String id = Alert.idFor(story, hit.id());
                AlertState state = alerted.get(id);
                if (state == null || ts - state.lastSeen() > retention) {
                    if (match.duplicateOf() != null) {
                        continue; // a copy alone never raises
                    }
                    var a = match.article();
                    Alert alert = new Alert(Alert.SCHEMA_VERSION, id, story, hit.id(), hit.version(), hit.severity(), a.id(), a.title(),
                            a.url(), a.source(), a.lang(), a.publishedAt(), hit.snippets(), match.entities(), Instant.ofEpochMilli(ts), 1,
                            Instant.ofEpochMilli(ts), a.source() == null ? List.of() : List.of(a.source()),
                            a.lang() == null ? List.of() : List.of(a.lang()), 1, hit.shadow());
                    alerted.put(id, new AlertState(alert, ts, ts, false));
                    context.forward(new Record<>(id, alert, ts), "alerts");
                    metrics.counter("newswatch.alerts.raised", "rule", hit.id(), "severity", String.valueOf(hit.severity())).increment();
                    continue;
                }
                Alert grown = grow(state.alert(), match, hit);
                boolean changed = state.pending() || !sameContent(grown, state.alert());
                AlertState next = new AlertState(grown, state.lastEmitted(), Math.max(ts, state.lastSeen()), changed);
                if (changed && ts - state.lastEmitted() >= interval) {
                    next = emit(id, next, ts);
                }
                alerted.put(id, next);
            }
        }

        /** {@code a} with the match's outlet, language and passages added, and one more article counted. */
        private static Alert grow(Alert a, Match m, RuleHit hit) {
            List<String> outlets = addCapped(a.outlets(), m.article().source());
            List<String> langs = addCapped(a.languages(), m.article().lang());
            List<Snippet> snippets = new ArrayList<>(a.snippets());
            if (m.duplicateOf() == null) {
                for (Snippet s : hit.snippets()) {
                    if (snippets.size() < MAX_SNIPPETS && snippets.stream().noneMatch(x -> x.text() != null && x.text().equals(s.text()))) {
                        snippets.add(s);
                    }
                }
            }
            return new Alert(Alert.SCHEMA_VERSION, a.alertId(), a.storyId(), a.ruleId(), a.ruleVersion(), a.severity(), a.articleId(), a.title(),
                    a.url(), a.source(), a.lang(), a.publishedAt(), snippets, a.entities(), a.raisedAt(), a.version(), a.updatedAt(), outlets,
                    langs, a.articles() + 1, a.shadow());
        }

        /** Whether an update would tell the desk anything: the article count alone does not. */
        private static boolean sameContent(Alert x, Alert y) {
            return x.outlets().equals(y.outlets()) && x.languages().equals(y.languages()) && x.snippets().equals(y.snippets());
        }

        private static List<String> addCapped(List<String> list, String value) {
            if (value == null || value.isBlank() || list.contains(value) || list.size() >= Alert.MAX_LISTED) {
                return list;
            }
            List<String> out = new ArrayList<>(list);
            out.add(value);
            return out;
        }

        private AlertState emit(String id, AlertState s, long now) {
            Alert a = s.alert();
            Alert version = new Alert(Alert.SCHEMA_VERSION, a.alertId(), a.storyId(), a.ruleId(), a.ruleVersion(), a.severity(), a.articleId(),
                    a.title(), a.url(), a.source(), a.lang(), a.publishedAt(), a.snippets(), a.entities(), a.raisedAt(), a.version() + 1,
                    Instant.ofEpochMilli(now), a.outlets(), a.languages(), a.articles(), a.shadow());
            context.forward(new Record<>(id, version, now), "alerts");
            metrics.counter("newswatch.alerts.updated", "rule", a.ruleId()).increment();
            return new AlertState(version, now, s.lastSeen(), false);
        }

        /** Writes gathered updates whose interval has passed, and forgets alerts whose story went quiet. */
        private void punctuate(long now) {
            List<String> expired = new ArrayList<>();
            List<KeyValue<String, AlertState>> due = new ArrayList<>();
            try (KeyValueIterator<String, AlertState> it = alerted.all()) {
                while (it.hasNext()) {
                    KeyValue<String, AlertState> kv = it.next();
                    AlertState s = kv.value;
                    if (s.pending() && now - s.lastEmitted() >= interval) {
                        due.add(kv);
                    } else if (!s.pending() && now - s.lastSeen() > retention) {
                        expired.add(kv.key);
                    }
                }
            }
            due.forEach(kv -> alerted.put(kv.key, emit(kv.key, kv.value, now)));
            expired.forEach(alerted::delete);
        }
    }
}
