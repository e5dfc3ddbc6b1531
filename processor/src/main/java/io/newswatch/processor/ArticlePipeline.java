package io.newswatch.processor;

import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.processor.entities.EntityTagger;
import io.newswatch.processor.rules.MatchInput;
import io.newswatch.processor.rules.MatchOutcome;
import io.newswatch.processor.rules.RuleMatcher;
import java.util.List;

/**
 * The per-article analysis shared by the topology and the offline {@code scan}: entities first (rules can
 * require them with {@code entity:}), then watch rules. Stateless apart from the matcher's rule set;
 * thread-safe when the matcher and tagger are.
 */
public final class ArticlePipeline {
    private final RuleMatcher matcher;
    private final EntityTagger tagger;

    public ArticlePipeline(RuleMatcher matcher, EntityTagger tagger) {
        this.matcher = java.util.Objects.requireNonNull(matcher, "matcher");
        this.tagger = java.util.Objects.requireNonNull(tagger, "tagger");
    }

    /** Analyses one article. Never throws for one bad rule: see {@link Analysis#outcome()}'s errors. */
    public Analysis analyze(Article article) {
        List<EntityMention> entities = tagger.tag(article.title(), article.text());
        MatchOutcome outcome = matcher.match(new MatchInput(article.id(), article.title(), article.text(), article.lang(), entities));
        return new Analysis(entities, outcome);
    }

    public RuleMatcher matcher() {
        return matcher;
    }

    /** What the pipeline found in one article. */
    public record Analysis(List<EntityMention> entities, MatchOutcome outcome) {
    }
}
