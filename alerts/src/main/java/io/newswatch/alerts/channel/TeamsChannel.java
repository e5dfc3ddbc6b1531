package io.newswatch.alerts.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.Notice;
import io.newswatch.model.Alert;
import io.newswatch.model.topic.Json;

/**
 * A Microsoft Teams channel through a Workflows ("When a Teams webhook request is received") webhook: the body is a
 * {@code message} whose one attachment is an Adaptive Card 1.4 ({@code application/vnd.microsoft.card.adaptive}).
 * Feed text goes into {@code TextBlock}s with Markdown control characters escaped, so an article cannot forge a
 * link; the article link is an {@code Action.OpenUrl}. Workflows answer 202 Accepted.
 */
final class TeamsChannel {
    private static final int MAX_DIGEST_LINES = 40;
    private TeamsChannel() {
    }

    /** The channel posting each notice to {@code endpoint}. */
    static AlertChannel of(String id, HttpEndpoint endpoint) {
        return new JsonPostChannel(id, endpoint, TeamsChannel::message);
    }

    /** The Adaptive Card message for a notice. */
    static ObjectNode message(Notice n) {
        ObjectNode msg = Json.mapper().createObjectNode();
        msg.put("type", "message");
        ObjectNode attachment = msg.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        if (n.kind() == Notice.Kind.DIGEST) {
            text(body, "Digest " + escape(n.policy()) + ": " + n.alerts().size() + " alerts", true);
            text(body, n.windowStart() + " to " + n.windowEnd(), false);
            int shown = 0;
            for (Alert a : n.alerts()) {
                if (shown++ == MAX_DIGEST_LINES) {
                    text(body, "… and " + (n.alerts().size() - MAX_DIGEST_LINES) + " more", false);
                    break;
                }
                AlertSummary s = AlertSummary.of(a);
                text(body, "[" + s.severity() + "] " + escape(s.rule()) + ": " + escape(s.headline()) + " (" + escape(s.source()) + ", "
                        + s.spread() + ")", false);
            }
            return msg;
        }
        AlertSummary s = AlertSummary.of(n.alert());
        String lead = (n.kind() == Notice.Kind.UPDATE ? "Update (v" + s.version() + "): " : "") + "[" + s.severity() + "] " + s.rule();
        text(body, escape(lead), false);
        text(body, escape(s.headline()), true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        fact(facts, "Source", s.source());
        fact(facts, "Language", s.lang());
        fact(facts, "Spread", s.spread() + ", " + s.articles() + " articles");
        if (!s.entities().isEmpty()) {
            fact(facts, "Entities", String.join(", ", s.entities()));
        }
        if (!s.snippet().isEmpty()) {
            StringBuilder q = new StringBuilder();
            for (AlertSummary.Part p : s.snippet()) {
                String t = escape(p.text());
                q.append(p.highlighted() && !t.isBlank() ? "**" + t.strip() + "**" : t);
            }
            text(body, q.toString(), false);
        }
        if (s.link() != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open article").put("url", s.link());
        }
        return msg;
    }

    private static void text(ArrayNode body, String text, boolean heading) {
        ObjectNode t = body.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
        if (heading) {
            t.put("weight", "Bolder").put("size", "Medium");
        }
    }

    private static void fact(ArrayNode facts, String title, String value) {
        facts.addObject().put("title", title).put("value", escape(value));
    }

    /** Escapes the Markdown that Adaptive Card text understands, so feed text stays text. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_[]`".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
