package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One watch rule that fired on an article.
 *
 * @param id       rule id, e.g. {@code drone-training}
 * @param version  the rule version that produced the hit (content hash of its definition)
 * @param score    relevance score from the matcher; higher is stronger, comparable only within one rule
 * @param severity the rule's severity ({@code low}, {@code medium}, {@code high}, {@code critical})
 * @param snippets sentences holding the matched terms, in text order
 * @param shadow   whether the rule is a shadow rule: its alerts notify no channel (written only when true)
 */
public record RuleHit(String id, String version, double score, String severity, List<Snippet> snippets,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean shadow) {
    public RuleHit {
        Validate.notBlank(id, "id");
        snippets = snippets == null ? List.of() : List.copyOf(snippets);
    }

    /** A hit of a rule that is not a shadow rule. */
    public RuleHit(String id, String version, double score, String severity, List<Snippet> snippets) {
        this(id, version, score, severity, snippets, false);
    }
}
