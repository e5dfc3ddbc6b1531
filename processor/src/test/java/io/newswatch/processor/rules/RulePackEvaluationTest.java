package io.newswatch.processor.rules;

/**
 * The default rule pack on {@code rules-eval/}: the invented articles the rules were tuned on. Good figures
 * here show the rules do what they were written for; {@link RulePackHeldoutTest} shows how far that carries.
 */
class RulePackEvaluationTest extends RulePackEvaluation {
    RulePackEvaluationTest() {
        super("rules-eval");
    }
}
