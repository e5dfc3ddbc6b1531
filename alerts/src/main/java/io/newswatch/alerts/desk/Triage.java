package io.newswatch.alerts.desk;

import io.newswatch.model.Alert;
import io.newswatch.model.Feedback;
import io.newswatch.model.topic.Topics;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Analysts' actions on alerts, written to the compacted {@code newswatch.alert-feedback} topic. Each action reads
 * the alert's current triage (the one just written, until the index holds it), applies the action and writes the
 * whole record, one alert at a time, so two quick actions never lose each other. An action returns once the topic
 * has it. Thread-safe.
 */
public final class Triage implements AutoCloseable {
    private final Topics topics;
    private final DeskStore store;
    private final KafkaProducer<String, Feedback> producer;
    private final Clock clock;
    private final Map<String, Feedback> inFlight = new ConcurrentHashMap<>();

    public Triage(Topics topics, DeskStore store, KafkaProducer<String, Feedback> producer, Clock clock) {
        this.topics = topics;
        this.store = store;
        this.producer = producer;
        this.clock = clock;
    }

    /** The triage of {@code alertId}: written but not yet indexed, else indexed, else {@code null}. */
    public Feedback current(String alertId) {
        Feedback f = inFlight.get(alertId);
        return f != null ? f : store.feedback(alertId);
    }

    /**
     * Applies {@code kind} to {@code alert} on behalf of {@code by}.
     *
     * @throws IllegalArgumentException for a bad value (names the field)
     * @throws IllegalStateException    when the topic did not take the record within 10 s
     */
    public Feedback act(Alert alert, Feedback.Kind kind, String value, String by) {
        Feedback.Action action = new Feedback.Action(kind, by, clock.instant(), value);
        synchronized (this) {
            Feedback before = current(alert.alertId());
            Feedback after = (before == null ? Feedback.open(alert) : before).apply(action);
            try {
                producer.send(new ProducerRecord<>(topics.feedback().name(), after.alertId(), after)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing feedback", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the feedback topic did not take the action: " + e, e);
            }
            inFlight.put(after.alertId(), after);
            return after;
        }
    }

    /** Told by the indexer that {@code f} is stored: the in-flight copy is dropped once the index has caught up. */
    void indexed(Feedback f) {
        inFlight.computeIfPresent(f.alertId(), (k, mine) -> f.updatedAt() != null && !f.updatedAt().isBefore(mine.updatedAt()) ? null : mine);
    }

    @Override
    public void close() {
        producer.close();
    }
}
