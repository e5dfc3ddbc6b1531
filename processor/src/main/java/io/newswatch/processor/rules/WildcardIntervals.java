package io.newswatch.processor.rules;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.intervals.IntervalIterator;
import org.apache.lucene.queries.intervals.IntervalMatchesIterator;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;

/**
 * A wildcard inside NEAR. Matches exactly like the Lucene source it wraps, but shows itself to query visitors
 * as the equivalent {@link MultiTermQuery}: Lucene's own wildcard sources present the whole interval query
 * instead, which leaves the presearcher no way to read the prefix ({@link WildcardPresearch}). Immutable.
 */
final class WildcardIntervals extends IntervalsSource {
    private final IntervalsSource delegate;
    private final MultiTermQuery leaf;

    WildcardIntervals(IntervalsSource delegate, MultiTermQuery leaf) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.leaf = Objects.requireNonNull(leaf, "leaf");
    }

    @Override
    public IntervalIterator intervals(String field, LeafReaderContext ctx) throws IOException {
        return delegate.intervals(field, ctx);
    }

    @Override
    public IntervalMatchesIterator matches(String field, LeafReaderContext ctx, int doc) throws IOException {
        return delegate.matches(field, ctx, doc);
    }

    @Override
    public void visit(String field, QueryVisitor visitor) {
        leaf.visit(visitor);
    }

    @Override
    public int minExtent() {
        return delegate.minExtent();
    }

    @Override
    public Collection<IntervalsSource> pullUpDisjunctions() {
        return List.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WildcardIntervals w && w.delegate.equals(delegate);
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
