package io.newswatch.processor.rules;

/**
 * The default rule pack on {@code rules-heldout/}: articles written and labelled from the rule descriptions,
 * independently of the queries. Do not tune on them article by article: a fix for an error seen here must be
 * a general one, checked against {@link RulePackEvaluationTest} as well.
 */
class RulePackHeldoutTest extends RulePackEvaluation {
    RulePackHeldoutTest() {
        super("rules-heldout");
    }
}
