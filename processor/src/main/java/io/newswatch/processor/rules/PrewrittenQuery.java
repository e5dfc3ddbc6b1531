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
 * compare its hits with those of the unrewritten query ({@code LUCENE_DEFAULT}). Only the rewritten query is
 * kept (the presearcher reads its terms and wildcards as well as the original's). Immutable; thread-safe.
 */
final class PrewrittenQuery extends Query {

    private static final IndexSearcher EMPTY = emptySearcher();

    private final Query rewritten;

    private PrewrittenQuery(Query rewritten) {
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
        return rewritten == query ? query : new PrewrittenQuery(rewritten);
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException("opening an empty in-memory index", e);
        }
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
}
