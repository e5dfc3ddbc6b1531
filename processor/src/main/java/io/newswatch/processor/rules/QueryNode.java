package io.newswatch.processor.rules;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * The parsed form of a rule query, before analysis: what the author wrote, with the character position of
 * each part so errors can point at it. Language-independent; {@link QueryCompiler} turns it into one Lucene
 * query per language. Immutable.
 */
sealed interface QueryNode {

    /** Offset in the query string of the first character of this part. */
    int position();

    /** Which part of an article a query part searches. */
    enum Scope {
        /** Title and text (the default). */
        TEXT("text"),
        /** The title only. */
        TITLE("title"),
        /** The ids of the entities found in the article. */
        ENTITY("entity");

        private final String fieldName;

        Scope(String fieldName) {
            this.fieldName = fieldName;
        }

        /** The name written before {@code :} in a query. */
        String fieldName() {
            return fieldName;
        }

        static Scope forFieldName(String name) {
            for (Scope s : values()) {
                if (s.fieldName.equals(name)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** A word; the analyzer may split it (e.g. {@code ex-soldier}), then it is searched as a phrase. */
    record Word(Scope scope, String text, int position) implements QueryNode {
    }

    /**
     * A word written {@code =word}: matched as written (folded, not stemmed), so {@code =attacked} does not
     * find "attack". The index keeps stems beside the written forms, so it may also find a word whose stem is
     * spelled exactly like it.
     */
    record Exact(Scope scope, String text, int position) implements QueryNode {
    }

    /**
     * A word with {@code *} or {@code ?}: matched against the folded, unstemmed words of the article.
     *
     * @param pattern in Lucene wildcard syntax: escaped characters keep their backslash
     */
    record Wildcard(Scope scope, String pattern, int position) implements QueryNode {
    }

    /** Quoted words in order, at most {@code slop} moves apart. */
    record Phrase(Scope scope, String text, int slop, int position) implements QueryNode {
    }

    /** A boolean combination: {@code SHOULD} clauses are alternatives when there is no {@code MUST}. */
    record Bool(List<Clause> clauses, int position) implements QueryNode {
        public Bool {
            clauses = List.copyOf(clauses);
        }
    }

    record Clause(Occur occur, QueryNode node) {
    }

    /** All arguments within {@code distance} other words of each other, in order when {@code ordered}. */
    record Near(Scope scope, boolean ordered, int distance, List<QueryNode> arguments, int position) implements QueryNode {
        public Near {
            arguments = List.copyOf(arguments);
        }
    }

    record Boost(QueryNode node, float boost, int position) implements QueryNode {
    }
}
