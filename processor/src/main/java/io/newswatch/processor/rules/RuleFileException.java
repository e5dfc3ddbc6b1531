package io.newswatch.processor.rules;

import java.util.List;
import java.util.Objects;

/**
 * Rule files that cannot be used: every problem found, each with its place, so an author fixes them all in
 * one go. The message lists them one per line as {@code file:line:column: rule 'id': what is wrong}.
 */
public final class RuleFileException extends Exception {

    /**
     * One problem.
     *
     * @param location      {@code file:line:column} (or {@code file:line}, or {@code file}) where it is, or
     *                      {@code null} for rules not read from a file
     * @param ruleId        the rule concerned, or {@code null} when the problem is not in one rule
     * @param queryPosition character offset of the error in the rule's query, or -1
     * @param message       what is wrong
     */
    public record Problem(String location, String ruleId, int queryPosition, String message) {
        public Problem {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (location != null) {
                sb.append(location).append(": ");
            }
            if (ruleId != null && !message.startsWith("rule '")) {
                sb.append("rule '").append(ruleId).append("': ");
            }
            return sb.append(message).toString();
        }
    }

    private final List<Problem> problems;

    public RuleFileException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in file and line order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RuleFileException needs at least one problem");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size() == 1 ? "1 problem in the rules:" : problems.size() + " problems in the rules:");
        for (Problem p : problems) {
            sb.append('\n').append(p);
        }
        return sb.toString();
    }
}
