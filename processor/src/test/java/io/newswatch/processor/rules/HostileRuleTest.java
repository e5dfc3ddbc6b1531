package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.RuleHit;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile rules and articles against the matcher (issue "Hostile input", classes 1 to 3): each test feeds a
 * literal hostile input and expects the exact refusal, or a bounded result, instead of a stall, a runaway or
 * a stack overflow. The CLI side is in HostileInputCliTest (app), files in HostileArticleFilesTest (ingest).
 */
class HostileRuleTest {

    private final LuceneRuleMatcher matcher = new LuceneRuleMatcher();

    @AfterEach
    void close() {
        matcher.close();
    }

    private static WatchRule rule(String id, String query) {
        return new WatchRule(id, null, null, query, List.of("en"), "high", List.of());
    }

    private static String refusal(String id, String query) {
        try {
            RuleCompiler.compile(rule(id, query));
        } catch (InvalidRuleException e) {
            return e.getMessage();
        }
        throw new AssertionError("rule " + id + " was accepted");
    }

    /** Class 1: an article whose every sentence matches was ranked with a list scan per comparison. */
    @Test
    void shouldExplainAnArticleWhoseEverySentenceMatchesWithCappedSnippets() throws Exception {
        matcher.register(List.of(rule("drone-training", "NEAR/5(drone*, train*)")));
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 1_000_000; i++) {
            text.append("Sentence ").append(i).append(" says the drone pilots were trained");
            text.append(i % 7 == 3 ? " and trained again by drone instructors. " : ". ");
        }

        List<RuleHit> hits = matcher.match(new MatchInput("a1", "", text.toString(), "en", List.of())).hits();

        assertThat(hits).hasSize(1);
        RuleHit hit = hits.get(0);
        assertThat(hit.snippets()).hasSize(SnippetBuilder.MAX_SNIPPETS);
        // the sentences with the most matched words win, ties go to the earlier: sentences 3, 10 and 17
        assertThat(hit.snippets()).extracting(s -> s.text()).containsExactly(
                "Sentence 3 says the drone pilots were trained and trained again by drone instructors.",
                "Sentence 10 says the drone pilots were trained and trained again by drone instructors.",
                "Sentence 17 says the drone pilots were trained and trained again by drone instructors.");
        assertThat(hit.score()).isGreaterThan(2 * SnippetBuilder.MAX_SENTENCES); // every matched word still counts
    }

    @Test
    void shouldConsiderOnlyTheFirstSentencesOfAnArticleForSnippets() throws Exception {
        matcher.register(List.of(rule("drone-training", "NEAR/5(drone*, train*)")));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SnippetBuilder.MAX_SENTENCES + 50; i++) {
            // beyond the cap, a sentence with more matched words would otherwise win
            text.append(i < SnippetBuilder.MAX_SENTENCES ? "The drone was trained. " : "The drone drone drone was trained trained trained. ");
        }

        RuleHit hit = matcher.match(new MatchInput("a1", "", text.toString(), "en", List.of())).hits().get(0);

        assertThat(hit.snippets()).extracting(s -> s.text()).containsOnly("The drone was trained.");
        assertThat(hit.snippets()).extracting(s -> s.start()).containsExactly(0, 23, 46);
    }

    /** Class 2: 2,000 nested groups overflowed the parser's stack (and, from the rules topic, the stream thread). */
    @Test
    void shouldRefuseAQueryNestedTwoThousandDeepBeforeRecursing() {
        String query = "(".repeat(2_000) + "drone" + ")".repeat(2_000);

        assertThat(refusal("deep", query)).isEqualTo("rule 'deep': the query nests groups, NEAR or NOT more than 32 deep at position 32");
        assertThat(refusal("not-chain", "drone AND " + "NOT ".repeat(2_000) + "show"))
                .isEqualTo("rule 'not-chain': the query nests groups, NEAR or NOT more than 32 deep at position 134");
        assertThat(refusal("near-chain", "NEAR(".repeat(2_000) + "a, b" + ")".repeat(2_000)))
                .isEqualTo("rule 'near-chain': the query nests groups, NEAR or NOT more than 32 deep at position 80");
    }

    @Test
    void shouldAcceptNestingUpToTheLimit() throws Exception {
        String query = "(".repeat(QueryParser.MAX_DEPTH - 1) + "drone" + ")".repeat(QueryParser.MAX_DEPTH - 1);
        matcher.register(List.of(rule("deep-enough", query)));
        assertThat(matcher.match(new MatchInput("a1", "", "A drone.", "en", List.of())).hits()).hasSize(1);
    }

    /** Class 3: thousands of '*' ran away in Lucene's automaton construction (60 s, 5.9 GB). */
    @Test
    void shouldRefuseAWildcardWithThousandsOfStarsBeforeBuildingItsAutomaton() {
        assertThat(refusal("stars", "dr" + "*".repeat(5_000)))
                .isEqualTo("rule 'stars': the wildcard at position 0 has 5000 '*' and '?'; the limit is 8 per word");
        assertThat(refusal("marks", "drone AND tr" + "?a".repeat(9)))
                .isEqualTo("rule 'marks': the wildcard at position 10 has 9 '*' and '?'; the limit is 8 per word");
    }

    /** Class 3: more than 1,024 OR terms failed with Lucene's "maxClauseCount is set to 1024" and no rule id. */
    @Test
    void shouldRefuseMoreThan1024AlternativesWithTheRuleIdAndPosition() {
        StringJoiner or = new StringJoiner(" OR ");
        for (int i = 0; i < 1_100; i++) {
            or.add("w" + i);
        }
        String query = or.toString();
        int position = query.indexOf("w1024");

        assertThat(refusal("wide", query)).isEqualTo("rule 'wide': the group at position 0 has more than 1024 clauses; the 1025th is at position "
                + position + " (split it into several rules)");
        String and = query.replace(" OR ", " AND ");
        assertThat(refusal("wide-and", and)).isEqualTo("rule 'wide-and': the AND at position " + (and.indexOf(" AND w1024") + 1)
                + " joins more than 1024 clauses (split the rule into several rules)");
    }

    @Test
    void shouldRefuseAQueryWithMoreWordsThanTheLimitAndAHugeQuery() {
        StringJoiner groups = new StringJoiner(" OR ");
        for (int i = 0; i < 300; i++) {
            groups.add("(a" + i + " b" + i + " c" + i + " d" + i + " e" + i + " f" + i + " g" + i + ")");
        }
        String query = groups.toString();

        assertThat(refusal("many", query)).startsWith("rule 'many': the query has more than 2048 words, phrases and wildcards; the 2049th is at position ")
                .endsWith(" (split it into several rules)");
        assertThat(refusal("huge", "drone " + "x".repeat(200_000)))
                .isEqualTo("rule 'huge': the query has 200006 characters; the limit is 100000 (split it into several rules)");
    }

    @Test
    void shouldNameTheRuleWhenItsQueryExpandsBeyondLucenesClauseLimit() {
        // 600 alternatives, each a phrase of four terms: under the parser's limits, over the 2,048 clauses per
        // language once compiled
        StringJoiner or = new StringJoiner(" OR ");
        for (int i = 0; i < 600; i++) {
            or.add("\"a" + i + " b" + i + " c" + i + " d" + i + "\"");
        }
        assertThat(refusal("expands", or.toString())).isEqualTo("rule 'expands': the query has 2400 clauses per language; the limit is 2048"
                + " (split it into several rules)");
    }
}
