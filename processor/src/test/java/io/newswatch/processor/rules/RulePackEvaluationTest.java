package io.newswatch.processor.rules;

/**
 * The articles the default rule pack was written and tuned against ({@code rules-eval/}): every rule must
 * reach 0.9 precision and recall.
 */
class RulePackEvaluationTest extends RulePackEvaluation {
    RulePackEvaluationTest() {
        super("/rules-eval", 0.9, 0.9);
    }
}
