package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One alert: a story that fired a rule, as of its latest version. Written to {@code newswatch.alerts} with key
 * {@link #alertId()}, which is a deterministic function of story and rule, so a replay raises the same ids.
 * Version 1 is the article that raised it; each later version is the same alert grown by articles that joined
 * the story (more outlets, languages or passages), with {@link #raisedAt()} unchanged.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written
 * @param alertId       {@code ArticleId.ofParts(storyId, ruleId)}
 * @param storyId       the story (or article id, before stories exist)
 * @param ruleId        the rule that fired
 * @param ruleVersion   the version of that rule
 * @param severity      the rule's severity
 * @param articleId     the article that raised it
 * @param title         the article's title
 * @param url           the article's URL
 * @param source        the outlet
 * @param lang          the article's language
 * @param publishedAt   when the outlet published the article, if known
 * @param snippets      the passages that explain the match
 * @param entities      entities of the article
 * @param raisedAt      stream time of the match that raised it
 * @param version       1 when raised, one more for each update; 0 (a record written before versions) reads as 1
 * @param updatedAt     stream time of this version ({@code raisedAt} for version 1)
 * @param outlets       the distinct outlets (sources) that carry the story, in order of arrival (at most
 *                      {@link #MAX_LISTED}), copies included
 * @param languages     the distinct languages of those articles, in order of arrival
 * @param articles      how many articles of the story matched the rule, copies included (1 when raised)
 * @param shadow        raised by a shadow rule: stored and shown on the desk under "shadow", sent to no channel
 *                      (written only when true)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        int schemaVersion,
        String alertId,
        String storyId,
        String ruleId,
        String ruleVersion,
        String severity,
        String articleId,
        String title,
        String url,
        String source,
        String lang,
        Instant publishedAt,
        List<Snippet> snippets,
        List<EntityMention> entities,
        Instant raisedAt,
        int version,
        Instant updatedAt,
        List<String> outlets,
        List<String> languages,
        int articles,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean shadow) {

    public static final int SCHEMA_VERSION = 2;
    /** The most outlets and languages an alert lists; the counts in messages say when there are more. */
    public static final int MAX_LISTED = 50;

    public Alert {
        Validate.notBlank(alertId, "alertId");
        Validate.notBlank(ruleId, "ruleId");
        Validate.isTrue(version >= 0, "version must be >= 1, was " + version);
        version = Math.max(1, version);
        articles = Math.max(1, articles);
        updatedAt = updatedAt == null ? raisedAt : updatedAt;
        snippets = snippets == null ? List.of() : List.copyOf(snippets);
        entities = entities == null ? List.of() : List.copyOf(entities);
        outlets = outlets == null ? (source == null ? List.of() : List.of(source)) : List.copyOf(outlets);
        languages = languages == null ? (lang == null ? List.of() : List.of(lang)) : List.copyOf(languages);
    }

    /** An alert of a rule that notifies (not a shadow rule). */
    public Alert(int schemaVersion, String alertId, String storyId, String ruleId, String ruleVersion, String severity, String articleId,
                 String title, String url, String source, String lang, Instant publishedAt, List<Snippet> snippets,
                 List<EntityMention> entities, Instant raisedAt, int version, Instant updatedAt, List<String> outlets,
                 List<String> languages, int articles) {
        this(schemaVersion, alertId, storyId, ruleId, ruleVersion, severity, articleId, title, url, source, lang, publishedAt, snippets,
                entities, raisedAt, version, updatedAt, outlets, languages, articles, false);
    }

    /**
     * The idempotency key of this version: the same for every attempt and every channel, different for each
     * version and for a story that resurfaced (a new {@code raisedAt}). Sent as {@code webhook-id}, kept in the
     * delivery ledger, and the base of the email {@code Message-ID}.
     */
    public String deliveryId() {
        return deliveryIdOf(alertId, raisedAt, version);
    }

    /** {@link #deliveryId()} of version {@code version} of the alert {@code alertId} raised at {@code raisedAt}. */
    public static String deliveryIdOf(String alertId, Instant raisedAt, int version) {
        long raised = raisedAt == null ? 0 : raisedAt.toEpochMilli();
        return alertId + "-" + Long.toString(raised, 36) + "-v" + version;
    }

    /** True for version 2 and later: a follow-up to an alert already sent. */
    public boolean isUpdate() {
        return version > 1;
    }

    /** The id an alert for {@code storyId} and {@code ruleId} gets. */
    public static String idFor(String storyId, String ruleId) {
        return ArticleId.ofParts(storyId, ruleId);
    }
}
