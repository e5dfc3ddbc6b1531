package io.newswatch.processor.rules;

import io.newswatch.processor.analysis.Language;
import io.newswatch.processor.analysis.LanguageAnalyzer;
import io.newswatch.processor.rules.QueryNode.Bool;
import io.newswatch.processor.rules.QueryNode.Boost;
import io.newswatch.processor.rules.QueryNode.Clause;
import io.newswatch.processor.rules.QueryNode.Exact;
import io.newswatch.processor.rules.QueryNode.Near;
import io.newswatch.processor.rules.QueryNode.Phrase;
import io.newswatch.processor.rules.QueryNode.Scope;
import io.newswatch.processor.rules.QueryNode.Wildcard;
import io.newswatch.processor.rules.QueryNode.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns a parsed query into the Lucene query for one language: words go through that language's query
 * analyzer into the language's fields ({@link ArticleFields}); NEAR and ONEAR become interval queries.
 *
 * <p>Thread-safe: holds only analyzers.
 */
final class QueryCompiler {

    /**
     * How many different article words one wildcard inside NEAR may stand for. Beyond it the rule fails for
     * that article (reported by rule id); with two leading letters required, news text never gets there.
     */
    static final int MAX_WILDCARD_EXPANSIONS = 1024;
    /** Letters a wildcard must start with: {@code d*} would stand for a good part of the dictionary. */
    static final int MIN_WILDCARD_PREFIX = 2;
    /**
     * Clauses one language's query may expand to: twice Lucene's default limit, as a rule covering one topic in
     * five languages, with word lists per language, passes 1,024. An article of unknown language runs several
     * languages' parts at once, so the matcher raises Lucene's own limit to this times the languages
     * ({@link LuceneRuleMatcher}).
     */
    static final int MAX_CLAUSES_PER_LANGUAGE = 2048;

    private final Map<Language, LanguageAnalyzer> analyzers = new EnumMap<>(Language.class);
    /** Wildcard queries, one per field and pattern for all rules (see {@link SharedWildcards}). */
    private final SharedWildcards<Query> wildcardQueries = new SharedWildcards<>();
    /** Wildcards inside NEAR, one per pattern for all rules and languages (an interval source has no field). */
    private final SharedWildcards<IntervalsSource> wildcardIntervals = new SharedWildcards<>();

    QueryCompiler() {
        for (Language l : Language.values()) {
            analyzers.put(l, LanguageAnalyzer.forQuery(l));
        }
    }

    /**
     * The Lucene query of one language.
     *
     * @param languageSpecific false when it only searches entity ids, which carry no language
     */
    record Compiled(Query query, boolean languageSpecific) {
    }

    /**
     * Compiles a parsed query for one language.
     *
     * @throws QuerySyntaxException if the query has no searchable words, or a part cannot be built
     */
    Compiled compile(QueryNode root, Language language) throws QuerySyntaxException {
        Build b = new Build(language, analyzers.get(language), wildcardQueries, wildcardIntervals);
        Query q = b.query(root, true);
        if (q == null) {
            throw new QuerySyntaxException("the query has no searchable words", root.position());
        }
        int clauses = countClauses(q);
        if (clauses > MAX_CLAUSES_PER_LANGUAGE) {
            throw new QuerySyntaxException("the query has " + clauses + " clauses per language; the limit is "
                    + MAX_CLAUSES_PER_LANGUAGE + " (split it into several rules)", -1);
        }
        return new Compiled(q, b.languageSpecific);
    }

