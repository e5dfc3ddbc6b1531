package io.newswatch.processor.story;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.SourcePosition;
import io.newswatch.model.Validate;
import java.time.Instant;
import java.util.List;

/**
 * An article as the analysis stage leaves it for the story stage: rules that fired (possibly none), entities, and
 * where it was read. Every article goes to the story stage, matched or not, because an unmatched article can still
 * be the original a later copy duplicates; only matched ones become a {@link Match}, whose rules are never empty.
 *
 * <p>Its JSON has the fields of a {@link Match} without the story fields, so that the story stage can publish a
 * matched article by adding {@code storyId} and {@code duplicateOf} to these bytes ({@link AssignedMatch}) instead
 * of writing the article again. Immutable; lists are copied.
 *
 * @param schemaVersion {@link Match#SCHEMA_VERSION} when written (the version of the match it becomes)
 * @param article       the article
 * @param rules         the rules that fired, possibly none
 * @param entities      named entities found in it
 * @param source        where the processor read it
 * @param matchedAt     stream time of the analysis (the input record's timestamp)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysedArticle(int schemaVersion, Article article, List<RuleHit> rules, List<EntityMention> entities, SourcePosition source,
                              Instant matchedAt) {
    public AnalysedArticle {
        Validate.notNull(article, "article");
        rules = rules == null ? List.of() : List.copyOf(rules);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** Whether any rule fired. */
    @JsonIgnore
    public boolean matched() {
        return !rules.isEmpty();
    }

    /**
     * The match this article makes, with no story yet.
     *
     * @throws IllegalStateException when no rule fired
     */
    public Match toMatch() {
        if (!matched()) {
            throw new IllegalStateException("article " + article.id() + " matched no rule: it is no match");
        }
        return new Match(schemaVersion, article, rules, entities, null, null, source, matchedAt);
    }

    /** The analysed form of {@code m}, its story fields dropped (the story stage decides them). */
    public static AnalysedArticle of(Match m) {
        return new AnalysedArticle(m.schemaVersion(), m.article(), m.rules(), m.entities(), m.source(), m.matchedAt());
    }
}
