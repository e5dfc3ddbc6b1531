package io.newswatch.processor.rules;

import java.util.Collection;

/**
 * Matches articles against a set of watch rules. The rule set can change while matching runs (hot reload):
 * {@link #register} and {@link #remove} are safe to call from another thread than {@link #match}.
 *
 * <p>A rule that fails at match time is reported in {@link MatchOutcome#errors()} by rule id while the other
 * rules' hits still come back.
 */
public interface RuleMatcher extends AutoCloseable {

    /**
     * Adds the rules, replacing any with the same id. All-or-nothing: if any rule is invalid, none is registered.
     *
     * @throws InvalidRuleException naming the rule id and the position of the error in its query
     */
    void register(Collection<WatchRule> rules) throws InvalidRuleException;

    /** Removes the rule with this id; no-op when absent. */
    void remove(String ruleId);

    /** The rules currently registered, by id order. */
    Collection<WatchRule> rules();

    /** Matches one document. Never throws for a single bad rule; see {@link MatchOutcome#errors()}. */
    MatchOutcome match(MatchInput input);

    @Override
    void close();
}
