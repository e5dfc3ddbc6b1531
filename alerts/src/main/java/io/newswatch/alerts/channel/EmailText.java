package io.newswatch.alerts.channel;

import io.newswatch.alerts.delivery.Notice;
import io.newswatch.model.Alert;

/** The plain-text and HTML bodies of an alert email; all feed text in the HTML is escaped. */
final class EmailText {
    private EmailText() {
    }

    static String plain(Notice n) {
        StringBuilder sb = new StringBuilder();
        if (n.kind() == Notice.Kind.DIGEST) {
            sb.append("Digest ").append(n.policy()).append(": ").append(n.alerts().size()).append(" alerts from ").append(n.windowStart())
                    .append(" to ").append(n.windowEnd()).append("\n\n");
            for (Alert a : n.alerts()) {
                AlertSummary s = AlertSummary.of(a);
                sb.append("- [").append(s.severity()).append("] ").append(s.rule()).append(": ").append(s.headline()).append(" (").append(s.source())
                        .append(", ").append(s.spread()).append(")\n  ").append(s.link() == null ? "" : s.link()).append('\n');
            }
            return sb.toString();
        }
        AlertSummary s = AlertSummary.of(n.alert());
        if (n.kind() == Notice.Kind.UPDATE) {
            sb.append("Update (version ").append(s.version()).append("): the story grew.\n\n");
        }
        sb.append('[').append(s.severity()).append("] ").append(s.rule()).append('\n').append(s.headline()).append('\n')
                .append(s.source()).append(" · ").append(s.lang()).append('\n');
        if (!s.snippet().isEmpty()) {
            sb.append("\n> ");
            for (AlertSummary.Part p : s.snippet()) {
                sb.append(p.highlighted() ? "*" + p.text() + "*" : p.text());
            }
            sb.append('\n');
        }
        if (!s.entities().isEmpty()) {
            sb.append("\nEntities: ").append(String.join(", ", s.entities())).append('\n');
        }
        sb.append("Spread: ").append(s.spread()).append(", ").append(s.articles()).append(" articles\n");
        if (s.link() != null) {
            sb.append('\n').append(s.link()).append('\n');
        }
        return sb.toString();
    }

    static String html(Notice n) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        if (n.kind() == Notice.Kind.DIGEST) {
            sb.append("<h2>Digest ").append(esc(n.policy())).append(": ").append(n.alerts().size()).append(" alerts</h2><p>")
                    .append(n.windowStart()).append(" to ").append(n.windowEnd()).append("</p><ul>");
            for (Alert a : n.alerts()) {
                AlertSummary s = AlertSummary.of(a);
                sb.append("<li>[").append(s.severity()).append("] ").append(esc(s.rule())).append(": ").append(link(s)).append(" (")
                        .append(esc(s.source())).append(", ").append(s.spread()).append(")</li>");
            }
            return sb.append("</ul></body></html>").toString();
        }
        AlertSummary s = AlertSummary.of(n.alert());
        if (n.kind() == Notice.Kind.UPDATE) {
            sb.append("<p><em>Update (version ").append(s.version()).append("): the story grew.</em></p>");
        }
        sb.append("<p><strong>[").append(s.severity()).append("] ").append(esc(s.rule())).append("</strong></p><h2>").append(link(s))
                .append("</h2><p>").append(esc(s.source())).append(" · ").append(esc(s.lang())).append("</p>");
        if (!s.snippet().isEmpty()) {
            sb.append("<blockquote>");
            for (AlertSummary.Part p : s.snippet()) {
                sb.append(p.highlighted() ? "<mark>" + esc(p.text()) + "</mark>" : esc(p.text()));
            }
            sb.append("</blockquote>");
        }
        if (!s.entities().isEmpty()) {
            sb.append("<p>Entities: ").append(esc(String.join(", ", s.entities()))).append("</p>");
        }
        sb.append("<p>Spread: ").append(s.spread()).append(", ").append(s.articles()).append(" articles</p>");
        return sb.append("</body></html>").toString();
    }

    private static String link(AlertSummary s) {
        return s.link() == null ? esc(s.headline()) : "<a href=\"" + esc(s.link()) + "\">" + esc(s.headline()) + "</a>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
