package io.newswatch.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import io.newswatch.processor.ArticlePipeline;
import io.newswatch.processor.ProcessorFactory;
import io.newswatch.processor.story.Assignment;
import io.newswatch.processor.story.StoryAssigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The offline path of {@code scan} and {@code eval --labels}: the processor's own analysis
 * ({@link ArticlePipeline}) and story assignment ({@link StoryAssigner}, in memory) over articles, in the order
 * given. Built by the service's own factory ({@link #open}), so what it finds is what the service would
 * find. Each article's event time is a fixed start plus one minute per article, so the output is a pure function of
 * the inputs. Not thread-safe; close it to release the rule matcher.
 */
public final class Scanner implements AutoCloseable {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final ProcessorFactory processor;
    private final ArticlePipeline pipeline;
    private final StoryAssigner stories;
    private int n;

    private Scanner(ProcessorFactory processor) {
        this.processor = processor;
        this.pipeline = processor.pipeline();
        this.stories = processor.inMemoryStories();
    }

    /**
     * A scanner with the rules, gazetteer and story settings the processor would use with this configuration, built
     * by the processor's own {@link ProcessorFactory}.
     *
     * @throws ConfigException when a rule is invalid or the rule or gazetteer file cannot be read
     */
    public static Scanner open(Config config) {
        return new Scanner(ProcessorFactory.load(config));
    }

    /** The line {@code scan} prints for one article. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(String file, String id, String title, String lang, List<Rule> rules, List<EntityMention> entities,
                       String duplicateOf, String storyId) {
    }

    /** A rule that fired, as printed. */
    public record Rule(String id, double score, List<Snippet> snippets) {
    }

    /**
     * Analyses the next article and assigns it to a story, after every article scanned before it.
     *
     * @param file    the name reported back in the line
     * @param article the article
     */
    public Line scan(String file, Article article) {
        var analysis = pipeline.analyze(article);
        Instant eventTime = START.plus(Duration.ofMinutes(n++));
        Assignment a = stories.assign(article, analysis.entities(), eventTime);
        List<Rule> rules = analysis.outcome().hits().stream().map((RuleHit h) -> new Rule(h.id(), h.score(), h.snippets())).toList();
        return new Line(file, article.id(), article.title(), article.lang(), rules, analysis.entities(), a.duplicateOf(), a.storyId());
    }

    @Override
    public void close() {
        processor.close();
    }
}
