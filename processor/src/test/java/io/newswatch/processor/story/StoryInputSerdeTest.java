package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import io.newswatch.model.SourcePosition;
import io.newswatch.model.topic.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The stories topic's envelope, the JSON earlier versions wrote there, and the story fields added to the match. */
class StoryInputSerdeTest {
    private static final Instant T0 = Instant.parse("2025-06-03T08:00:00Z");
    private static final JsonSerde<Match> MATCHES = new JsonSerde<>(Match.class);
    private final StoryInputSerde serde = new StoryInputSerde();

    private static AnalysedArticle match(String url, boolean withRules) {
        Article a = Article.builder(url).feedId("wire").source("Wire \"Quoted\" Ltd")
                .title("Cartel trains drone pilots — «entrenamiento» in Sinaloa")
                .text("Gunmen were taught to fly FPV drones. Їхні інструктори були іноземцями. Offsets: ünïcödé.")
                .lang("en").publishedAt(T0).fetchedAt(T0.plusSeconds(90)).build();
        List<RuleHit> rules = withRules
                ? List.of(new RuleHit("drone-training", "v7", 3.0, "high",
                        List.of(new Snippet("text", 0, 35, "Gunmen were taught to fly FPV drones.", List.of(new Snippet.Span(26, 29))))))
                : List.of();
        return new AnalysedArticle(Match.SCHEMA_VERSION, a, rules,
                List.of(new EntityMention("cjng", "organisation", "CJNG", 2), new EntityMention("sinaloa", "place", "Sinaloa", 1)),
                new SourcePosition("newswatch.articles", 2, 4711), T0.plusSeconds(3));
    }

    private static StoryFeatures features(AnalysedArticle m) {
        return StoryFeatures.of(m.article(), StoryConfig.defaults().termsPerArticle());
    }

    @Test
    void shouldReadBackWhatItWritesExactly() {
        AnalysedArticle m = match("https://one.example/a", true);
        StoryInput in = new StoryInput(m, features(m));

        byte[] bytes = serde.serializer().serialize("t", in);
        StoryInput back = serde.deserializer().deserialize("t", bytes);

        assertThat(bytes[0]).isZero();
        assertThat(back).isEqualTo(in);
        assertThat(back.features()).isEqualTo(features(m)); // signature and term weights bit for bit
        assertThat(back.entities()).isEqualTo(m.entities());
        assertThat(back.matched()).isTrue();
        assertThat(back.fetchedAt()).isEqualTo(T0.plusSeconds(90).toEpochMilli());
        assertThat(back.analysed()).isEqualTo(m);
        assertThat(bytes.length).isLessThan(MATCHES.toBytes(m.toMatch()).length + 2_000);
    }

    @Test
    void shouldReadTheEnvelopeWithoutParagraphsAndLeaveTheFeaturesToBeRecomputed() {
        AnalysedArticle m = match("https://one.example/c", true);
        StoryFeatures f = features(m);
        byte[] none = serde.serializer().serialize("t", new StoryInput(m,
                new StoryFeatures(f.fingerprint(), f.signature(), f.terms(), f.termWeights(), new long[0])));
        byte[] one = serde.serializer().serialize("t", new StoryInput(m,
                new StoryFeatures(f.fingerprint(), f.signature(), f.terms(), f.termWeights(), new long[] {42})));
        int i = 0;
        while (none[i] == one[i]) {
            i++;
        }
        // Version 2 is version 4 without the 8-byte fetch time and the 2-byte paragraph count (and its values).
        byte[] v3 = withoutFetchTime(none);
        i -= Long.BYTES;
        byte[] v2 = new byte[v3.length - 2];
        System.arraycopy(v3, 0, v2, 0, i - 1);
        System.arraycopy(v3, i + 1, v2, i - 1, v3.length - i - 1);
        v2[1] = 2;

        StoryInput back = serde.deserializer().deserialize("t", v2);

        assertThat(back.features()).isNull();
        assertThat(back.analysed()).isEqualTo(m);
        assertThat(back.entities()).isEqualTo(m.entities());
        assertThat(back.fetchedAt()).isEqualTo(m.article().fetchedAt().toEpochMilli());
    }

    /** Version 3 of the envelope: version 4 without the fetch time after the version byte. */
    private static byte[] withoutFetchTime(byte[] v4) {
        byte[] v3 = new byte[v4.length - Long.BYTES];
        System.arraycopy(v4, 0, v3, 0, 2);
        System.arraycopy(v4, 2 + Long.BYTES, v3, 2, v4.length - 2 - Long.BYTES);
        v3[1] = 3;
        return v3;
    }

