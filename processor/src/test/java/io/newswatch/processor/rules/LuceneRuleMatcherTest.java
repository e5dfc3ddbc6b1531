package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.EntityMention;
import io.newswatch.model.RuleHit;
import io.newswatch.model.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuceneRuleMatcherTest {

    private final LuceneRuleMatcher matcher = new LuceneRuleMatcher();

    @AfterEach
    void close() {
        matcher.close();
    }

    private static WatchRule rule(String id, String query, String... languages) {
        return new WatchRule(id, null, null, query, List.of(languages), "high", List.of());
    }

    private static MatchInput article(String lang, String title, String text) {
        return new MatchInput("a1", title, text, lang, List.of());
    }

    private List<String> ids(MatchInput input) {
        return matcher.match(input).hits().stream().map(RuleHit::id).toList();
    }

    @Test
    void shouldMatchAWideRuleOnAnArticleOfUnknownLanguageWhoseLanguagesTogetherExceedLucenesClauseLimit() throws Exception {
        StringBuilder names = new StringBuilder("(");
        for (int i = 0; i < 600; i++) {
            names.append(i == 0 ? "" : " OR ").append("zorvak").append((char) ('a' + i % 26)).append((char) ('a' + i / 26));
        }
        // 601 clauses per language; a text of unknown language in Latin script runs en, es and pt at once: 1,803.
        matcher.register(List.of(rule("portfolio", names + ") AND drone")));

        MatchOutcome outcome = matcher.match(article(null, "", "The drone of Zorvakqw was seen over the harbour."));

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.hits()).extracting(RuleHit::id).containsExactly("portfolio");
    }

    @Test
    void shouldMatchRulesWhoseCompiledQueriesWereDroppedFromTheBoundedCache() throws Exception {
        try (LuceneRuleMatcher small = new LuceneRuleMatcher(LuceneRuleMatcher.Presearch.MULTIPASS, 1)) {
            small.register(List.of(rule("a", "drone AND cartel"), rule("b", "\"prison riot\"", "en"), rule("c", "entrenamiento AND dron*", "es")));

            for (int round = 0; round < 2; round++) {
                assertThat(small.match(article("en", "", "A cartel drone was shot down.")).hits()).extracting(RuleHit::id).containsExactly("a");
                assertThat(small.match(article("en", "Prison riot", "Guards lost control.")).hits()).extracting(RuleHit::id).containsExactly("b");
                assertThat(small.match(article("es", "", "Entrenamiento con drones.")).hits()).extracting(RuleHit::id).containsExactly("c");
            }
        }
    }

    @Test
    void shouldMatchAfterARegistrationLargerThanOneChunkAndLaterUpdates() throws Exception {
        List<WatchRule> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(rule("r" + i, "zorvak" + i + " AND drone", "en"));
        }
        matcher.register(many); // committed in two chunks, then merged

        assertThat(ids(article("en", "", "Zorvak7 and Zorvak2400 flew a drone."))).containsExactly("r2400", "r7");
        matcher.register(List.of(rule("r7", "zorvak7 AND cartel", "en")));
        matcher.remove("r2400");
        assertThat(ids(article("en", "", "Zorvak7 and Zorvak2400 flew a drone."))).isEmpty();
        assertThat(ids(article("en", "", "Zorvak7 and the cartel, Zorvak2499 with a drone."))).containsExactly("r2499", "r7");
    }

    @Test
    void shouldMatchAcrossInflectionAccentsAndCase() throws Exception {
        matcher.register(List.of(
                rule("es", "\"capacitación militar\"", "es"),
                rule("en", "\"drone trainer\"", "en"),
                rule("uk", "інструктор AND дрон", "uk")));

        assertThat(ids(article("es", "", "Ofrecían CAPACITACION MILITAR a los reclutas."))).containsExactly("es");
        assertThat(ids(article("en", "", "Two drone trainers were arrested."))).containsExactly("en");
        assertThat(ids(article("uk", "", "Інструкторами були оператори дронів."))).containsExactly("uk");
    }

    @Test
    void shouldApplyWildcardsToTheUnstemmedWords() throws Exception {
        matcher.register(List.of(rule("army", "armies*", "en"), rule("recruit", "recruitm*", "en")));

        // Porter stems "armies" to "armi": the wildcard still sees the word as written.
        assertThat(ids(article("en", "", "Private armies grew."))).containsExactly("army");
        assertThat(ids(article("en", "", "Recruitment of pilots."))).containsExactly("recruit");
        assertThat(ids(article("en", "", "They recruit pilots."))).isEmpty();
    }

    @Test
    void shouldMatchNearInAnyOrderAndOnearOnlyInOrder() throws Exception {
        matcher.register(List.of(
                rule("near", "NEAR/3(cartel*, (drone* OR dron*))", "en"),
                rule("onear", "ONEAR/3(cartel*, drone*)", "en")));

        assertThat(ids(article("en", "", "The cartel flew armed drones over the town."))).containsExactly("near", "onear");
        assertThat(ids(article("en", "", "Drones seized from the cartel."))).containsExactly("near"); // three words between
        assertThat(ids(article("en", "", "The cartel, police said on Monday after a long inquiry, used drones."))).isEmpty();
    }

    @Test
    void shouldNotLetPhrasesOrNearSpanTitleAndText() throws Exception {
        matcher.register(List.of(rule("phrase", "\"cartel drone\"", "en"), rule("near", "NEAR/2(cartel, drone)", "en")));

        assertThat(ids(article("en", "Inside the cartel", "Drone footage shows the camp."))).isEmpty();
        assertThat(ids(article("en", "Inside the cartel drone unit", "Footage shows the camp."))).containsExactly("near", "phrase");
    }

    @Test
    void shouldScopeToTitleAndEntities() throws Exception {
        matcher.register(List.of(rule("title", "title:drone", "en"), rule("entity", "entity:CJNG AND drone", "en")));
        MatchInput inText = new MatchInput("a", "Border report", "A drone was seen.", "en",
                List.of(new EntityMention("cjng", "organisation", "Jalisco New Generation Cartel", 2)));
        MatchInput inTitle = new MatchInput("b", "Drone seen at border", "Nothing else.", "en", List.of());

        assertThat(ids(inText)).containsExactly("entity");
        assertThat(ids(inTitle)).containsExactly("title");
    }

    @Test
    void shouldApplyARuleOnlyToItsLanguagesUnlessTheArticleLanguageIsUnknown() throws Exception {
        matcher.register(List.of(rule("es-only", "cartel", "es"), rule("all", "cartel")));

        assertThat(ids(article("en", "", "The cartel grew."))).containsExactly("all");
        assertThat(ids(article("es", "", "El cartel creció."))).containsExactly("all", "es-only");
        assertThat(ids(article(null, "", "The cartel grew."))).containsExactly("all", "es-only");
        assertThat(ids(article("fr", "", "Le cartel a grandi."))).containsExactly("all", "es-only");
    }

    @Test
    void shouldMatchExactWordsAsWrittenOnly() throws Exception {
        matcher.register(List.of(rule("exact", "NEAR/3(drone*, =attacked)", "en")));

        assertThat(ids(article("en", "", "A drone attacked the convoy."))).containsExactly("exact");
        assertThat(ids(article("en", "", "They bought attack drones."))).isEmpty();
    }

    @Test
    void shouldAnalyseArticlesWithoutLanguageInTheLanguagesOfTheirScript() throws Exception {
        matcher.register(List.of(rule("ru", "картель", "ru"), rule("es", "cartel", "es"), rule("uk", "cartel", "uk")));

        assertThat(ids(article(null, "", "Картель вырос."))).containsExactly("ru");
        assertThat(ids(article(null, "", "The cartel grew."))).containsExactly("es");
        assertThat(ids(article(null, "", "Картель вырос, the cartel grew."))).containsExactly("es", "ru", "uk");
    }

    @Test
    void shouldKeepEntityOnlyRulesToTheirLanguages() throws Exception {
        matcher.register(List.of(rule("cjng", "entity:cjng", "es")));
        List<EntityMention> cjng = List.of(new EntityMention("cjng", "organisation", "CJNG", 1));

        assertThat(ids(new MatchInput("a", "", "CJNG", "en", cjng))).isEmpty();
        assertThat(ids(new MatchInput("a", "", "CJNG", "es", cjng))).containsExactly("cjng");
    }

    @Test
    void shouldExplainAHitWithTheSentencesAndOffsetsOfTheMatchedWords() throws Exception {
        matcher.register(List.of(rule("r", "NEAR/4(cartel*, drone*) OR title:pilots", "en")));
        String title = "Pilots wanted";
        String text = "Nothing here. Police said the cartel hired drone pilots in May. Weather was fine.";

        RuleHit hit = matcher.match(article("en", title, text)).hits().get(0);

        assertThat(hit.snippets()).extracting(Snippet::field, Snippet::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("title", "Pilots wanted"),
                org.assertj.core.groups.Tuple.tuple("text", "Police said the cartel hired drone pilots in May."));
        Snippet body = hit.snippets().get(1);
        assertThat(text.substring(body.start(), body.end())).isEqualTo(body.text());
        assertThat(body.highlights()).extracting(s -> text.substring(s.start(), s.end())).containsExactly("cartel", "drone");
        assertThat(hit.score()).isEqualTo(4.0); // "Pilots" in the title counts twice, two words in the text
        assertThat(hit.version()).isEqualTo(rule("r", "NEAR/4(cartel*, drone*) OR title:pilots", "en").version());
    }

    @Test
    void shouldKeepAtMostThreeSnippetsPreferringSentencesWithMoreMatches() throws Exception {
        matcher.register(List.of(rule("r", "drone* OR cartel*", "en")));
        String text = "A drone. Another drone. The cartel drone and cartel drones. A third drone. Drones drones drones.";

        List<Snippet> snippets = matcher.match(article("en", "", text)).hits().get(0).snippets();

        assertThat(snippets).extracting(Snippet::text)
                .containsExactly("A drone.", "The cartel drone and cartel drones.", "Drones drones drones.");
    }

    @Test
    void shouldReportARuleThatFailsOnOneArticleWhileOtherRulesStillMatch() throws Exception {
        // Inside NEAR a wildcard may stand for at most 1024 different words of an article; this one has more.
        StringBuilder text = new StringBuilder("A cartel drone. ");
        for (int i = 0; i < 1100; i++) {
            text.append("zq").append(i).append(' ');
        }
        matcher.register(List.of(rule("greedy", "NEAR/5(zq*, drone)", "en"), rule("fine", "cartel AND drone", "en")));

        MatchOutcome outcome = matcher.match(article("en", "", text.toString()));

        assertThat(outcome.hits()).extracting(RuleHit::id).containsExactly("fine");
        assertThat(outcome.errors()).containsOnlyKeys("greedy");
        assertThat(outcome.errors().get("greedy")).contains("1024");
    }

    @Test
    void shouldRegisterNothingWhenOneRuleIsInvalid() throws Exception {
        assertThatThrownBy(() -> matcher.register(List.of(rule("good", "drone"), rule("bad", "drone AND (cartel"))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("rule 'bad'")
                .hasMessageContaining("position 10")
                .satisfies(e -> assertThat(((InvalidRuleException) e).ruleId()).isEqualTo("bad"));
        assertThat(matcher.rules()).isEmpty();
    }

    @Test
    void shouldReplaceARuleWithTheSameIdAndReportTheNewVersion() throws Exception {
        matcher.register(List.of(rule("r", "drone", "en")));
        WatchRule edited = rule("r", "cartel", "en");
        matcher.register(List.of(edited));

        assertThat(ids(article("en", "", "A drone."))).isEmpty();
        assertThat(matcher.match(article("en", "", "A cartel.")).hits()).singleElement()
                .satisfies(h -> assertThat(h.version()).isEqualTo(edited.version()));
        assertThat(matcher.rules()).containsExactly(edited);
    }

    @Test
    void shouldRemoveARuleAndIgnoreUnknownIds() throws Exception {
        matcher.register(List.of(rule("a", "drone"), rule("b", "drone")));
        matcher.remove("a");
        matcher.remove("never-registered");

        assertThat(ids(article("en", "", "A drone."))).containsExactly("b");
        assertThat(matcher.rules()).extracting(WatchRule::id).containsExactly("b");
    }

    @Test
    void shouldMatchWhileRulesChangeOnAnotherThread() throws Exception {
        matcher.register(List.of(rule("stable", "NEAR/3(cartel*, drone*)", "en")));
        MatchInput input = article("en", "Cartel drones", "The cartel used drones again.");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 200 && failure.get() == null; i++) {
                    matcher.register(List.of(rule("churn-" + (i % 7), "drone* AND cartel OR \"churn " + i + "\"", "en")));
                    matcher.remove("churn-" + ((i + 3) % 7));
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                stop.set(true);
            }
        });
        writer.start();
        int rounds = 0;
        while (!stop.get() || rounds < 50) {
            MatchOutcome outcome = matcher.match(input);
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.hits()).extracting(RuleHit::id).contains("stable");
            rounds++;
        }
        writer.join();
        assertThat(failure.get()).isNull();
    }
}
