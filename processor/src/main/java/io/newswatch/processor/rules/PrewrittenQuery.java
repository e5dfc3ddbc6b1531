package io.newswatch.processor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * A rule's query for one language, rewritten once when the rule is compiled instead of on every article that
 * makes it a candidate. Lucene rewrites a query before each search, and a boolean query's rewrite walks, rebuilds
 * and hashes every clause even when nothing changes: a profile at 10,000 rules showed it at a quarter of the
 * matching thread, most of it for the few portfolio rules of hundreds of names that are candidates on most
 * articles. The rewrites of the queries a rule compiles to (boolean, term, phrase, wildcard, interval) do not
 * depend on the index, so rewriting against an empty one gives the query every article would get; the tests
 * compare its hits with those of the unrewritten query ({@code LUCENE_DEFAULT}). Only the rewritten query is
 * kept (the presearcher reads its terms and wildcards as well as the original's).
 *
 * <p>Every part is wrapped, also one that rewrites to itself: a boolean query that does not change still costs a
 * walk over its clauses in each search's rewrite.
 *
 * <p>After rewriting, a search walks the whole query once more to count its clauses against
 * {@link IndexSearcher#getMaxClauseCount()} (a visit that reaches every term and wildcard automaton). The clauses
 * of the rewritten query are counted here, once, as that check counts them, and a search rewrites this query to
 * its {@linkplain #rewrite run form}, which reports the same count to the check without the walk: the check fails
 * or passes exactly as before. Immutable; thread-safe.
 */
final class PrewrittenQuery extends Query {

    private static final IndexSearcher EMPTY = emptySearcher();

    private final Query rewritten;
    private final Run run;

    private PrewrittenQuery(Query rewritten) {
        this.rewritten = rewritten;
        this.run = new Run(rewritten, countClauses(rewritten));
    }

    /** The query rewritten once. */
    static PrewrittenQuery of(Query query) {
        Objects.requireNonNull(query, "query");
        Query rewritten;
        try {
            rewritten = EMPTY.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting a rule's query in memory", e);
        }
        return new PrewrittenQuery(rewritten);
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException("opening an empty in-memory index", e);
        }
    }

    /**
     * The leaves of a query as {@link IndexSearcher#rewrite(Query)} counts them: one per leaf query, per call with
     * terms and per wildcard, below every clause, prohibited ones included.
     */
    static int countClauses(Query query) {
        int[] count = new int[1];
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0]++;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** The query a search runs: see {@link Run}. */
    @Override
    public Query rewrite(IndexSearcher searcher) {
        return run;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return rewritten.createWeight(searcher, scoreMode, boost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        rewritten.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return rewritten.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && rewritten.equals(((PrewrittenQuery) other).rewritten);
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + rewritten.hashCode();
    }

    /**
     * The rewritten query as a search runs it, after {@link IndexSearcher#rewrite(Query)}: its weight is the
     * rewritten query's, and to a visitor it shows itself as its counted clauses, each a leaf, which is all that
     * search's clause check reads. Only a search sees this form; the presearcher and everything else visit the
     * {@link PrewrittenQuery}, which shows the whole tree.
     */
    private static final class Run extends Query {
        private final Query rewritten;
        private final int clauses;
        private int hash;

        Run(Query rewritten, int clauses) {
            this.rewritten = rewritten;
            this.clauses = clauses;
        }

        @Override
        public Query rewrite(IndexSearcher searcher) {
            return this;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            return rewritten.createWeight(searcher, scoreMode, boost);
        }

        @Override
        public void visit(QueryVisitor visitor) {
            for (int i = 0; i < clauses; i++) {
                visitor.visitLeaf(this);
            }
        }

        @Override
        public String toString(String field) {
            return rewritten.toString(field);
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && rewritten.equals(((Run) other).rewritten);
        }

        @Override
        public int hashCode() {
            int h = hash;
            if (h == 0) {
                h = classHash() * 31 + rewritten.hashCode(); // a boolean of several parts hashes its clauses
                hash = h;
            }
            return h;
        }
    }
}
