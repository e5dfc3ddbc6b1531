package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.topic.JsonSerde;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final Alert ALERT = new Alert(Alert.SCHEMA_VERSION, "a1", "s1", "drone-training", "v7", "high", "art1", "Title", "https://x.example/1",
            "Wire", "en", null, List.of(), List.of(), T, 1, T, null, null, 1);

    @Test
    void shouldRecordWhoDidWhatAndWhenAndTheStatusItLeadsTo() {
        Feedback f = Feedback.open(ALERT)
                .apply(new Feedback.Action(Feedback.Kind.ASSIGN, "ana", T, "  bo "))
                .apply(new Feedback.Action(Feedback.Kind.NOTE, "bo", T.plusSeconds(60), "checked the source"))
                .apply(new Feedback.Action(Feedback.Kind.FALSE_POSITIVE, "bo", T.plusSeconds(120), "ignored"));
        assertThat(f.status()).isEqualTo(Feedback.Status.FALSE_POSITIVE);
        assertThat(f.assignee()).isEqualTo("bo");
        assertThat(f.ruleId()).isEqualTo("drone-training");
        assertThat(f.ruleVersion()).isEqualTo("v7");
        assertThat(f.updatedAt()).isEqualTo(T.plusSeconds(120));
        assertThat(f.actions()).extracting(Feedback.Action::by).containsExactly("ana", "bo", "bo");
        assertThat(f.actions().get(2).value()).as("only assign and note carry a value").isNull();
        assertThat(f.apply(new Feedback.Action(Feedback.Kind.REOPEN, "ana", T.plusSeconds(180), null)).status()).isEqualTo(Feedback.Status.OPEN);
        assertThat(f.apply(new Feedback.Action(Feedback.Kind.ASSIGN, "ana", T.plusSeconds(180), "")).assignee()).isNull();
    }

    @Test
    void shouldKeepOnlyTheNewestActionsOnceTheCapIsReached() {
        Feedback f = Feedback.open(ALERT);
        for (int i = 0; i < Feedback.MAX_ACTIONS + 5; i++) {
            f = f.apply(new Feedback.Action(Feedback.Kind.NOTE, "ana", T.plusSeconds(i), "note " + i));
        }
        assertThat(f.actions()).hasSize(Feedback.MAX_ACTIONS);
        assertThat(f.actions().get(0).value()).isEqualTo("note 5");
    }

    @Test
    void shouldRefuseAnEmptyOrOverlongNoteAndAnUnknownActionNamingThem() {
        assertThatThrownBy(() -> new Feedback.Action(Feedback.Kind.NOTE, "ana", T, " ")).hasMessageContaining("note");
        assertThatThrownBy(() -> new Feedback.Action(Feedback.Kind.NOTE, "ana", T, "x".repeat(Feedback.MAX_NOTE + 1)))
                .hasMessageContaining("at most " + Feedback.MAX_NOTE);
        assertThatThrownBy(() -> Feedback.Kind.parse("promote")).hasMessageContaining("acknowledge, assign, false-positive, note, reopen");
        assertThat(Feedback.Kind.parse("False-Positive")).isEqualTo(Feedback.Kind.FALSE_POSITIVE);
        assertThatThrownBy(() -> new Feedback.Action(Feedback.Kind.ACKNOWLEDGE, " ", T, null)).hasMessageContaining("by");
    }

    @Test
    void shouldRoundTripThroughItsTopicSerdeWithItsSchemaVersion() {
        Feedback f = Feedback.open(ALERT).apply(new Feedback.Action(Feedback.Kind.ACKNOWLEDGE, "ana", T, null));
        JsonSerde<Feedback> serde = new JsonSerde<>(Feedback.class);
        byte[] json = serde.toBytes(f);
        assertThat(new String(json)).contains("\"schemaVersion\":1", "\"status\":\"ACKNOWLEDGED\"", "\"kind\":\"ACKNOWLEDGE\"");
        assertThat(serde.fromBytes(json)).isEqualTo(f);
    }
}
