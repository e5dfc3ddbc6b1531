package io.newswatch.model.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.config.Config;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.topic.TopicSpec.Cleanup;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each topic's cleanup contract, as {@link TopicCreator} applies it. No broker. */
class TopicsTest {
    static Config config(Map<String, String> env) {
        return Config.load(null, env, TopicKeys.KEYS);
    }

    @Test
    void shouldBoundTheDeliveryLedgerByCompactingThenDeletingAfterItsRetention() {
        TopicSpec<?, ?> ledger = Topics.defaults().deliveries();
        assertThat(ledger.cleanup().policy()).isEqualTo("compact,delete");
        assertThat(ledger.compacted()).isTrue();
        assertThat(ledger.cleanup().retention(config(Map.of()))).isEqualTo(Duration.ofDays(30));
        assertThat(ledger.cleanup().retention(config(Map.of("NEWSWATCH_TOPICS_DELIVERIES_RETENTION", "7d")))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldKeepRulesForeverAndDeleteArticlesAfterTheirRetention() {
        Topics t = Topics.defaults();
        assertThat(t.rules().cleanup().policy()).isEqualTo("compact");
        assertThat(t.rules().cleanup().retention(config(Map.of()))).isNull();
        assertThat(t.articles().cleanup().policy()).isEqualTo("delete");
        assertThat(t.articles().cleanup().retention(config(Map.of()))).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void shouldRefuseACleanupWithTwoRetentionsOrADeletingOneWithNone() {
        assertThatThrownBy(() -> new Cleanup(false, null, null)).hasMessageContaining("needs a retention");
        assertThatThrownBy(() -> new Cleanup(true, TopicKeys.ALERTS_RETENTION, Duration.ofDays(1))).hasMessageContaining("at most one retention");
    }

    @Test
    void shouldRefuseALedgerRetentionUnderAnHour() {
        assertThatThrownBy(() -> config(Map.of("NEWSWATCH_TOPICS_DELIVERIES_RETENTION", "10m")))
                .hasMessageContaining("topics.deliveries.retention").hasMessageContaining("at least 1h");
    }
}
