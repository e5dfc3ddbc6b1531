package io.newswatch.alerts.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Event ids and the no-duplicate rule of the desk's live feed; {@code DeskEventsIT} runs it against a broker. */
class DeskEventsTest {

    @Test
    void shouldFormatAndParsePositionsAndRefuseAnythingElse() {
        assertThat(DeskEvents.format(new long[] {12, 0, 7})).isEqualTo("12.0.7");
        assertThat(DeskEvents.parse("12.0.7")).containsExactly(12, 0, 7);
        assertThat(DeskEvents.parse(" 3 ")).containsExactly(3);
        assertThat(DeskEvents.parse(null)).isNull();
        assertThat(DeskEvents.parse("")).isNull();
        assertThat(DeskEvents.parse("1.-2.3")).isNull();
        assertThat(DeskEvents.parse("1.x")).isNull();
        assertThat(DeskEvents.parse("1..2")).isNull();
        assertThat(DeskEvents.parse("9".repeat(3000))).isNull();
    }

    @Test
    void shouldAcceptEachVersionOnceAndAdvanceOnlyItsPartition() {
        long[][] sent = {{5, 0}};
        assertThat(DeskEvents.Subscription.accepts(sent, new DeskEvents.Event(0, 4, null, null))).as("already sent").isFalse();
        assertThat(DeskEvents.Subscription.accepts(sent, new DeskEvents.Event(0, 5, null, null))).isTrue();
        assertThat(sent[0]).containsExactly(6, 0);
        assertThat(DeskEvents.Subscription.accepts(sent, new DeskEvents.Event(0, 5, null, null))).as("twice").isFalse();
        assertThat(DeskEvents.Subscription.accepts(sent, new DeskEvents.Event(1, 0, null, null))).isTrue();
        // a partition the client's id did not know (the topic grew) starts at 0
        assertThat(DeskEvents.Subscription.accepts(sent, new DeskEvents.Event(2, 3, null, null))).isTrue();
        assertThat(sent[0]).containsExactly(6, 1, 4);
        assertThat(DeskEvents.Subscription.accepts(sent, new DeskEvents.Event(-1, -1, null, null))).as("triage changes carry no position").isTrue();
    }

    @Test
    void shouldCutOffASubscriberWhoseQueueOverflows() throws Exception {
        DeskEvents events = new DeskEvents();
        events.start(new long[] {0});
        try (DeskEvents.Subscription s = events.subscribe(1000)) {
            for (int i = 0; i <= DeskEvents.QUEUE; i++) {
                events.published(0, i, null);
            }
            assertThat(s.overflowed()).isTrue();
            assertThat(s.queue()).hasSize(DeskEvents.QUEUE);
        }
    }
}
