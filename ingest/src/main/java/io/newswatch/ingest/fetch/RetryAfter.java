package io.newswatch.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Parses a {@code Retry-After} header value (RFC 9110 §10.2.3): delta-seconds, or an HTTP-date in any of the
 * three forms a recipient must accept (IMF-fixdate, obsolete RFC 850, ANSI C asctime).
 *
 * <p>The weekday is ignored rather than cross-checked: a server that names the wrong day still means the date.
 * Stateless and thread-safe.
 */
final class RetryAfter {

    /** Longer waits are cut to this; it only keeps absurd values from overflowing later arithmetic. */
    static final Duration LIMIT = Duration.ofDays(365);

    // Patterns without the weekday, which is stripped before parsing.
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final List<DateTimeFormatter> WITH_COMMA = List.of(IMF_FIXDATE, RFC_850);

    private RetryAfter() {
    }

    /**
     * @param value the header value, or {@code null} when absent
     * @param now   the current time, against which a date is measured
     * @return how long to wait: zero for a date in the past, at most {@link #LIMIT}; {@code null} when the value is
     *         absent or not a valid delay
     */
    static Duration parse(String value, Instant now) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // More digits than a year in seconds can need would only overflow; cut before parsing.
            if (v.length() > 9) {
                return LIMIT;
            }
            return clamp(Duration.ofSeconds(Long.parseLong(v)));
        }
        Instant at = parseDate(v, now);
        if (at == null) {
            return null;
        }
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : clamp(wait);
    }

    private static Instant parseDate(String v, Instant now) {
        int comma = v.indexOf(',');
        if (comma >= 0) {
            String rest = v.substring(comma + 1).strip();
            for (DateTimeFormatter format : WITH_COMMA) {
                LocalDateTime t = tryParse(rest, format);
                if (t != null) {
                    if (format == RFC_850) {
                        t = windowTwoDigitYear(t, now);
                    }
                    return t.toInstant(ZoneOffset.UTC);
                }
            }
            return null;
        }
        int space = v.indexOf(' ');
        if (space < 0) {
            return null;
        }
        LocalDateTime t = tryParse(v.substring(space + 1), ASCTIME);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime tryParse(String text, DateTimeFormatter format) {
        try {
            return LocalDateTime.parse(text, format);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // RFC 9110: a two-digit year more than 50 years ahead means the most recent past year with those digits;
    // so the year is the one with those digits within (now - 50, now + 50].
    private static LocalDateTime windowTwoDigitYear(LocalDateTime parsed, Instant now) {
        int currentYear = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        int candidate = currentYear - currentYear % 100 + parsed.getYear() % 100;
        if (candidate > currentYear + 50) {
            candidate -= 100;
        } else if (candidate <= currentYear - 50) {
            candidate += 100;
        }
        return parsed.withYear(candidate);
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(LIMIT) > 0 ? LIMIT : d;
    }
}
