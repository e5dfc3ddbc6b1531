package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One alert: the first article of a story that fired a rule. Written to {@code newswatch.alerts} with key
 * {@link #alertId()}, which is a deterministic function of story and rule, so a replay raises the same ids.
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
        Instant raisedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        Validate.notBlank(alertId, "alertId");
        Validate.notBlank(ruleId, "ruleId");
        snippets = snippets == null ? List.of() : List.copyOf(snippets);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** The id an alert for {@code storyId} and {@code ruleId} gets. */
    public static String idFor(String storyId, String ruleId) {
        return ArticleId.ofParts(storyId, ruleId);
    }
}
