package io.newswatch.processor.rules;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One compiled wildcard per distinct pattern, shared by every rule that uses it. A Lucene wildcard or prefix
 * query compiles its automaton when it is built (a few KB of transition tables), and desk rules repeat the same
 * few hundred wildcards ({@code dron*}, {@code recruit*}) in every language: a heap histogram at 10,000 generated
 * rules showed 5.4 automata per rule, half of the matcher's heap. Queries and interval sources are immutable, so
 * sharing them changes nothing but the heap.
 *
 * <p>Entries are held weakly: once no registered rule uses a wildcard any more, its entry goes at the next
 * collection, so hot reloads do not leak. Thread-safe.
 *
 * @param <V> what is shared (a query or an interval source)
 */
final class SharedWildcards<V> {

    /**
     * What identifies a compiled wildcard.
     *
     * @param field  the field searched, or null for an interval source (the field comes from its interval query)
     * @param prefix true for {@code literal*}, false for a general wildcard pattern
     */
    record Key(String field, String pattern, boolean prefix) {
        Key {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    private final ConcurrentHashMap<Key, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<V> collected = new ReferenceQueue<>();

    private static final class Entry<V> extends WeakReference<V> {
        final Key key;

        Entry(Key key, V value, ReferenceQueue<V> queue) {
            super(value, queue);
            this.key = key;
        }
    }

    /**
     * The shared value for this key, built with {@code build} when there is none alive. {@code build} may throw;
     * nothing is then recorded.
     */
    V get(Key key, Supplier<V> build) {
        Objects.requireNonNull(key, "key");
        expunge();
        Entry<V> e = entries.get(key);
        V v = e == null ? null : e.get();
        if (v != null) {
            return v;
        }
        V built = Objects.requireNonNull(build.get(), "build");
        while (true) {
            Entry<V> fresh = new Entry<>(key, built, collected);
            Entry<V> current = entries.putIfAbsent(key, fresh);
            if (current == null) {
                return built;
            }
            V other = current.get();
            if (other != null) {
                return other; // another thread built it first
            }
            if (entries.replace(key, current, fresh)) {
                return built;
            }
        }
    }

    /** Distinct wildcards alive (for tests and figures). */
    int size() {
        expunge();
        return entries.size();
    }

    private void expunge() {
        for (Object r; (r = collected.poll()) != null; ) {
            @SuppressWarnings("unchecked")
            Entry<V> e = (Entry<V>) r;
            entries.remove(e.key, e);
        }
    }
}
