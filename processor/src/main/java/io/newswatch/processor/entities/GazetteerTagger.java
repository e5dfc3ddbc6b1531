package io.newswatch.processor.entities;

import io.newswatch.model.EntityMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the names of a {@link Gazetteer}'s entities in text, accent- and case-insensitively and only on word
 * boundaries.
 *
 * <p>Aliases are compiled into a trie over {@linkplain TextFolder#matchKey folded word keys}, so a text is
 * tokenised once and each token starts at most one walk down the trie: the cost is linear in the text times the
 * longest alias (in words), whatever the number of aliases. Where names overlap the leftmost, then longest one
 * wins and matching resumes after it, so "Cártel de Sinaloa" is the cartel, not the state. Case-sensitive
 * aliases additionally require each text word to start with the alias word as written (accents still fold).
 *
 * <p>Immutable after construction and thread-safe.
 */
public final class GazetteerTagger implements EntityTagger {
    private final Gazetteer gazetteer;
    private final Node root = new Node();

    /** A trie node: the next words, and the alias that ends here, if any. */
    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        Gazetteer.CompiledAlias alias;
    }

    /**
     * Compiles the gazetteer's aliases.
     *
     * @param gazetteer the entities to find; not modified
     */
    public GazetteerTagger(Gazetteer gazetteer) {
        if (gazetteer == null) {
            throw new IllegalArgumentException("gazetteer must not be null");
        }
        this.gazetteer = gazetteer;
        for (Gazetteer.CompiledAlias alias : gazetteer.compiledAliases()) {
            Node node = root;
            for (String key : alias.keys()) {
                node = node.next.computeIfAbsent(key, k -> new Node());
            }
            // The gazetteer rejects two entities claiming the same words, so at most one alias ends at a node.
            node.alias = alias;
        }
    }

    /** The gazetteer this tagger matches. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /**
     * Every entity name in {@code text}, leftmost-longest and non-overlapping, in text order.
     *
     * @param text any text; {@code null} is treated as empty
     */
    public List<EntityOccurrence> find(String text) {
        List<EntityOccurrence> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        List<FoldedToken> tokens = TextFolder.tokens(text);
        int n = tokens.size();
        String[] keys = new String[n];
        for (int k = 0; k < n; k++) {
            keys[k] = TextFolder.matchKey(tokens.get(k).text());
        }
        int i = 0;
        while (i < n) {
            Node node = root;
            int bestEnd = -1;
            Gazetteer.CompiledAlias best = null;
            for (int j = i; j < n; j++) {
                node = node.next.get(keys[j]);
                if (node == null) {
                    break;
                }
                if (node.alias != null && caseMatches(node.alias, text, tokens, i)) {
                    bestEnd = j;
                    best = node.alias;
                }
            }
            if (best == null) {
                i++;
            } else {
                out.add(new EntityOccurrence(best.entity(), tokens.get(i).start(), tokens.get(bestEnd).end()));
                i = bestEnd + 1;
            }
        }
        return out;
    }

    private static boolean caseMatches(Gazetteer.CompiledAlias alias, String text, List<FoldedToken> tokens, int from) {
        if (alias.caseForms() == null) {
            return true;
        }
        for (int k = 0; k < alias.caseForms().size(); k++) {
            FoldedToken t = tokens.get(from + k);
            String written = TextFolder.caseForm(text.substring(t.start(), t.end()));
            if (!written.startsWith(alias.caseForms().get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Entities named in title and text, with how often. Ordered by count (descending), then id.
     *
     * @param title the headline; {@code null} is treated as empty
     * @param text  the body; {@code null} is treated as empty
     */
    @Override
    public List<EntityMention> tag(String title, String text) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Entity> entities = new HashMap<>();
        for (String field : new String[] {title, text}) {
            for (EntityOccurrence o : find(field)) {
                counts.computeIfAbsent(o.entity().id(), id -> new int[1])[0]++;
                entities.putIfAbsent(o.entity().id(), o.entity());
            }
        }
        List<EntityMention> out = new ArrayList<>(counts.size());
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Entity entity = entities.get(e.getKey());
            out.add(new EntityMention(entity.id(), entity.type().yamlName(), entity.name(), e.getValue()[0]));
        }
        out.sort(Comparator.comparingInt(EntityMention::count).reversed().thenComparing(EntityMention::id));
        return out;
    }
}
