package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An article that matched at least one watch rule, with everything needed to explain why, as written by the
 * processor to {@code newswatch.matches} (key: {@link #storyId()} when known, else the article id).
 * Immutable and thread-safe; lists are copied.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION} when written
 * @param article        the article that matched (text included, so alerts and replays need no join)
 * @param rules          the rules that fired, each with version, score and snippets; never empty
 * @param entities       named entities found in the article, with counts
 * @param duplicateOf    id of the earlier article this one nearly duplicates, or {@code null}
 * @param storyId        id of the story this article belongs to, or {@code null} before clustering
 * @param source         where the processor read the article: topic, partition, offset
 * @param matchedAt      stream time at which the match was made (the input record's timestamp)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Match(
        int schemaVersion,
        Article article,
        List<RuleHit> rules,
        List<EntityMention> entities,
        String duplicateOf,
        String storyId,
        SourcePosition source,
        Instant matchedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Match {
        Validate.notNull(article, "article");
        Validate.isTrue(rules != null && !rules.isEmpty(), "a match has at least one rule (article " + article.id() + ")");
        rules = List.copyOf(rules);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** The article id, for convenience. */
    public String articleId() {
        return article.id();
    }
}
