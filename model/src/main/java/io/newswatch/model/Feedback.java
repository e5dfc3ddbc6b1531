package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An analyst's triage of one alert, on {@code newswatch.alert-feedback} (compacted, key {@link #alertId()}): the
 * latest record of an alert is its whole state, with every action that led to it, so replay and rule evaluation
 * can use it as a label (a {@link Status#FALSE_POSITIVE} is a negative for {@link #ruleId()} at
 * {@link #ruleVersion()}). Immutable; {@link #apply} returns a new record.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written
 * @param alertId       the alert
 * @param ruleId        the rule that raised it (a label needs no join)
 * @param ruleVersion   that rule's version when the alert was raised
 * @param status        open, acknowledged or false positive
 * @param assignee      who the alert is assigned to, or {@code null}
 * @param actions       who did what and when, oldest first, at most {@link #MAX_ACTIONS} (the oldest go first)
 * @param updatedAt     when the latest action was taken
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feedback(int schemaVersion, String alertId, String ruleId, String ruleVersion, Status status, String assignee,
                       List<Action> actions, Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** Actions kept per alert; older ones are dropped from the record (the status they led to stays). */
    public static final int MAX_ACTIONS = 200;
    /** Longest note, in characters. */
    public static final int MAX_NOTE = 4000;
    /** Longest assignee or actor name, in characters. */
    public static final int MAX_NAME = 100;

    /** Where an alert stands. */
    public enum Status {
        OPEN, ACKNOWLEDGED, FALSE_POSITIVE
    }

    /** What an analyst can do to an alert. */
    public enum Kind {
        ACKNOWLEDGE, ASSIGN, FALSE_POSITIVE, NOTE, REOPEN;

        /** Parses {@code acknowledge}, {@code false-positive}, ... (case-insensitive, '-' or '_'). */
        public static Kind parse(String s) {
            Validate.notBlank(s, "action");
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("action must be one of acknowledge, assign, false-positive, note, reopen; was '" + s + "'");
            }
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One action.
     *
     * @param kind  what was done
     * @param by    who did it (the token's name)
     * @param at    when
     * @param value the assignee for {@code ASSIGN}, the text for {@code NOTE}, else {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(Kind kind, String by, Instant at, String value) {
        public Action {
            Validate.notNull(kind, "kind");
            Validate.notBlank(by, "by");
            Validate.notNull(at, "at");
            Validate.isTrue(by.length() <= MAX_NAME, "by must be at most " + MAX_NAME + " characters");
            if (kind == Kind.ASSIGN) {
                Validate.isTrue(value == null || value.length() <= MAX_NAME, "assignee must be at most " + MAX_NAME + " characters");
            } else if (kind == Kind.NOTE) {
                Validate.notBlank(value, "note");
                Validate.isTrue(value.length() <= MAX_NOTE, "note must be at most " + MAX_NOTE + " characters, was " + value.length());
            } else {
                value = null;
            }
        }
    }

    public Feedback {
        Validate.notBlank(alertId, "alertId");
        Validate.notBlank(ruleId, "ruleId");
        Validate.notNull(status, "status");
        actions = actions == null ? List.of() : List.copyOf(actions);
        if (actions.size() > MAX_ACTIONS) {
            actions = List.copyOf(actions.subList(actions.size() - MAX_ACTIONS, actions.size()));
        }
    }

    /** The state of an alert nobody has touched yet. */
    public static Feedback open(Alert alert) {
        return new Feedback(SCHEMA_VERSION, alert.alertId(), alert.ruleId(), alert.ruleVersion(), Status.OPEN, null, List.of(), null);
    }

    /** This feedback after {@code action}: the status and assignee it sets, and the action appended. */
    public Feedback apply(Action action) {
        Validate.notNull(action, "action");
        Status s = switch (action.kind()) {
            case ACKNOWLEDGE -> Status.ACKNOWLEDGED;
            case FALSE_POSITIVE -> Status.FALSE_POSITIVE;
            case REOPEN -> Status.OPEN;
            case ASSIGN, NOTE -> status;
        };
        String who = action.kind() == Kind.ASSIGN ? blankToNull(action.value()) : assignee;
        List<Action> all = new ArrayList<>(actions);
        all.add(action);
        return new Feedback(SCHEMA_VERSION, alertId, ruleId, ruleVersion, s, who, all, action.at());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
