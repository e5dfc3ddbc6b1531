package io.newswatch.alerts.channel;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.ConfigType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One map of a list-of-maps config key (a channel, a policy), read with errors that name the entry's full key
 * ({@code alerts.channels[1].url}) and where it was written, and never repeat a secret's value.
 */
public final class ConfigRecord {
    private final Config config;
    private final String key;
    private final Map<String, Object> map;

    public ConfigRecord(Config config, String key, Map<String, Object> map) {
        this.config = config;
        this.key = key;
        this.map = map;
    }

    /** The full key of field {@code name}, e.g. {@code alerts.channels[1].url}. */
    public String keyOf(String name) {
        return key + "." + name;
    }

    /** A {@link ConfigException} for field {@code name}, with its file position. */
    public ConfigException fail(String name, String why) {
        String k = name == null ? key : keyOf(name);
        return new ConfigException(config.origin(k) + ": invalid value for '" + k + "': " + why);
    }

    /** Refuses fields outside {@code allowed}. */
    public void only(Set<String> allowed) {
        for (String f : map.keySet()) {
            if (!allowed.contains(f)) {
                throw new ConfigException(config.origin(keyOf(f)) + ": unknown key '" + keyOf(f) + "'; allowed here: " + allowed.stream().sorted().toList());
            }
        }
    }

    public boolean has(String name) {
        return map.get(name) != null;
    }

    public String string(String name, String dflt) {
        Object v = map.get(name);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw fail(name, "must be a single value");
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? dflt : s;
    }

    public String required(String name) {
        String s = string(name, null);
        if (s == null) {
            throw new ConfigException(config.origin(key) + ": '" + keyOf(name) + "' is required");
        }
        return s;
    }

    public List<String> list(String name) {
        Object v = map.get(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> || o instanceof List<?>) {
                    throw fail(name, "must be a list of values");
                }
                if (o != null && !String.valueOf(o).isBlank()) {
                    out.add(String.valueOf(o).strip());
                }
            }
        } else if (v instanceof Map<?, ?>) {
            throw fail(name, "must be a list of values");
        } else {
            out.addAll(ConfigType.LIST.parse(String.valueOf(v)));
        }
        return List.copyOf(out);
    }

    public Duration duration(String name, Duration dflt, Duration min) {
        String s = string(name, null);
        if (s == null) {
            return dflt;
        }
        Duration d;
        try {
            d = ConfigType.DURATION_TYPE.parse(s);
        } catch (IllegalArgumentException e) {
            throw fail(name, e.getMessage());
        }
        if (d.compareTo(min) < 0) {
            throw fail(name, "'" + s + "' must be at least " + min.toMillis() + " ms");
        }
        return d;
    }

    public int integer(String name, int dflt, int min, int max) {
        String s = string(name, null);
        if (s == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(s);
            if (n < min || n > max) {
                throw fail(name, "'" + s + "' must be " + min + "-" + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw fail(name, "not an integer: '" + s + "'");
        }
    }

    public boolean bool(String name, boolean dflt) {
        String s = string(name, null);
        if (s == null) {
            return dflt;
        }
        try {
            return ConfigType.BOOLEAN.parse(s);
        } catch (IllegalArgumentException e) {
            throw fail(name, e.getMessage());
        }
    }

    public Instant instant(String name) {
        String s = string(name, null);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw fail(name, "'" + s + "' is not an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    /** A nested map, or {@code null}. */
    public ConfigRecord child(String name) {
        Object v = map.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw fail(name, "must be a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) m;
        return new ConfigRecord(config, keyOf(name), typed);
    }
}
