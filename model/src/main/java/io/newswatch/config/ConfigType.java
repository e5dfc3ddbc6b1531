package io.newswatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a config value is written and parsed. Values arrive as text (from YAML scalars or environment
 * variables) or, for lists, as a list of texts.
 */
public final class ConfigType<T> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    public static final ConfigType<String> STRING = new ConfigType<>("string", s -> s);
    public static final ConfigType<Integer> INT = new ConfigType<>("integer", s -> {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + s + "'");
        }
    });
    public static final ConfigType<Long> LONG = new ConfigType<>("integer", s -> {
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + s + "'");
        }
    });
    /** A finite decimal number such as {@code 0.7}. */
    public static final ConfigType<Double> DOUBLE = new ConfigType<>("number", s -> {
        try {
            double d = Double.parseDouble(s.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + s + "'");
        }
    });
    public static final ConfigType<Boolean> BOOLEAN = new ConfigType<>("boolean", s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw new IllegalArgumentException("not a boolean (true/false): '" + s + "'");
    });
    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, or ISO-8601 such as {@code PT5M}. */
    public static final ConfigType<Duration> DURATION_TYPE = new ConfigType<>("duration", ConfigType::parseDuration);
    public static final ConfigType<Path> PATH = new ConfigType<>("path", s -> Path.of(s.strip()));
    /** A comma-separated text or a YAML list. */
    public static final ConfigType<List<String>> LIST = new ConfigType<>("list", s -> {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return List.copyOf(out);
    });

    private final String name;
    private final Function<String, T> parser;

    private ConfigType(String name, Function<String, T> parser) {
        this.name = name;
        this.parser = parser;
    }

    public String name() {
        return name;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a reason when it is not valid. */
    public T parse(String text) {
        return parser.apply(text);
    }

    static Duration parseDuration(String text) {
        String s = text.strip();
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration: '" + text + "'");
            }
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (e.g. 500ms, 30s, 5m, 2h, 7d): '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
