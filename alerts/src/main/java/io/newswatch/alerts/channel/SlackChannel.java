package io.newswatch.alerts.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.Notice;
import io.newswatch.model.Alert;
import io.newswatch.model.topic.Json;

/**
 * A Slack incoming webhook, formatted with Block Kit. Every piece of feed text goes through {@link #escape}: Slack's
 * control sequences ({@code <!channel>}, {@code <@U123>}, {@code <http://x|forged>}) are written with {@code <} and
 * {@code >}, so escaping {@code &}, {@code <} and {@code >} as Slack documents means an article can neither ping the
 * room nor forge a link. Slack answers 429 with {@code Retry-After} when rate-limited.
 */
final class SlackChannel {
    private static final int MAX_DIGEST_LINES = 40;
    private SlackChannel() {
    }

    /** The channel posting each notice to {@code endpoint}. */
    static AlertChannel of(String id, HttpEndpoint endpoint) {
        return new JsonPostChannel(id, endpoint, SlackChannel::message);
    }

    /** The Block Kit message for a notice. */
    static ObjectNode message(Notice n) {
        ObjectNode msg = Json.mapper().createObjectNode();
        ArrayNode blocks = msg.putArray("blocks");
        if (n.kind() == Notice.Kind.DIGEST) {
            msg.put("text", escape("Digest " + n.policy() + ": " + n.alerts().size() + " alerts"));
            section(blocks, "*Digest* `" + escape(n.policy()) + "`: " + n.alerts().size() + " alerts, " + n.windowStart() + " to " + n.windowEnd());
            StringBuilder lines = new StringBuilder();
            int shown = 0;
            for (Alert a : n.alerts()) {
                if (shown++ == MAX_DIGEST_LINES) {
                    lines.append("… and ").append(n.alerts().size() - MAX_DIGEST_LINES).append(" more\n");
                    break;
                }
                AlertSummary s = AlertSummary.of(a);
                lines.append("• [").append(s.severity()).append("] ").append(escape(s.rule())).append(": ").append(link(s)).append(" — ")
                        .append(escape(s.source())).append(", ").append(s.spread()).append('\n');
            }
            section(blocks, lines.toString());
            return msg;
        }
        AlertSummary s = AlertSummary.of(n.alert());
        String lead = (n.kind() == Notice.Kind.UPDATE ? "Update (v" + s.version() + "): " : "") + "[" + s.severity() + "] " + s.rule();
        msg.put("text", escape(lead + ": " + s.headline()));
        section(blocks, "*" + escape(lead) + "*\n*" + link(s) + "*\n" + escape(s.source()) + " · " + escape(s.lang()));
        if (!s.snippet().isEmpty()) {
            StringBuilder q = new StringBuilder("> ");
            for (AlertSummary.Part p : s.snippet()) {
                String t = escape(p.text());
                q.append(p.highlighted() && !t.isBlank() ? "*" + t.strip() + "*" : t);
            }
            section(blocks, q.toString());
        }
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        String entities = s.entities().isEmpty() ? "" : "Entities: " + escape(String.join(", ", s.entities())) + " · ";
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", entities + s.spread() + " · " + s.articles() + " articles");
        return msg;
    }

    private static String link(AlertSummary s) {
        if (s.link() == null) {
            return escape(s.headline());
        }
        // inside <url|text>, '|' ends the URL and '>' the link: percent-encode the one, escape the other
        return "<" + escape(s.link()).replace("|", "%7C") + "|" + escape(s.headline()) + ">";
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode b = blocks.addObject();
        b.put("type", "section");
        b.putObject("text").put("type", "mrkdwn").put("text", mrkdwn.length() > 2900 ? mrkdwn.substring(0, 2900) + "…" : mrkdwn);
    }

    /** Slack's escaping of text: {@code &} → {@code &amp;}, {@code <} → {@code &lt;}, {@code >} → {@code &gt;}. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
