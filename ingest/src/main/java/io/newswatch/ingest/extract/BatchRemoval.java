package io.newswatch.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes many nodes from a tree at once. Removing nodes one by one renumbers the siblings that follow
 * each of them, which on a page with thousands of siblings to drop (ad slots, comment stubs) takes time
 * quadratic in their number; here each parent's child list is rebuilt once.
 *
 * <p>Not thread-safe; one instance per pass.
 */
final class BatchRemoval {

    /** Below this many removals under one parent, plain removal is cheaper than a rebuild. */
    private static final int REBUILD_FROM = 8;

    private final Map<Element, List<Node>> byParent = new IdentityHashMap<>();

    /** Marks {@code node} for removal; a node without parent is ignored. */
    void add(Node node) {
        if (node.parent() instanceof Element parent) {
            byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(node);
        }
    }

    /** Removes every marked node from its parent, and forgets them. */
    void apply() {
        for (Map.Entry<Element, List<Node>> e : byParent.entrySet()) {
            Element parent = e.getKey();
            List<Node> doomed = e.getValue();
            if (doomed.size() < REBUILD_FROM) {
                doomed.forEach(Node::remove);
                continue;
            }
            Set<Node> gone = Collections.newSetFromMap(new IdentityHashMap<>());
            gone.addAll(doomed);
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (Node child : parent.childNodes()) {
                if (!gone.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        }
        byParent.clear();
    }
}
