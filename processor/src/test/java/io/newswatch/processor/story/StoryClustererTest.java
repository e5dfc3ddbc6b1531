package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Story clustering on the invented fixture stories: rewrites in other words and in Spanish, Russian and
 * Ukrainian join the first article's story; unrelated events that share a cartel, a region or a unit do not.
 */
class StoryClustererTest {
    private static final GazetteerTagger TAGGER = new GazetteerTagger(Gazetteer.loadDefault());

    private record Outcome(StoryFixtures.Fixture fixture, Assignment assignment) {
    }

    private static List<Outcome> runFixtures(StoryConfig settings) {
        StoryAssigner assigner = StoryAssigner.inMemory(settings);
        List<Outcome> out = new ArrayList<>();
        List<StoryFixtures.Fixture> fixtures = StoryFixtures.all();
        for (int i = 0; i < fixtures.size(); i++) {
            StoryFixtures.Fixture f = fixtures.get(i);
            Article a = f.article();
            out.add(new Outcome(f, assigner.assign(a, TAGGER.tag(a.title(), a.text()), StoryFixtures.START.plus(Duration.ofHours(i)))));
        }
        return out;
    }

    @Test
    void shouldGroupFixtureArticlesExactlyAsLabelled() {
        List<Outcome> outcomes = runFixtures(StoryConfig.defaults());

        Map<String, String> storyOfLabel = new HashMap<>();
        Map<String, String> labelOfStory = new HashMap<>();
        for (Outcome o : outcomes) {
            String label = o.fixture().story();
            String story = o.assignment().storyId();
            assertThat(storyOfLabel.computeIfAbsent(label, l -> story))
                    .as("%s should be in the story of the other '%s' articles", o.fixture().file(), label)
                    .isEqualTo(story);
            assertThat(labelOfStory.computeIfAbsent(story, s -> label))
                    .as("%s should not join the story of '%s'", o.fixture().file(), labelOfStory.get(story))
                    .isEqualTo(label);
        }
        assertThat(storyOfLabel).hasSize(6);
    }

    @Test
    void shouldReportTheLabelledKindAndTheOriginalOfEachCopy() {
        List<Outcome> outcomes = runFixtures(StoryConfig.defaults());

        Map<String, String> firstOfLabel = new HashMap<>();
        for (Outcome o : outcomes) {
            Assignment a = o.assignment();
            String first = firstOfLabel.computeIfAbsent(o.fixture().story(), l -> o.fixture().article().id());
            Assignment.Kind expected = switch (o.fixture().kind()) {
                case "new" -> Assignment.Kind.NEW_STORY;
                case "update" -> Assignment.Kind.STORY_UPDATE;
                case "near" -> Assignment.Kind.NEAR_DUPLICATE;
                case "exact" -> Assignment.Kind.EXACT_DUPLICATE;
                default -> throw new IllegalStateException("bad kind in manifest: " + o.fixture().kind());
            };
            assertThat(a.kind()).as(o.fixture().file()).isEqualTo(expected);
            assertThat(a.storyId()).as(o.fixture().file()).isEqualTo(first);
            if (expected == Assignment.Kind.NEAR_DUPLICATE || expected == Assignment.Kind.EXACT_DUPLICATE) {
                assertThat(a.duplicateOf()).as(o.fixture().file()).isEqualTo(first);
            }
        }
    }

    @Test
    void shouldKeepTheHardestNegativeBelowAndTheWeakestRewriteAboveTheThresholdByAMargin() {
        // The Aguililla attack (b1) shares cartel, state, region and a background sentence with the drone-school
        // story (a1); the Russian and Spanish rewrites share almost no words with their originals.
        Map<String, Double> scores = pairScores();
        double threshold = StoryConfig.DEFAULT_STORY_THRESHOLD;

        assertThat(scores.get("b1-en.txt>a1-en-wire.txt")).isLessThan(threshold - 0.02);
        assertThat(scores.get("a4-en-rewrite.txt>c1-en.txt")).isLessThan(threshold - 0.02);
        assertThat(scores.get("b2-es.txt>b1-en.txt")).isGreaterThan(threshold + 0.05);
        assertThat(scores.get("a6-ru.txt>a5-es.txt")).isGreaterThan(threshold + 0.05);
        assertThat(scores.get("d3-uk.txt>d2-ru.txt")).isGreaterThan(threshold + 0.05);
    }

