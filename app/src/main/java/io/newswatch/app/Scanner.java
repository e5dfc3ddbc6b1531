package io.newswatch.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import io.newswatch.processor.ArticlePipeline;
import io.newswatch.processor.story.StoryAssigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The offline path of {@code scan}: the processor's own analysis ({@link ArticlePipeline}) and story
 * assignment ({@link StoryAssigner}, in memory) over files, in the order given. Each file's event time is
 * a fixed start plus one minute per file, so the output is a pure function of the inputs. Not thread-safe.
 */
final class Scanner {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final ArticlePipeline pipeline;
    private final StoryAssigner stories;
    private int n;

    Scanner(ArticlePipeline pipeline, StoryAssigner stories) {
        this.pipeline = pipeline;
        this.stories = stories;
    }

    /** The line {@code scan} prints for one article. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Line(String file, String id, String title, String lang, List<Rule> rules, List<EntityMention> entities, String duplicateOf,
                String storyId) {
    }

    /** A rule that fired, as printed. */
    record Rule(String id, double score, List<Snippet> snippets) {
    }

    Line scan(String file, Article article) {
        var analysis = pipeline.analyze(article);
        Instant eventTime = START.plus(Duration.ofMinutes(n++));
        io.newswatch.processor.story.Assignment a = stories.assign(article, analysis.entities(), eventTime);
        List<Rule> rules = analysis.outcome().hits().stream().map((RuleHit h) -> new Rule(h.id(), h.score(), h.snippets())).toList();
        return new Line(file, article.id(), article.title(), article.lang(), rules, analysis.entities(), a.duplicateOf(), a.storyId());
    }
}
