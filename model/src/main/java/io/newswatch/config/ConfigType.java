package io.newswatch.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
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

    /**
     * A list of maps, such as the alert channels: written in the file as a YAML list of maps, or in an
     * environment variable as JSON ({@code [{"id":"ops","type":"log"}]}). Values stay text (or lists and maps of
     * text); the owner of the key validates each entry. Printed with secrets ({@code secret}, {@code secrets},
     * {@code password}) and URL paths masked, because webhook URLs carry tokens.
     */
    public static final ConfigType<List<Map<String, Object>>> RECORDS = new ConfigType<>("list of maps", ConfigType::parseRecords,
            ConfigType::maskRecords);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
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

    private static List<Map<String, Object>> parseRecords(String text) {
        Object tree;
        try {
            tree = YAML.readValue(text, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a list of maps (YAML or JSON): " + e.getMessage().lines().findFirst().orElse(""));
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