    private static int countClauses(Query q) {
        int[] count = new int[1];
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query query) {
                count[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return count[0];
    }

    /** One compilation: not shared between threads. */
    private static final class Build {
        private final Language language;
        private final LanguageAnalyzer analyzer;
        private final SharedWildcards<Query> wildcardQueries;
        private final SharedWildcards<IntervalsSource> wildcardIntervals;
        private boolean languageSpecific;

        Build(Language language, LanguageAnalyzer analyzer, SharedWildcards<Query> wildcardQueries,
              SharedWildcards<IntervalsSource> wildcardIntervals) {
            this.language = language;
            this.analyzer = analyzer;
            this.wildcardQueries = wildcardQueries;
            this.wildcardIntervals = wildcardIntervals;
        }

        private String field(Scope scope) {
            languageSpecific |= scope != Scope.ENTITY;
            return switch (scope) {
                case TEXT -> ArticleFields.text(language);
                case TITLE -> ArticleFields.title(language);
                case ENTITY -> ArticleFields.ENTITY;
            };
        }

        /** @return the query, or null when the part has no searchable words (e.g. only punctuation) */
        Query query(QueryNode node, boolean top) throws QuerySyntaxException {
            return switch (node) {
                case Word w -> word(w);
                case Exact e -> new TermQuery(new Term(field(e.scope()), exact(e)));
                case Wildcard w -> wildcard(w);
                case Phrase p -> phrase(p);
                case Bool b -> bool(b, top);
                case Near n -> new IntervalQuery(field(n.scope()), near(n));
                case Boost b -> {
                    Query inner = query(b.node(), top);
                    yield inner == null ? null : new BoostQuery(inner, b.boost());
                }
            };
        }

        private Query word(Word w) {
            if (w.scope() == Scope.ENTITY) {
                return new TermQuery(new Term(field(Scope.ENTITY), ArticleFields.entityId(w.text())));
            }
            String field = field(w.scope());
            List<Token> tokens = analyze(field, w.text());
            if (tokens.isEmpty()) {
                return null;
            }
            if (tokens.size() == 1) {
                return new TermQuery(new Term(field, tokens.get(0).term));
            }
            return phraseQuery(field, tokens, 0);
        }

        private Query phrase(Phrase p) {
            String field = field(p.scope());
            List<Token> tokens = analyze(field, p.text());
            if (tokens.isEmpty()) {
                return null;
            }
            if (tokens.size() == 1) {
                return new TermQuery(new Term(field, tokens.get(0).term));
            }
            return phraseQuery(field, tokens, p.slop());
        }

        /** The folded, unstemmed form: what the index holds beside each stem. */
        private String exact(Exact e) {
            return analyzer.normalize(field(e.scope()), e.text()).utf8ToString();
        }

        private static Query phraseQuery(String field, List<Token> tokens, int slop) {
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            for (Token t : tokens) {
                pb.add(new Term(field, t.term), t.position);
            }
            pb.setSlop(slop);
            return pb.build();
        }

        private Query wildcard(Wildcard w) throws QuerySyntaxException {
            String field = field(w.scope());
            String pattern = w.scope() == Scope.ENTITY ? ArticleFields.entityId(w.pattern()) : normalize(field, w.pattern(), w.position());
            String prefix = prefixOnly(pattern);
            Term term = new Term(field, prefix != null ? prefix : pattern);
            try {
                return wildcardQueries.get(new SharedWildcards.Key(field, term.text(), prefix != null),
                        () -> prefix != null ? new PrefixQuery(term) : new WildcardQuery(term));
            } catch (TooComplexToDeterminizeException e) {
                throw tooComplex(w);
            }
        }

        private static QuerySyntaxException tooComplex(Wildcard w) {
            return new QuerySyntaxException("the wildcard '" + w.pattern() + "' at position " + w.position()
                    + " is too complex to match (use fewer '*' and '?')", w.position());
        }

        private Query bool(Bool b, boolean top) throws QuerySyntaxException {
            BooleanQuery.Builder bq = new BooleanQuery.Builder();
            int positive = 0;
            int added = 0;
            Query single = null;
            for (Clause c : b.clauses()) {
                Query q = query(c.node(), false);
                if (q == null) {
                    continue;
                }
                bq.add(q, c.occur());
                added++;
                if (c.occur() != Occur.MUST_NOT) {
                    positive++;
                    single = q;
                }
            }
            if (added == 0) {
                return null;
            }
            if (positive == 0) {
                if (top) {
                    throw new QuerySyntaxException("the query only excludes (NOT or -); say what it should find, as in"
                            + " drone* AND NOT show", b.position());
                }
                // A purely negative group inside a larger query means "everything except": Lucene needs the "everything".
                bq.add(new MatchAllDocsQuery(), Occur.MUST);
            }
            if (added == 1 && positive == 1) {
                return single;
            }
            return bq.build();
        }

        private IntervalsSource near(Near n) throws QuerySyntaxException {
            List<IntervalsSource> args = new ArrayList<>();
            for (QueryNode arg : n.arguments()) {
                IntervalsSource s = intervals(arg);
                if (s == null) {
                    throw new QuerySyntaxException("the argument at position " + arg.position() + " of "
                            + (n.ordered() ? "ONEAR" : "NEAR") + " has no searchable words", arg.position());
                }
                args.add(s);
            }
            IntervalsSource[] a = args.toArray(IntervalsSource[]::new);
            return Intervals.maxgaps(n.distance(), n.ordered() ? Intervals.ordered(a) : Intervals.unordered(a));
        }

        /** The parser has checked that only positional parts appear inside NEAR. */
        private IntervalsSource intervals(QueryNode node) throws QuerySyntaxException {
            return switch (node) {
                case Word w -> {
                    List<Token> tokens = analyze(field(w.scope()), w.text());
                    yield tokens.isEmpty() ? null : sequence(tokens, 0);
                }
                case Exact e -> Intervals.term(exact(e));
                case Phrase p -> {
                    List<Token> tokens = analyze(field(p.scope()), p.text());
                    yield tokens.isEmpty() ? null : sequence(tokens, p.slop());
                }
                case Wildcard w -> {
                    String field = field(w.scope());
                    String pattern = normalize(field, w.pattern(), w.position());
                    String prefix = prefixOnly(pattern);
                    BytesRef bytes = new BytesRef(prefix != null ? prefix : pattern);
                    Term term = new Term(field, bytes);
                    try {
                        // The query beside the source is only for the presearcher to read the prefix: per field.
                        Query leaf = wildcardQueries.get(new SharedWildcards.Key(field, term.text(), prefix != null),
                                () -> prefix != null ? new PrefixQuery(term) : new WildcardQuery(term));
                        IntervalsSource source = wildcardIntervals.get(new SharedWildcards.Key(null, term.text(), prefix != null),
                                () -> prefix != null ? Intervals.prefix(bytes, MAX_WILDCARD_EXPANSIONS) : Intervals.wildcard(bytes, MAX_WILDCARD_EXPANSIONS));
                        yield new WildcardIntervals(source, (MultiTermQuery) leaf);
                    } catch (TooComplexToDeterminizeException e) {
                        throw tooComplex(w);
                    }
                }
                case Bool b -> {
                    List<IntervalsSource> alternatives = new ArrayList<>();
                    for (Clause c : b.clauses()) {
                        IntervalsSource s = intervals(c.node());
                        if (s != null) {
                            alternatives.add(s);
                        }
                    }
                    // Not rewritten: Lucene would otherwise pull every alternative up into its own copy of the
                    // enclosing NEAR, one copy per combination of alternatives, which for word groups of desk
                    // rules runs into the tens of thousands. Alternatives of one word need no rewrite; see
                    // the package documentation for the rare miss with alternatives of different lengths.
                    yield alternatives.isEmpty() ? null
                            : alternatives.size() == 1 ? alternatives.get(0) : Intervals.or(false, alternatives);
                }
                case Near n -> near(n);
                case Boost b -> throw new QuerySyntaxException("boosts are not allowed inside NEAR", b.position());
            };
        }

        private static IntervalsSource sequence(List<Token> tokens, int slop) {
            if (tokens.size() == 1) {
                return Intervals.term(tokens.get(0).term);
            }
            IntervalsSource[] terms = new IntervalsSource[tokens.size()];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = Intervals.term(tokens.get(i).term);
            }
            return slop == 0 ? Intervals.phrase(terms) : Intervals.maxgaps(slop, Intervals.ordered(terms));
        }

        private String normalize(String field, String pattern, int position) throws QuerySyntaxException {
            String folded = analyzer.normalize(field, pattern).utf8ToString();
            int literal = 0;
            while (literal < folded.length() && folded.charAt(literal) != '*' && folded.charAt(literal) != '?') {
                literal += folded.charAt(literal) == '\\' ? 2 : 1;
            }
            if (literal < MIN_WILDCARD_PREFIX) {
                throw new QuerySyntaxException("the wildcard '" + pattern + "' at position " + position + " must start with at least "
                        + MIN_WILDCARD_PREFIX + " letters", position);
            }
            return folded;
        }

        private List<Token> analyze(String field, String text) {
            List<Token> tokens = new ArrayList<>();
            try (TokenStream ts = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                int position = -1;
                while (ts.incrementToken()) {
                    position += inc.getPositionIncrement();
                    tokens.add(new Token(term.toString(), position));
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException("analysing a query string in memory", e);
            }
            return tokens;
        }
    }

    private record Token(String term, int position) {
    }

    /**
     * @return the literal part when the pattern is {@code literal*} with no other wildcard, else null
     */
    static String prefixOnly(String pattern) {
        if (!pattern.endsWith("*") || pattern.endsWith("\\*")) {
            return null;
        }
        String head = pattern.substring(0, pattern.length() - 1);
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '\\') {
                return null; // keep escaped literals on the general wildcard path
            }
            if (c == '*' || c == '?') {
                return null;
            }
        }
        return head;
    }

    /** Languages a rule is compiled for: its own, or all of them when it names none. */
    static List<Language> languagesOf(WatchRule rule) throws QuerySyntaxException {
        if (rule.languages().isEmpty()) {
            return List.of(Language.values());
        }
        List<Language> out = new ArrayList<>();
        for (String code : rule.languages()) {
            Language l = Language.fromCode(code).orElse(null);
            if (l == null || !code.equals(code.toLowerCase(Locale.ROOT).strip()) || code.length() != 2) {
                throw new QuerySyntaxException("unsupported language '" + code + "'; supported are " + String.join(", ", codes()), -1);
            }
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    private static String[] codes() {
        Language[] all = Language.values();
        String[] codes = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            codes[i] = all[i].code();
        }
        return codes;
    }
}