    @Test
    void shouldNeverJoinAStoryWhenTheThresholdIsOne() {
        List<Outcome> outcomes = runFixtures(StoryConfig.defaults().withStoryThreshold(1.0));

        assertThat(outcomes).extracting(o -> o.assignment().kind())
                .doesNotContain(Assignment.Kind.STORY_UPDATE);
    }

    @Test
    void shouldScoreAnArticleAgainstItselfAsOne() {
        StoryConfig settings = StoryConfig.defaults();
        StoryState state = StoryState.inMemory(settings);
        StoryClusterer clusterer = new StoryClusterer(state, settings);
        Article a = StoryFixtures.article("a1-en-wire.txt", "en");
        List<EntityMention> entities = TAGGER.tag(a.title(), a.text());
        StoryProfile p = clusterer.profile(a, entities, 0, Long.MAX_VALUE / 2);
        StoredArticle stored = new StoredArticle(a.id(), 0, Assignment.Kind.NEW_STORY, a.id(), null, null, new long[128],
                p.entityIds, p.entityWeights, p.terms, p.termWeights);

        assertThat(clusterer.score(p, stored)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.terms()).hasSize(settings.termsPerArticle())
                .contains("#90000", "#14", "n:aspn", "n:ksd");
    }

    /** Score of each fixture against every earlier stored one, keyed "later>earlier", as the assigner saw them. */
    private static Map<String, Double> pairScores() {
        StoryConfig settings = StoryConfig.defaults();
        InMemoryStoryState state = new InMemoryStoryState(settings.retention(), settings.postingCap());
        StoryAssigner assigner = new StoryAssigner(state, settings);
        Map<String, Double> scores = new HashMap<>();
        List<StoryFixtures.Fixture> done = new ArrayList<>();
        List<StoryFixtures.Fixture> fixtures = StoryFixtures.all();
        for (int i = 0; i < fixtures.size(); i++) {
            StoryFixtures.Fixture f = fixtures.get(i);
            Instant t = StoryFixtures.START.plus(Duration.ofHours(i));
            long ts = t.toEpochMilli();
            long window = settings.window().toMillis();
            List<EntityMention> entities = TAGGER.tag(f.article().title(), f.article().text());
            StoryProfile p = assigner.clusterer().profile(f.article(), entities, ts - window, ts + window);
            for (StoryFixtures.Fixture g : done) {
                state.article(g.article().id(), ts - window, ts).filter(s -> s.terms().length > 0)
                        .ifPresent(s -> scores.put(f.file() + ">" + g.file(), assigner.clusterer().score(p, s)));
            }
            assigner.assign(f.article(), entities, t);
            done.add(f);
        }
        return scores;
    }

    @Test
    void shouldCountSharedFiguresButNotYearsNamesOrWords() {
        String[] a = {"#1800", "#2024", "#4000", "n:klkn", "w:cartel"};
        String[] b = {"#17", "#1800", "#2024", "#4000", "n:klkn", "w:cartel"};

        assertThat(StoryClusterer.sharedFigures(a, b)).isEqualTo(2);
        assertThat(StoryClusterer.sharedFigures(new String[] {"#1999", "#2099"}, new String[] {"#1999", "#2099"})).isZero();
        assertThat(StoryClusterer.sharedFigures(new String[] {"#1.3", "#12000"}, new String[] {"#1.3", "#12000"})).isEqualTo(2);
        assertThat(StoryClusterer.sharedFigures(new String[0], b)).isZero();
    }
}
