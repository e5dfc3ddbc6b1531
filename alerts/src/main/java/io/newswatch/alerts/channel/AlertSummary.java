package io.newswatch.alerts.channel;

import io.newswatch.model.Alert;
import io.newswatch.model.EntityMention;
import io.newswatch.model.Snippet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What every message says about an alert, whatever the channel: headline, source, language, rule and severity,
 * the first explaining passage split into plain and highlighted parts, the main entities, the link, and how many
 * outlets and languages carry the story. Channels only add their markup (and escaping). Immutable.
 *
 * @param headline  the article's title, or "(untitled)"
 * @param severity  upper-case severity, e.g. {@code HIGH}
 * @param rule      the rule id
 * @param source    the outlet, or "unknown source"
 * @param lang      the language code, or "?"
 * @param snippet   the passage as alternating parts; empty when the match had none
 * @param entities  up to {@value #ENTITIES} entity names, most mentioned first
 * @param link      the article URL, or {@code null}
 * @param outlets   outlets carrying the story
 * @param languages languages of those articles
 * @param articles  articles in the story that matched the rule
 * @param version   the alert's version
 */
public record AlertSummary(String headline, String severity, String rule, String source, String lang, List<Part> snippet,
                           List<String> entities, String link, int outlets, int languages, int articles, int version) {
    static final int ENTITIES = 6;
    static final int SNIPPET_CHARS = 600;

    /** A piece of the passage; {@code highlighted} for the matched terms. */
    public record Part(String text, boolean highlighted) {
    }

    public static AlertSummary of(Alert a) {
        String title = a.title() == null || a.title().isBlank() ? "(untitled)" : a.title().strip();
        List<String> entities = a.entities().stream().sorted(Comparator.comparingInt(EntityMention::count).reversed())
                .map(e -> e.name() == null || e.name().isBlank() ? e.id() : e.name()).distinct().limit(ENTITIES).toList();
        return new AlertSummary(oneLine(title), a.severity() == null ? "ALERT" : a.severity().toUpperCase(Locale.ROOT), a.ruleId(),
                a.source() == null || a.source().isBlank() ? "unknown source" : oneLine(a.source()), a.lang() == null ? "?" : a.lang(),
                a.snippets().isEmpty() ? List.of() : parts(a.snippets().get(0)), entities, a.url(), a.outlets().size(),
                a.languages().size(), a.articles(), a.version());
    }

    /** The passage as plain text, highlights unmarked. */
    public String snippetText() {
        StringBuilder sb = new StringBuilder();
        snippet.forEach(p -> sb.append(p.text()));
        return sb.toString();
    }

    /** "3 outlets, 2 languages" (singular where it is one). */
    public String spread() {
        return outlets + (outlets == 1 ? " outlet, " : " outlets, ") + languages + (languages == 1 ? " language" : " languages");
    }

    /** Splits a snippet at its highlights (offsets are in the field; the passage starts at {@code start}). */
    static List<Part> parts(Snippet s) {
        String text = s.text() == null ? "" : s.text();
        List<Part> out = new ArrayList<>();
        int at = 0;
        for (Snippet.Span h : s.highlights()) {
            int from = Math.max(at, h.start() - s.start());
            int to = Math.min(text.length(), h.end() - s.start());
            if (from >= to || from > SNIPPET_CHARS) {
                continue;
            }
            if (from > at) {
                out.add(new Part(oneLine(text.substring(at, from)), false));
            }
            out.add(new Part(oneLine(text.substring(from, to)), true));
            at = to;
        }
        if (at < text.length()) {
            String rest = text.substring(at, Math.min(text.length(), Math.max(at, SNIPPET_CHARS)));
            out.add(new Part(oneLine(rest) + (text.length() > SNIPPET_CHARS && at < SNIPPET_CHARS ? "…" : ""), false));
        }
        return List.copyOf(out);
    }

    /** Collapses line breaks and other control characters to spaces: feed text never adds lines to a message. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return sb.toString();
    }
}
