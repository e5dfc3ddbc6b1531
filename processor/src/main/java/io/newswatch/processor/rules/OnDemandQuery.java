package io.newswatch.processor.rules;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * What the monitor holds of a rule: the rule itself, with its Lucene query built when it is needed and kept in
 * a bounded {@link Cache} shared by all rules. A compiled rule is a tree of Lucene objects (boolean queries
 * with their clause sets, terms, phrases) of several KB, per language; a monitoring service holding a hundred
 * thousand rules runs only a few thousand of them often (the rules on popular names and topics), so those stay
 * compiled and the others are compiled again, from their text, on the rare article that makes them a
 * candidate. Immutable; thread-safe.
 */
final class OnDemandQuery extends Query {

    /**
     * Least recently used compiled queries, at most {@code capacity}; each is built from its rule, which
     * compiled when it was registered. Thread-safe.
     */
    static final class Cache {
        private final LinkedHashMap<String, Query> queries;

        Cache(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
            }
            this.queries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) {
                    return size() > capacity;
                }
            };
        }

        /** Records a query just compiled, so registering a rule does not compile it twice. */
        synchronized void put(String monitorId, Query query) {
            queries.put(monitorId, query);
        }

        Query get(String monitorId, WatchRule rule) {
            synchronized (this) {
                Query q = queries.get(monitorId);
                if (q != null) {
                    return q;
                }
            }
            Query built;
            try {
                built = RuleCompiler.compile(rule).query(); // outside the lock: other threads go on matching
            } catch (InvalidRuleException e) {
                // It compiled when registered, with the same code and text: only a broken invariant gets here.
                throw new IllegalStateException("rule '" + rule.id() + "' compiled when registered but not now: " + e.getMessage(), e);
            }
            synchronized (this) {
                Query raced = queries.putIfAbsent(monitorId, built);
                return raced != null ? raced : built;
            }
        }

        /** Compiled queries held now. */
        synchronized int size() {
            return queries.size();
        }
    }

    private final String monitorId;
    private final WatchRule rule;
    private final Cache cache;

    OnDemandQuery(String monitorId, WatchRule rule, Cache cache) {
        this.monitorId = Objects.requireNonNull(monitorId, "monitorId");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** The rule's Lucene query, from the cache or compiled now. */
    Query compiled() {
        return cache.get(monitorId, rule);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        return compiled();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        compiled().visit(visitor);
    }

    @Override
    public String toString(String field) {
        return "OnDemand(" + monitorId + ": " + rule.query() + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && monitorId.equals(((OnDemandQuery) other).monitorId);
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + monitorId.hashCode();
    }
}
