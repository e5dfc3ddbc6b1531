package io.newswatch.processor.rules;

import io.newswatch.model.RuleHit;
import java.util.List;
import java.util.Map;

/**
 * @param hits   rules that matched, ordered by rule id
 * @param errors rule id → reason, for rules that failed on this document
 */
public record MatchOutcome(List<RuleHit> hits, Map<String, String> errors) {
    public MatchOutcome {
        hits = List.copyOf(hits);
        errors = Map.copyOf(errors);
    }
}
