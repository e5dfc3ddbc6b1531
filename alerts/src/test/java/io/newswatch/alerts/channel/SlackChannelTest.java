package io.newswatch.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.delivery.Notice;
import io.newswatch.model.Alert;
import io.newswatch.model.Snippet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackChannelTest {
    static Alert alert(String title, String snippet) {
        return new Alert(Alert.SCHEMA_VERSION, "a1", "s1", "drone-training", "v1", "high", "x1", title, "https://news.example/a?x=1&y=2",
                "Wire <One>", "en", null, List.of(new Snippet("text", 0, snippet.length(), snippet, List.of(new Snippet.Span(0, 5)))), List.of(),
                Instant.parse("2026-11-01T08:00:00Z"), 1, null, List.of("Wire <One>", "Two"), List.of("en"), 2);
    }

    @Test
    void shouldEscapeFeedTextSoItCannotPingOrForgeLinks() {
        String json = SlackChannel.message(Notice.of(alert("Drones <!channel> & <http://evil.example|bank>", "<@U123> drone pilots trained")))
                .toString();
        assertThat(json).doesNotContain("<!channel>", "<@U123>", "<http://evil.example|bank>")
                .contains("&lt;!channel&gt; &amp; &lt;http://evil.example|bank&gt;")
                .contains("<https://news.example/a?x=1&amp;y=2|")
                .contains("2 outlets, 1 language");
    }

    @Test
    void shouldKeepTitlesOutOfEmailHeaders() {
        Notice n = Notice.of(alert("Drones\r\nBcc: victim@example.org", "text"));
        assertThat(EmailChannel.subject(n)).doesNotContain("\r", "\n").isEqualTo("[HIGH] drone-training: Drones  Bcc: victim@example.org");
    }
}
