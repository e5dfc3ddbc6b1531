package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.model.Article;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Story assignment on the five reference articles of the first watchlist, read from
 * {@code <newswatch.shared>/corpus/seeds} (the corpus is not part of the project; the test is skipped without
 * it). Sibling of {@link StoryClustererTest}, which checks the same decisions on invented fixtures.
 *
 * <p>Files are processed in name order one hour apart; the first line is the title, the rest the body.
 * Expected: 000 and 001 (one article rewritten) share a story; 003 and 004 (one investigation, two outlets)
 * share a story; 000 is no duplicate of 003; 002 (other events, one shared quote) is not in 004's story.
 */
class SeedStoriesIT {
    private static final Instant START = Instant.parse("2025-07-01T06:00:00Z");

    @Test
    void shouldGroupTheSeedArticlesIntoTheirStories() throws IOException {
        String shared = System.getProperty("newswatch.shared");
        assumeTrue(shared != null, "system property newswatch.shared is not set; skipping the seed corpus test");
        Path seeds = Path.of(shared, "corpus", "seeds");
        assumeTrue(Files.isDirectory(seeds), "no seed corpus at " + seeds + "; skipping the seed corpus test");

        List<Path> files;
        try (Stream<Path> list = Files.list(seeds)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);

        GazetteerTagger tagger = new GazetteerTagger(Gazetteer.loadDefault());
        StoryAssigner assigner = StoryAssigner.inMemory(StoryConfig.defaults());
        Map<String, Assignment> byPrefix = new LinkedHashMap<>();
        Map<String, String> idOf = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int nl = content.indexOf('\n');
            String name = file.getFileName().toString();
            Article article = Article.builder("https://seeds.example/" + name)
                    .title(nl < 0 ? content : content.substring(0, nl).strip())
                    .text(nl < 0 ? "" : content.substring(nl + 1).strip())
                    .fetchedAt(START)
                    .build();
            Assignment a = assigner.assign(article, tagger.tag(article.title(), article.text()),
                    START.plus(Duration.ofHours(i)));
            System.out.printf("%s  %-15s story=%s duplicateOf=%s%n", name, a.kind(), a.storyId(), a.duplicateOf());
            byPrefix.put(name.substring(0, 3), a);
            idOf.put(name.substring(0, 3), article.id());
        }

        assertThat(byPrefix.get("001").storyId()).as("000 and 001 are one article rewritten")
                .isEqualTo(byPrefix.get("000").storyId());
        assertThat(byPrefix.get("004").storyId()).as("003 and 004 are one investigation told twice")
                .isEqualTo(byPrefix.get("003").storyId());
        assertThat(byPrefix.get("003").duplicateOf()).as("003 copies nothing").isNull();
        assertThat(byPrefix.get("000").duplicateOf()).as("000 is the first article").isNull();
        assertThat(byPrefix.get("003").duplicateOf()).isNotEqualTo(idOf.get("000"));
        assertThat(byPrefix.get("002").storyId()).as("002 reports other events than 004")
                .isNotEqualTo(byPrefix.get("004").storyId());
        assertThat(byPrefix.get("003").storyId()).as("the infiltration probe is not the global-rush story")
                .isNotEqualTo(byPrefix.get("000").storyId());
    }
}
