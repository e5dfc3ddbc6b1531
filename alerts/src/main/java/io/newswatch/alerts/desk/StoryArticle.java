package io.newswatch.alerts.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newswatch.model.EntityMention;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import java.time.Instant;
import java.util.List;

/**
 * One article of a story as the desk shows it: a match without the article's body (the snippets explain it).
 *
 * @param articleId   the article
 * @param title       its headline
 * @param url         its link
 * @param source      the outlet
 * @param lang        its language
 * @param publishedAt when the outlet published it, if known
 * @param matchedAt   stream time of the match
 * @param duplicateOf the earlier article it nearly copies, or {@code null}
 * @param rules       the rules it fired, with their snippets
 * @param entities    its entities
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryArticle(String articleId, String title, String url, String source, String lang, Instant publishedAt, Instant matchedAt,
                           String duplicateOf, List<RuleHit> rules, List<EntityMention> entities) {

    public StoryArticle {
        rules = rules == null ? List.of() : List.copyOf(rules);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    static StoryArticle of(Match m) {
        return new StoryArticle(m.articleId(), m.article().title(), m.article().url(), m.article().source(), m.article().lang(),
                m.article().publishedAt(), m.matchedAt(), m.duplicateOf(), m.rules(), m.entities());
    }
}
