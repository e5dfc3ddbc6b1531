package io.newswatch.processor.rules;

import io.newswatch.processor.analysis.Language;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Compiles a {@link WatchRule} into the Lucene query the matcher registers: the query is parsed once, then
 * compiled once per language of the rule, and the parts are held by a {@link PerLanguageQuery}: one entry of
 * the monitor, indexed by every language's words, of which an article only runs its own languages' parts.
 * Thread-safe.
 */
final class RuleCompiler {

    private static final QueryCompiler COMPILER = new QueryCompiler();

    private RuleCompiler() {
    }

    /**
     * A compiled rule.
     *
     * @param query    its Lucene query; null in the form the matcher keeps once the rule is registered
     *                 ({@link #withoutQuery}), where {@link OnDemandQuery} rebuilds it when needed
     * @param prefixes literal prefixes of its wildcards, for {@link WildcardPresearch}
     * @param version  the rule's {@link WatchRule#version()}, computed once
     */
    record CompiledRule(WatchRule rule, Query query, Set<String> prefixes, String version) {
        CompiledRule(WatchRule rule, Query query, Set<String> prefixes) {
            this(rule, query, prefixes, rule.version());
        }

        /** This rule without its compiled query (null), which {@link OnDemandQuery} builds again when needed. */
        CompiledRule withoutQuery() {
            return new CompiledRule(rule, null, prefixes, version);
        }

        /** This rule without its wildcard prefixes, once {@link WildcardPresearch} knows them. */
        CompiledRule withoutPrefixes() {
            return new CompiledRule(rule, query, Set.of(), version);
        }

        /** The monitor's id for this version of the rule, so each hit names the version that produced it. */
        String monitorId() {
            return rule.id() + "@" + version;
        }

        /**
         * The query as Lucene Monitor alone would hold it: the languages' parts OR'ed, which its decomposer then
         * splits into one entry per language (for {@link LuceneRuleMatcher.Presearch#LUCENE_DEFAULT}, which
         * compiles with {@code prewrite} false).
         */
        Query disjunction() {
            if (!(query instanceof PerLanguageQuery p)) {
                return query;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (Query part : new LinkedHashSet<>(p.parts().values())) {
                any.add(part, Occur.SHOULD);
            }
            return any.build();
        }

        static String monitorId(WatchRule rule) {
            return rule.id() + "@" + rule.version();
        }

        static String ruleId(String monitorId) {
            int at = monitorId.indexOf('@');
            return at < 0 ? monitorId : monitorId.substring(0, at);
        }
    }

    /**
     * Compiles a rule. The query's size, nesting and wildcards are checked by the parser before any Lucene
     * structure is built (see {@link QueryParser#MAX_DEPTH} and its siblings); whatever still fails while
     * compiling, a stack overflow included, is refused as this rule's error instead of escaping to the caller's
     * thread (a stream thread during hot reload).
     *
     * @throws InvalidRuleException naming the rule and the position of the error in its query
     */
    static CompiledRule compile(WatchRule rule) throws InvalidRuleException {
        return compile(rule, true);
    }

    /**
     * Compiles a rule.
     *
     * @param prewrite whether each language's part is rewritten now ({@link PrewrittenQuery}) rather than by each
     *                 search, as Lucene Monitor alone would
     * @throws InvalidRuleException naming the rule and the position of the error in its query
     */
    static CompiledRule compile(WatchRule rule, boolean prewrite) throws InvalidRuleException {
        try {
            return compileChecked(rule, prewrite);
        } catch (StackOverflowError e) {
            throw new InvalidRuleException(rule.id(), "rule '" + rule.id() + "': the query is nested too deeply to compile (at most "
                    + QueryParser.MAX_DEPTH + " levels)", -1, null);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidRuleException(rule.id(), "rule '" + rule.id() + "': the query expands to more than "
                    + QueryCompiler.MAX_CLAUSES_PER_LANGUAGE + " clauses (split it into several rules)", -1, e);
        } catch (RuntimeException e) {
            throw new InvalidRuleException(rule.id(), "rule '" + rule.id() + "': the query cannot be compiled ("
                    + e.getClass().getSimpleName() + ")", -1, e);
        }
    }

    private static CompiledRule compileChecked(WatchRule rule, boolean prewrite) throws InvalidRuleException {
        try {
            List<Language> languages = QueryCompiler.languagesOf(rule);
            QueryNode parsed = QueryParser.parse(rule.query());
            Map<Language, Query> parts = new EnumMap<>(Language.class);
            for (Language l : languages) {
                QueryCompiler.Compiled c = COMPILER.compile(parsed, l);
                if (c.languageSpecific()) {
                    parts.put(l, c.query());
                } else {
                    parts.put(l, new BooleanQuery.Builder()
                            .add(c.query(), Occur.MUST)
                            .add(new TermQuery(new Term(ArticleFields.LANGUAGE, l.code())), Occur.FILTER)
                            .build());
                }
            }
            Map<Language, Query> prewritten = new EnumMap<>(Language.class);
            parts.forEach((l, q) -> prewritten.put(l, prewrite ? PrewrittenQuery.of(q) : q));
            Query query = parts.size() == 1 ? prewritten.values().iterator().next() : new PerLanguageQuery(prewritten);
            return new CompiledRule(rule, query, prefixes(query));
        } catch (QuerySyntaxException e) {
            String where = e.position() >= 0 && !e.getMessage().contains("position") ? " (query position " + e.position() + ")" : "";
            throw new InvalidRuleException(rule.id(), "rule '" + rule.id() + "': " + e.getMessage() + where, e.position(), e);
        }
    }

    private static Set<String> prefixes(Query query) {
        Set<String> out = new TreeSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                String prefix = WildcardPresearch.literalPrefix(q);
                if (prefix != null) {
                    out.add(prefix);
                }
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return out;
    }
}
