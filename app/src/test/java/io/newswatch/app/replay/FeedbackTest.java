package io.newswatch.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Feedback.Action;
import io.newswatch.model.Feedback.Kind;
import io.newswatch.model.Feedback.Status;
import io.newswatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The replay reads the desk's own feedback records, with the feedback topic's serde; the latest record of an alert wins. */
class FeedbackTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final Topics topics = Topics.defaults();
    private final Map<String, String> verdicts = new HashMap<>();
    private long offset;

    /** As the desk writes it: the open state, then each action applied. */
    private static io.newswatch.model.Feedback triaged(String alertId, Kind... kinds) {
        io.newswatch.model.Feedback f = new io.newswatch.model.Feedback(io.newswatch.model.Feedback.SCHEMA_VERSION, alertId, "drone-training",
                "v1", Status.OPEN, null, List.of(), null);
        for (int i = 0; i < kinds.length; i++) {
            f = f.apply(new Action(kinds[i], "analyst", T0.plusSeconds(i), kinds[i] == Kind.NOTE ? "checked" : null));
        }
        return f;
    }

    private boolean apply(String key, byte[] value) {
        return Feedback.apply(verdicts, topics.feedback(), new ConsumerRecord<>(topics.feedback().name(), 0, offset++, key, value));
    }

    private boolean apply(io.newswatch.model.Feedback f) {
        return apply(f.alertId(), topics.feedback().valueSerde().serializer().serialize(topics.feedback().name(), f));
    }

    @Test
    void shouldTakeAcknowledgedAsRelevantAndFalsePositiveAsNot() {
        apply(triaged("a1", Kind.ACKNOWLEDGE));
        apply(triaged("a2", Kind.FALSE_POSITIVE));
        apply(triaged("a3", Kind.ASSIGN, Kind.NOTE));

        assertThat(verdicts).containsExactlyInAnyOrderEntriesOf(Map.of("a1", Feedback.RELEVANT, "a2", Feedback.FALSE_POSITIVE));
    }

    @Test
    void shouldLetTheLatestRecordOfAnAlertDecide() {
        apply(triaged("a1", Kind.FALSE_POSITIVE));
        apply(triaged("a1", Kind.FALSE_POSITIVE, Kind.ACKNOWLEDGE));
        apply(triaged("a2", Kind.ACKNOWLEDGE));
        apply(triaged("a2", Kind.ACKNOWLEDGE, Kind.REOPEN));
        apply(triaged("a3", Kind.ACKNOWLEDGE));
        apply("a3", null);

        assertThat(verdicts).containsExactlyEntriesOf(Map.of("a1", Feedback.RELEVANT));
    }

    @Test
    void shouldSkipARecordItCannotReadAndKeepTheRest() {
        boolean bad = apply("a9", "{\"alertId\":\"a9\",\"verdict\":\"ack\"}".getBytes(StandardCharsets.UTF_8));
        boolean good = apply(triaged("a1", Kind.ACKNOWLEDGE));

        assertThat(bad).isFalse();
        assertThat(good).isTrue();
        assertThat(verdicts).containsExactlyEntriesOf(Map.of("a1", Feedback.RELEVANT));
    }
}
