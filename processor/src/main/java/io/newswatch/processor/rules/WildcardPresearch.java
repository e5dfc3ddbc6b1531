package io.newswatch.processor.rules;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lets the presearcher skip rules whose required words are wildcards, when the article has no word with
 * their prefix. Lucene's presearcher cannot index a wildcard and so runs such a rule on every article; desk
 * rules are full of {@code dron*} and {@code recruit*}, so that would run most rules on most articles.
 *
 * <p>A wildcard with a literal prefix ({@code dron*}, {@code entren?mient*}) is indexed as the marked term
 * {@code prefix + MARK}. Each article word then also stands for its own prefixes, marked the same way, but only
 * those prefixes some registered rule uses, so an article adds a handful of terms, not every prefix of
 * every word.
 *
 * <p>Thread-safe: the prefix set is replaced, never changed, and grows before the rules that need it are
 * indexed, so a rule is never presearched with a set that lacks its prefixes. Prefixes of removed rules
 * stay (they only cost a lookup); the set is bounded by the distinct prefixes ever registered.
 */
final class WildcardPresearch implements CustomQueryHandler {

    /** Ends a marked prefix; never part of an analysed word. */
    static final char MARK = '\u0001';

    private final Object lock = new Object();
    private volatile Prefixes prefixes = new Prefixes(Set.of());

    /** An immutable set of prefixes, as strings and as a trie that an article term walks once. */
    private record Prefixes(Node trie, int maxLength, Set<String> strings) {
        Prefixes(Set<String> strings) {
            this(Node.of(strings), strings.stream().mapToInt(String::length).max().orElse(0), Set.copyOf(strings));
        }
    }

    /** A trie node: whether a prefix ends here, and the next chars (sorted) with their nodes. Immutable once built. */
    private static final class Node {
        private static final char[] NO_CHARS = new char[0];
        private static final Node[] NO_NODES = new Node[0];

        private boolean end;
        private char[] chars = NO_CHARS;
        private Node[] next = NO_NODES;

        static Node of(Set<String> strings) {
            Node root = new Node();
            for (String s : strings) {
                Node node = root;
                for (int i = 0; i < s.length(); i++) {
                    node = node.child(s.charAt(i), true);
                }
                node.end = true;
            }
            return root;
        }

        /** The child for {@code c}, or null; with {@code add}, a new child when there is none (while building). */
        Node child(char c, boolean add) {
            int i = Arrays.binarySearch(chars, c);
            if (i >= 0) {
                return next[i];
            }
            if (!add) {
                return null;
            }
            int at = -i - 1;
            Node n = new Node();
            char[] cs = new char[chars.length + 1];
            Node[] ns = new Node[next.length + 1];
            System.arraycopy(chars, 0, cs, 0, at);
            System.arraycopy(next, 0, ns, 0, at);
            cs[at] = c;
            ns[at] = n;
            System.arraycopy(chars, at, cs, at + 1, chars.length - at);
            System.arraycopy(next, at, ns, at + 1, next.length - at);
            chars = cs;
            next = ns;
            return n;
        }
    }

    /** Makes these prefixes known; call before registering the queries that use them. */
    void addPrefixes(Collection<String> more) {
        synchronized (lock) {
            Set<String> current = prefixes.strings();
            if (current.containsAll(more)) {
                return;
            }
            Set<String> all = new HashSet<>(current);
            all.addAll(more);
            prefixes = new Prefixes(all);
        }
    }

    /** The literal prefix of a wildcard query, or null when it has none usable. */
    static String literalPrefix(Query q) {
        String prefix;
        if (q instanceof PrefixQuery pq) {
            prefix = pq.getPrefix().text();
        } else if (q instanceof WildcardQuery wq) {
            String pattern = wq.getTerm().text();
            int end = 0;
            while (end < pattern.length() && "*?\\".indexOf(pattern.charAt(end)) < 0) {
                end++;
            }
            prefix = pattern.substring(0, end);
        } else {
            return null;
        }
        return prefix.length() >= QueryCompiler.MIN_WILDCARD_PREFIX ? prefix : null;
    }

    /** The field of a wildcard query handled here. */
    private static String field(Query q) {
        return ((MultiTermQuery) q).getField();
    }

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        String prefix = literalPrefix(query);
        if (prefix == null) {
            return null; // Lucene then runs the rule on every article, which is correct if slow
        }
        return QueryTree.term(new Term(field(query), prefix + MARK), weightor);
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        Prefixes p = prefixes;
        if (p.maxLength() == 0 || field.equals(ArticleFields.LANGUAGE)) {
            return in;
        }
        return new PrefixMarkFilter(in, p);
    }

    /**
     * After each article term, emits the marked registered prefixes it starts with, each once per stream, shortest
     * first: the term walks the prefixes' trie until no prefix goes on with its next char.
     */
    private static final class PrefixMarkFilter extends TokenFilter {
        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private final Prefixes prefixes;
        private final CharArraySet emitted = new CharArraySet(64, false);
        /** The term whose prefixes are being emitted, while {@code node} is not null. */
        private char[] current = new char[32];
        private int currentLength;
        /** Where the walk stands: the node reached by the first {@code walked} chars of the term; null when done. */
        private Node node;
        private int walked;

        PrefixMarkFilter(TokenStream in, Prefixes prefixes) {
            super(in);
            this.prefixes = prefixes;
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (node != null) {
                if (walked == currentLength) {
                    node = null;
                    break;
                }
                node = node.child(current[walked++], false);
                if (node != null && node.end && walked >= QueryCompiler.MIN_WILDCARD_PREFIX && !emitted.contains(current, 0, walked)) {
                    emitted.add(new String(current, 0, walked));
                    clearAttributes();
                    termAtt.copyBuffer(current, 0, walked);
                    termAtt.append(MARK);
                    return true;
                }
            }
            if (!input.incrementToken()) {
                return false;
            }
            int length = termAtt.length();
            if (length >= QueryCompiler.MIN_WILDCARD_PREFIX) {
                if (current.length < length) {
                    current = new char[Math.max(length, 2 * current.length)];
                }
                System.arraycopy(termAtt.buffer(), 0, current, 0, length);
                currentLength = length;
                node = prefixes.trie();
                walked = 0;
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            node = null;
            emitted.clear();
        }
    }
}
