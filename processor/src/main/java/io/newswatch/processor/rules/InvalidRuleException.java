package io.newswatch.processor.rules;

/** A rule that cannot be compiled. The message names the rule id (and file and query position when known). */
public class InvalidRuleException extends Exception {
    private final String ruleId;

    public InvalidRuleException(String ruleId, String message, Throwable cause) {
        super(message, cause);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
