package io.newswatch.alerts.desk;

import io.newswatch.model.Alert;
import io.newswatch.model.Feedback;
import java.time.Instant;

/**
 * A filter over the alert history and where a page starts. Every field but {@code limit} is optional
 * ({@code null} = any). Immutable.
 *
 * @param rule     rule id
 * @param severity severity (case-insensitive)
 * @param entity   entity id, or an entity's name (case-insensitive)
 * @param source   outlet: the alert's source or any outlet carrying the story (case-insensitive)
 * @param lang     language: the alert's or any of the story's
 * @param since    raised at or after
 * @param until    raised before
 * @param status   triage status
 * @param shadow   {@code true}: only alerts of shadow rules (notified to no channel); {@code false}: only the others
 * @param cursor   the {@code next} of the previous page, or {@code null} for the newest
 * @param limit    alerts per page, 1 to {@link #MAX_LIMIT}
 */
public record AlertQuery(String rule, String severity, String entity, String source, String lang, Instant since, Instant until,
                         Feedback.Status status, Boolean shadow, String cursor, int limit) {
    public static final int MAX_LIMIT = 1000;

    public AlertQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be an integer from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since must be before until");
        }
    }

    /** Any alert, shadow or not. */
    public AlertQuery(String rule, String severity, String entity, String source, String lang, Instant since, Instant until,
                      Feedback.Status status, String cursor, int limit) {
        this(rule, severity, entity, source, lang, since, until, status, null, cursor, limit);
    }

    /** Every alert, newest first. */
    public static AlertQuery all(int limit) {
        return new AlertQuery(null, null, null, null, null, null, null, null, null, null, limit);
    }

    /** Whether {@code a}, with triage {@code status}, passes the filter (time bounds included). */
    boolean matches(Alert a, Feedback.Status triage) {
        return (rule == null || rule.equals(a.ruleId()))
                && (severity == null || severity.equalsIgnoreCase(a.severity()))
                && (entity == null || a.entities().stream().anyMatch(e -> e.id().equalsIgnoreCase(entity)
                        || (e.name() != null && e.name().equalsIgnoreCase(entity))))
                && (source == null || source.equalsIgnoreCase(a.source()) || a.outlets().stream().anyMatch(source::equalsIgnoreCase))
                && (lang == null || lang.equalsIgnoreCase(a.lang()) || a.languages().stream().anyMatch(lang::equalsIgnoreCase))
                && (status == null || status == triage)
                && (shadow == null || shadow == a.shadow())
                && (since == null || (a.raisedAt() != null && !a.raisedAt().isBefore(since)))
                && (until == null || (a.raisedAt() != null && a.raisedAt().isBefore(until)));
    }
}
