package io.newswatch.processor.rules;

/**
 * A rule that cannot be compiled. The message names the rule id (and file and query position when known);
 * {@link #position()} gives the character offset in the query on its own.
 */
public class InvalidRuleException extends Exception {
    private final String ruleId;
    private final int position;

    public InvalidRuleException(String ruleId, String message, Throwable cause) {
        this(ruleId, message, -1, cause);
    }

    /**
     * @param position character offset of the error in the rule's query, or -1 when it is not at one place
     */
    public InvalidRuleException(String ruleId, String message, int position, Throwable cause) {
        super(message, cause);
        this.ruleId = ruleId;
        this.position = position;
    }

    public String ruleId() {
        return ruleId;
    }

    /** Character offset of the error in the rule's query (0-based), or -1 when the error is not at one place. */
    public int position() {
        return position;
    }
}
