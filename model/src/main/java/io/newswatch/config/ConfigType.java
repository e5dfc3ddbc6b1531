package io.newswatch.config;

import io.newswatch.yaml.YamlException;
import io.newswatch.yaml.YamlList;
import io.newswatch.yaml.YamlMap;
import io.newswatch.yaml.YamlNode;
import io.newswatch.yaml.YamlReader;
import io.newswatch.yaml.YamlScalar;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a config value is written and parsed. Values arrive as text (from YAML scalars or environment
 * variables) or, for lists, as a list of texts.
 */
public final class ConfigType<T> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    /** The longest duration accepted: {@code Long.MAX_VALUE} milliseconds, in whole days. */
    static final String MAX_DURATION_TEXT = "106751991167d";

    public static final ConfigType<String> STRING = new ConfigType<>("string", s -> s);
    /** A whole number from -2147483648 to 2147483647. */
    public static final ConfigType<Integer> INT = new ConfigType<>("integer",
            s -> (int) parseInteger(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
    /** A whole number from -9223372036854775808 to 9223372036854775807. */
    public static final ConfigType<Long> LONG = new ConfigType<>("integer", s -> parseInteger(s, Long.MIN_VALUE, Long.MAX_VALUE));
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
    /**
     * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, or ISO-8601 such as {@code PT5M}; at most
     * {@value #MAX_DURATION_TEXT} (the longest span a count of milliseconds holds), so no later arithmetic overflows.
     */
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

    /**
     * A list of maps, such as the alert channels: written in the file as a YAML list of maps, or in an
     * environment variable as JSON ({@code [{"id":"ops","type":"log"}]}). Values stay text (or lists and maps of
     * text); the owner of the key validates each entry. Printed with secrets ({@code secret}, {@code secrets},
     * {@code password}) and URL paths masked, because webhook URLs carry tokens.
     */
    public static final ConfigType<List<Map<String, Object>>> RECORDS = new ConfigType<>("list of maps", ConfigType::parseRecords,
            ConfigType::maskRecords);

    private static final Set<String> SECRET_FIELDS = Set.of("secret", "secrets", "password");

    private final String name;
    private final Function<String, T> parser;
    private final Function<T, String> printer;

    private ConfigType(String name, Function<String, T> parser) {
        this(name, parser, String::valueOf);
    }

    private ConfigType(String name, Function<String, T> parser, Function<T, String> printer) {
        this.name = name;
        this.parser = parser;
        this.printer = printer;
    }

    /** {@code value} as {@code newswatch config} prints it: secrets masked. */
    public String print(Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return value == null ? "null" : printer.apply(typed);
    }

    /** A YAML node as plain values: maps, lists and text ({@code null} for a null scalar). */
    private static Object plain(YamlNode node) {
        return switch (node) {
            case YamlScalar s -> s.isNull() ? null : s.text();
            case YamlList l -> l.items().stream().map(ConfigType::plain).toList();
            case YamlMap m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().forEach(e -> out.put(e.name(), plain(e.value())));
                yield out;
            }
        };
    }

    private static List<Map<String, Object>> parseRecords(String text) {
        // The same reader as the config file (bounds, no aliases or repeated keys), so an environment variable is no
        // way around them; JSON is YAML.
        Object tree;
        try {
            tree = YamlReader.parse(text, "value").map(ConfigType::plain).orElse(null);
        } catch (YamlException e) {
            throw new IllegalArgumentException("not a list of maps (YAML or JSON): " + e.getMessage());
        }
        if (tree == null) {
            return List.of();
        }
        if (!(tree instanceof List<?> list)) {
            throw new IllegalArgumentException("not a list of maps: expected a list such as [{\"id\": \"ops\", \"type\": \"log\"}]");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("item " + i + " is not a map");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            out.add(Collections.unmodifiableMap(copy));
        }
        return List.copyOf(out);
    }

    private static String maskRecords(List<Map<String, Object>> records) {
        List<Object> masked = new ArrayList<>();
        for (Map<String, Object> r : records) {
            masked.add(mask(r));
        }
        return masked.toString();
    }

    private static Object mask(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                String key = String.valueOf(k);
                if (SECRET_FIELDS.contains(key)) {
                    out.put(key, "****");
                } else if (key.equals("url") && x != null) {
                    out.put(key, maskUrl(String.valueOf(x)));
                } else {
                    out.put(key, mask(x));
                }
            });
            return out;
        } else if (v instanceof List<?> l) {
            return l.stream().map(ConfigType::mask).toList();
        }
        return v;
    }

    private static String maskUrl(String url) {
        int scheme = url.indexOf("://");
        int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        return path < 0 ? url : url.substring(0, path) + "/****";
    }

    public String name() {
        return name;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a reason when it is not valid. */
    public T parse(String text) {
        return parser.apply(text);
    }

    static long parseInteger(String text, long min, long max) {
        String s = text.strip();
        if (!INTEGER.matcher(s).matches()) {
            throw new IllegalArgumentException("not an integer: '" + text + "'");
        }
        try {
            long n = Long.parseLong(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException tooManyDigits) {
            // out of range, reported below
        }
        throw new IllegalArgumentException("out of range: '" + text + "' (an integer from " + min + " to " + max + ")");
    }

    static Duration parseDuration(String text) {
        String s = text.strip();
        Duration d;
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException
                        ? outOfRange(text) : notADuration(text));
            }
        } else {
            Matcher m = DURATION.matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException(notADuration(text));
            }
            try {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(outOfRange(text));
            }
        }
        try {
            d.toMillis(); // every user of a duration may ask for its milliseconds
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(outOfRange(text));
        }
        return d;
    }

    private static String notADuration(String text) {
        return "not a duration: '" + text + "' (use 500ms, 30s, 10m, 2h, 7d or ISO-8601 such as PT10M)";
    }

    private static String outOfRange(String text) {
        return "out of range: '" + text + "' (durations are at most " + MAX_DURATION_TEXT + ", about 292 million years)";
    }
}
