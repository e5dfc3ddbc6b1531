package io.newswatch.processor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A rule's query for one language, rewritten once when the rule is compiled instead of on every article that
 * makes it a candidate. Lucene rewrites a query before each search, and a boolean query's rewrite walks, rebuilds
 * and hashes every clause even when nothing changes: a profile at 10,000 rules showed it at a quarter of the
 * matching thread, most of it for the few portfolio rules of hundreds of names that are candidates on most
 * articles. The rewrites of the queries a rule compiles to (boolean, term, phrase, wildcard, interval) do not
 * depend on the index, so rewriting against an empty one gives the query every article would get; the tests
 * compare its hits with those of the unrewritten query ({@code LUCENE_DEFAULT}). Immutable; thread-safe.
 */
final class PrewrittenQuery extends Query {

    private static final IndexSearcher EMPTY = emptySearcher();

    private final Query original;
    private final Query rewritten;

    private PrewrittenQuery(Query original, Query rewritten) {
        this.original = original;
        this.rewritten = rewritten;
    }

    /** The query rewritten once; a query that rewrites to itself is returned as it is. */
    static Query of(Query query) {
        Objects.requireNonNull(query, "query");
        Query rewritten;
        try {
            rewritten = EMPTY.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting a rule's query in memory", e);
        }
        return rewritten == query ? query : new PrewrittenQuery(query, rewritten);
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException("opening an empty in-memory index", e);
        }
    }

    /** The query as compiled, before the rewrite. */
    static Query original(Query query) {
        return query instanceof PrewrittenQuery p ? p.original : query;
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
        original.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return original.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && original.equals(((PrewrittenQuery) other).original);
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + original.hashCode();
    }
}
