package io.newswatch.processor.rules;

import io.newswatch.processor.analysis.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;

/**
 * A rule's query as one query per language, of which an article only ever runs those of the languages it is
 * analysed in. To the presearcher it shows itself as the OR of all parts (so it is indexed by every language's
 * words, as one entry of the monitor); when it is run on an article, {@link #rewrite} reads the article's
 * languages from the {@link ArticleFields#LANGUAGE} field and becomes just their parts. An English article
 * thus neither rewrites nor builds weights for the Spanish, Portuguese, Ukrainian and Russian parts of a
 * rule written for all five, which a plain OR did on every candidate. Immutable; thread-safe.
 */
final class PerLanguageQuery extends Query {

    /** Each language's code as the {@link ArticleFields#LANGUAGE} field holds it. */
    private static final BytesRef[] CODES = new BytesRef[Language.values().length];

    static {
        for (Language l : Language.values()) {
            CODES[l.ordinal()] = new BytesRef(l.code());
        }
    }

    private final Map<Language, Query> parts;
    private final int hash;
    /** The parts' languages and queries, in language order. */
    private final Language[] languages;
    private final Query[] queries;
    /** For each part, the first part equal to it: a search runs one of equal parts only. */
    private final int[] firstEqual;

    /** @param parts the query of each language of the rule; at least one */
    PerLanguageQuery(Map<Language, Query> parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a rule needs the query of at least one language");
        }
        this.parts = new EnumMap<>(parts);
        this.hash = classHash() * 31 + this.parts.hashCode();
        int n = this.parts.size();
        this.languages = this.parts.keySet().toArray(new Language[0]);
        this.queries = this.parts.values().toArray(new Query[0]);
        this.firstEqual = new int[n];
        for (int i = 0; i < n; i++) {
            int first = i;
            for (int j = 0; j < i; j++) {
                if (queries[j].equals(queries[i])) {
                    first = j;
                    break;
                }
            }
            firstEqual[i] = first;
        }
    }

    /** The part of each language. */
    Map<Language, Query> parts() {
        return Map.copyOf(parts);
    }

    /**
     * The parts of the article's languages, each once: one of several equal parts (compared when the rule was
     * compiled, not on every article) is the part of the first of their languages the article is in.
     */
    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        List<Query> present = new ArrayList<>(1);
        boolean[] taken = null;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms articleLanguages = leaf.reader().terms(ArticleFields.LANGUAGE);
            if (articleLanguages == null) {
                continue;
            }
            TermsEnum te = articleLanguages.iterator();
            for (int i = 0; i < queries.length; i++) {
                if ((taken == null || !taken[firstEqual[i]]) && te.seekExact(CODES[languages[i].ordinal()])) {
                    if (taken == null) {
                        taken = new boolean[queries.length];
                    }
                    taken[firstEqual[i]] = true;
                    present.add(queries[i]);
                }
            }
        }
        if (present.isEmpty()) {
            return new MatchNoDocsQuery("the article is in none of the rule's languages");
        }
        if (present.size() == 1) {
            return present.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query q : present) {
            any.add(q, Occur.SHOULD);
        }
        return any.build();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor any = visitor.getSubVisitor(Occur.SHOULD, this);
        for (Query q : parts.values()) {
            q.visit(any);
        }
    }

    @Override
    public String toString(String field) {
        StringBuilder sb = new StringBuilder("PerLanguage(");
        parts.forEach((l, q) -> sb.append(l.code()).append(": ").append(q.toString(field)).append("; "));
        sb.setLength(sb.length() - 2);
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && parts.equals(((PerLanguageQuery) other).parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
