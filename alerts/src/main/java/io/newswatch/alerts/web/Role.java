package io.newswatch.alerts.web;

import java.util.Locale;

/** What a token may do; each role may do everything the ones before it may. */
public enum Role {
    /** Reads alerts, stories, feedback, channels and feed health. */
    VIEWER,
    /** Also triages alerts (acknowledge, assign, false positive, note) and retries an alert's failed delivery. */
    ANALYST,
    /** Also acts on channels (retries every failed delivery of a channel). */
    ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** {@code viewer}, {@code analyst} or {@code admin} (case-insensitive). */
    public static Role parse(String s) {
        if (s != null) {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(s.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be viewer, analyst or admin, was '" + s + "'");
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