    @Test
    void shouldReadTheEnvelopeWithoutFetchTimeTakingItFromTheArticle() {
        AnalysedArticle m = match("https://one.example/g", true);
        StoryInput in = new StoryInput(m, features(m));

        StoryInput back = serde.deserializer().deserialize("t", withoutFetchTime(serde.serializer().serialize("t", in)));

        assertThat(back).isEqualTo(in);
        assertThat(back.fetchedAt()).isEqualTo(T0.plusSeconds(90).toEpochMilli());
        assertThat(back.features()).isEqualTo(features(m));
    }

    @Test
    void shouldKeepAnUnmatchedArticleAndOneWithoutFeatures() {
        AnalysedArticle m = match("https://one.example/b", false);
        StoryInput back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", new StoryInput(m, null)));

        assertThat(back.matched()).isFalse();
        assertThat(back.features()).isNull();
        assertThat(back.analysed()).isEqualTo(m);
        assertThatThrownBy(back.analysed()::toMatch).isInstanceOf(IllegalStateException.class).hasMessageContaining("matched no rule");
    }

    @Test
    void shouldDropStoryFieldsTheInputMatchAlreadyHad() {
        AnalysedArticle m = match("https://one.example/c", true);
        Match decided = new Match(m.schemaVersion(), m.article(), m.rules(), m.entities(), "old-dup", "old-story", m.source(), m.matchedAt());

        StoryInput in = new StoryInput(AnalysedArticle.of(decided), features(m));

        assertThat(in.analysed()).isEqualTo(m);
        assertThat(new String(in.matchJson(), StandardCharsets.UTF_8)).doesNotContain("old-story").doesNotContain("old-dup");
    }

    @Test
    void shouldReadTheJsonEarlierVersionsWrote() {
        AnalysedArticle m = match("https://one.example/d", true);
        String features = new String(new JsonSerde<>(StoryFeatures.class).toBytes(features(m)), StandardCharsets.UTF_8);
        String match = new String(MATCHES.toBytes(m.toMatch()), StandardCharsets.UTF_8);
        byte[] legacy = ("{\"schemaVersion\":1,\"match\":" + match + ",\"features\":" + features + "}").getBytes(StandardCharsets.UTF_8);

        StoryInput fromLegacy = serde.deserializer().deserialize("t", legacy);
        StoryInput fromBareMatch = serde.deserializer().deserialize("t", MATCHES.toBytes(m.toMatch()));

        assertThat(fromLegacy).isEqualTo(new StoryInput(m, features(m)));
        assertThat(fromBareMatch).isEqualTo(new StoryInput(m, null));
    }

    @Test
    void shouldRefuseWhatIsNeither() {
        byte[] good = serde.serializer().serialize("t", new StoryInput(match("https://one.example/e", true), null));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("neither a story input nor a match");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(good, good.length - 7)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("corrupt story input");
        byte[] future = good.clone();
        future[1] = 9;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", future))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
        byte[] badJson = serde.serializer().serialize("t", new StoryInput("x", 0L, null, List.of(), true, "{\"nope\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", badJson)).isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldAddTheStoryFieldsToTheMatchJson() {
        AnalysedArticle m = match("https://one.example/f", true);
        StoryInput in = new StoryInput(m, features(m));

        AssignedMatch first = AssignedMatch.of(in, "story-\"1\"", null);
        AssignedMatch copy = AssignedMatch.of(in, "story-1", "https://one.example/original");

        assertThat(first.match()).isEqualTo(new Match(m.schemaVersion(), m.article(), m.rules(), m.entities(), null, "story-\"1\"",
                m.source(), m.matchedAt()));
        assertThat(copy.match()).isEqualTo(new Match(m.schemaVersion(), m.article(), m.rules(), m.entities(),
                "https://one.example/original", "story-1", m.source(), m.matchedAt()));
        assertThat(AssignedMatch.serializer().serialize("t", copy)).isSameAs(copy.json());
        assertThat(new String(AssignedMatch.withStory("{ }".getBytes(StandardCharsets.UTF_8), "s", null), StandardCharsets.UTF_8))
                .isEqualTo("{\"storyId\":\"s\"}");
    }
}
