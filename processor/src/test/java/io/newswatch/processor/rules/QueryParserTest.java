package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.processor.rules.QueryNode.Bool;
import io.newswatch.processor.rules.QueryNode.Boost;
import io.newswatch.processor.rules.QueryNode.Near;
import io.newswatch.processor.rules.QueryNode.Phrase;
import io.newswatch.processor.rules.QueryNode.Wildcard;
import io.newswatch.processor.rules.QueryNode.Word;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    /** A compact rendering: +must, -must_not, plain should; field prefixes only when not the default. */
    private static String render(QueryNode n) {
        return switch (n) {
            case Word w -> scope(w.scope()) + w.text();
            case QueryNode.Exact e -> scope(e.scope()) + "=" + e.text();
            case Wildcard w -> scope(w.scope()) + w.pattern();
            case Phrase p -> scope(p.scope()) + "\"" + p.text() + "\"" + (p.slop() > 0 ? "~" + p.slop() : "");
            case Bool b -> b.clauses().stream().map(c -> switch (c.occur()) {
                case MUST, FILTER -> "+" + render(c.node());
                case MUST_NOT -> "-" + render(c.node());
                case SHOULD -> render(c.node());
            }).collect(Collectors.joining(" ", "(", ")"));
            case Near near -> scope(near.scope()) + (near.ordered() ? "ONEAR/" : "NEAR/") + near.distance()
                    + near.arguments().stream().map(QueryParserTest::render).collect(Collectors.joining(", ", "[", "]"));
            case Boost b -> render(b.node()) + "^" + b.boost();
        };
    }

    private static String scope(QueryNode.Scope s) {
        return s == QueryNode.Scope.TEXT ? "" : s.fieldName() + ":";
    }

    private static String parse(String q) throws QuerySyntaxException {
        return render(QueryParser.parse(q));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            drone => drone
            drone training => (drone training)
            drone OR training => (drone training)
            drone AND training => (+drone +training)
            drone && training || cartel => ((+drone +training) cartel)
            a OR b AND c => (a (+b +c))
            a AND b OR c AND d => ((+a +b) (+c +d))
            a AND NOT b => (+a -b)
            a AND !b => (+a -b)
            +a b -c => (+a b -c)
            NOT a => (-a)
            (a OR b) AND c => (+(a b) +c)
            "drone training"~5 => "drone training"~5
            title:(drone OR uav) AND text:cartel => (+(title:drone title:uav) +cartel)
            entity:cjng => entity:cjng
            recruit* => recruit*
            ex-soldier => ex-soldier
            dr?ne => dr?ne
            a\\:b => a:b
            NEAR/5(cartel*, (dron* OR drone*)) => NEAR/5[cartel*, (dron* drone*)]
            ONEAR/3(ex, soldier, "drone pilot") => ONEAR/3[ex, soldier, "drone pilot"]
            NEAR(a, b) => NEAR/10[a, b]
            title:NEAR/2(a, NEAR/1(b, c)) => title:NEAR/2[title:a, title:NEAR/1[title:b, title:c]]
            drone^2 cartel => (drone^2.0 cartel)
            near OR NEAR => (near NEAR)
            =attacked OR title:=struck => (=attacked title:=struck)
            """)
    void shouldParse(String query, String expected) throws Exception {
        assertThat(parse(query)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            drone AND (cartel => 10 => missing ')' to close '(' at position 10; found the end of the query
            drone) => 5 => ')' at position 5 has no matching '('
            "drone training => 0 => the quote opened at position 0 is never closed
            foo:drone => 0 => unknown field 'foo' at position 0
            drone AND => 6 => AND at position 6 has nothing on its right
            OR drone => 0 => OR at position 0 has nothing on its left
            NEAR/5(cartel) => 0 => NEAR at position 0 needs at least two arguments
            NEAR/5(cartel, drone AND pilot) => 15 => inside NEAR only OR is allowed between alternatives
            NEAR/5(cartel, title:drone) => 15 => all arguments of NEAR must search one field
            NEAR/99(a, b) => 0 => NEAR distance at position 0 must be between 0 and 50, was 99
            NEAR/x(a, b) => 0 => NEAR at position 0 must be followed by a distance
            NEAR/5 (a, b) => 0 => NEAR/5 at position 0 must be followed directly by '('
            drone~2 => 5 => fuzzy matching ('~' after a word, position 5) is not supported
            a, b => 1 => ',' at position 1 is only allowed between the arguments of NEAR
            [a TO b] => 0 => range queries ('[' at position 0) are not supported
            entity:"cjng" => 7 => entity: takes an entity id, not a phrase
            drone AND () => 11 => empty group at position 11
            - drone => 0 => '-' at position 0 must be written directly before a word or group
            drone AND =ex-soldier => 10 => '=' at position 10 must be followed by a single word
            """)
    void shouldReportErrorsWithTheirPosition(String query, int position, String message) {
        assertThatThrownBy(() -> QueryParser.parse(query))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((QuerySyntaxException) e).position()).isEqualTo(position));
    }

    @Test
    void shouldRejectAnEmptyQuery() {
        assertThatThrownBy(() -> QueryParser.parse("   ")).hasMessage("the query is empty");
    }

    @Test
    void shouldKeepPositionsOfNestedParts() throws Exception {
        Bool b = (Bool) QueryParser.parse("drone AND NEAR/2(cartel, \"ex soldier\")");
        Near near = (Near) b.clauses().get(1).node();

        assertThat(near.position()).isEqualTo(10);
        assertThat(near.arguments()).extracting(QueryNode::position).containsExactly(17, 25);
    }
}
