package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.processor.analysis.Language;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.junit.jupiter.api.Test;

class PrewrittenQueryTest {

    private static Query compiled(String query, String... languages) throws InvalidRuleException {
        return RuleCompiler.compile(new WatchRule("r", null, null, query, List.of(languages), "high", List.of())).query();
    }

    /** Counts leaves as a search's clause check does (every clause, prohibited ones too). */
    private static int leaves(Query q) {
        int[] count = new int[1];
        q.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query query) {
                count[0]++;
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                count[0]++;
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }
        });
        return count[0];
    }

    @Test
    void shouldShowASearchsClauseCheckAsManyClausesAsTheWholeRewrittenQueryHas() throws Exception {
        IndexSearcher searcher = new IndexSearcher(new MultiReader());
        for (String rule : List.of("drone", "drone AND cartel", "(dron* OR \"drone trainer\") AND NOT exercise",
                "NEAR/5(recruit*, teen* OR minor) OR \"prison riot\"", "(a1 OR a2 OR a3 OR a4) AND (b1 OR b2) AND NOT (c1 OR c2)")) {
            Query query = compiled(rule, "en");

            assertThat(query).as(rule).isInstanceOf(PrewrittenQuery.class);
            Query run = searcher.rewrite(query);
            assertThat(run).as(rule).isNotSameAs(query);
            assertThat(leaves(run)).as(rule).isEqualTo(leaves(query)).isGreaterThan(0);
        }
    }

    @Test
    void shouldRunTheArticlesLanguagesPartsAndOnlyOneOfSeveralEqualParts() throws Exception {
        Query english = new BooleanQuery.Builder().add(new TermQuery(new Term(ArticleFields.ENTITY, "cjng")), Occur.MUST).build();
        Query spanish = new BooleanQuery.Builder().add(new TermQuery(new Term(ArticleFields.ENTITY, "cjng")), Occur.MUST).build();
        Query russian = new TermQuery(new Term(ArticleFields.text(Language.RUSSIAN), "дрон"));
        Query portuguese = new TermQuery(new Term(ArticleFields.text(Language.PORTUGUESE), "drone"));
        PerLanguageQuery query = new PerLanguageQuery(Map.of(Language.ENGLISH, english, Language.SPANISH, spanish,
                Language.RUSSIAN, russian, Language.PORTUGUESE, portuguese));

        assertThat(query.rewrite(articleIn(Language.SPANISH, Language.UKRAINIAN))).isSameAs(spanish);
        assertThat(query.rewrite(articleIn(Language.UKRAINIAN))).isInstanceOf(org.apache.lucene.search.MatchNoDocsQuery.class);
        Query all = query.rewrite(articleIn(Language.values()));
        assertThat(all).isInstanceOf(BooleanQuery.class);
        assertThat(((BooleanQuery) all).clauses()).extracting(c -> c.query()).containsExactly(english, portuguese, russian);
    }

    private static IndexSearcher articleIn(Language... languages) {
        MemoryIndex index = new MemoryIndex();
        for (Language l : languages) {
            index.addField(ArticleFields.LANGUAGE, l.code(), new KeywordAnalyzer());
        }
        return index.createSearcher();
    }
}
