package io.newswatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.yaml.YamlException;
import io.newswatch.yaml.YamlList;
import io.newswatch.yaml.YamlMap;
import io.newswatch.yaml.YamlNode;
import io.newswatch.yaml.YamlPosition;
import io.newswatch.yaml.YamlReader;
import io.newswatch.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed configuration, built once at start-up from a YAML file and environment overrides, then read-only.
 *
 * <p>Precedence: environment variable ({@link ConfigKey#envName()}) over the file over the key's default.
 * Every key in the file or a {@code NEWSWATCH_*} variable must be declared; an unknown or badly typed key
 * fails with {@link ConfigException} naming the key and its file position (or variable). Everything under the
 * file's {@code kafka:} map, {@code NEWSWATCH_KAFKA_*} variables and {@code KAFKA_BOOTSTRAP_SERVERS} is passed
 * verbatim to Kafka clients (see {@link #kafka()}); Kafka validates those keys itself.
 *
 * <p>Nothing else in newswatch reads environment variables. Immutable and thread-safe once built.
 */
public final class Config {
    /** The top-level map whose entries go verbatim to Kafka clients. */
    public static final String KAFKA_SECTION = "kafka";

    private final Map<String, Object> values;
    private final Map<String, String> origins;
    private final Map<String, String> kafka;
    private final String source;

    private Config(Map<String, Object> values, Map<String, String> origins, Map<String, String> kafka, String source) {
        this.values = Collections.unmodifiableMap(values);
        this.origins = Collections.unmodifiableMap(origins);
        this.kafka = Collections.unmodifiableMap(kafka);
        this.source = source;
    }

    /**
     * Loads configuration.
     *
     * @param file YAML file, or {@code null} to use defaults and environment only
     * @param env  the environment (pass {@code System.getenv()} from the main class only)
     * @param keys every key the process knows
     * @throws ConfigException on a missing file, bad YAML, unknown key or invalid value
     */
    public static Config load(Path file, Map<String, String> env, List<ConfigKey<?>> keys) {
        Map<String, ConfigKey<?>> declared = new LinkedHashMap<>();
        for (ConfigKey<?> k : keys) {
            if (declared.put(k.name(), k) != null) {
                throw new IllegalArgumentException("config key declared twice: " + k.name());
            }
        }
        Map<String, Entry> raw = new LinkedHashMap<>();
        Map<String, String> kafka = new TreeMap<>();
        String source = "defaults";
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file not found: " + file + " (pass --config PATH or create it from newswatch.yaml)");
            }
            source = file.toString();
            readYaml(file, raw);
        }
        // File entries: kafka.* passes through, everything else must be declared.
        for (Map.Entry<String, Entry> e : raw.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(KAFKA_SECTION + ".")) {
                kafka.put(name.substring(KAFKA_SECTION.length() + 1), e.getValue().text());
            } else if (!declared.containsKey(name) && !declared.containsKey(listParent(name))) {
                throw new ConfigException(e.getValue().where() + ": unknown key '" + name + "'" + suggestion(name, declared.keySet())
                        + ". Known keys are listed in the README's configuration table.");
            }
        }
        // Environment overrides.
        Map<String, String> envByName = new LinkedHashMap<>();
        for (ConfigKey<?> k : declared.values()) {
            envByName.put(k.envName(), k.name());
        }
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String var = e.getKey();
            if (var.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                kafka.put("bootstrap.servers", e.getValue());
            } else if (var.startsWith("NEWSWATCH_KAFKA_")) {
                kafka.put(var.substring("NEWSWATCH_KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), e.getValue());
            } else if (envByName.containsKey(var)) {
                raw.put(envByName.get(var), new Entry(e.getValue(), "environment variable " + var));
            } else if (var.startsWith("NEWSWATCH_") && !IGNORED_ENV.contains(var)) {
                throw new ConfigException("environment variable " + var + " sets no known key" + suggestion(var, envByName.keySet())
                        + ". Unset it, or see the README's configuration table.");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (ConfigKey<?> k : declared.values()) {
            Object value = k.defaultValue();
            String origin = "default";
            Entry entry = raw.get(k.name());
            List<String> listItems = listItems(k.name(), raw);
            if (entry != null || !listItems.isEmpty()) {
                origin = entry != null ? entry.where() : raw.get(k.name() + "[0]").where();
                value = parse(k, entry != null ? entry.text() : String.join(",", listItems), origin);
            } else if (k.type() == ConfigType.RECORDS) {
                Records records = records(k.name(), raw, env, origins);
                if (records != null) {
                    origin = records.where();
                    value = parse(k, records.json(), origin);
                }
            }
            values.put(k.name(), value);
            origins.put(k.name(), origin);
        }
        return new Config(values, origins, kafka, source);
    }

    /** Variables with the NEWSWATCH_ prefix that belong to the launcher script, not to the config. */
    private static final Set<String> IGNORED_ENV = Set.of("NEWSWATCH_JAVA_HOME", "NEWSWATCH_JAVA_OPTS", "NEWSWATCH_HOME", "NEWSWATCH_CONFIG");

    private static <T> T parse(ConfigKey<T> key, String text, String where) {
        T value;
        try {
            value = key.type().parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": invalid value for '" + key.name() + "' (" + key.type().name() + "): " + e.getMessage());
        }
        boolean valid;
        try {
            valid = key.validator().test(value);
        } catch (RuntimeException e) { // e.g. an ArithmeticException from a check on a huge value
            throw new ConfigException(where + ": invalid value for '" + key.name() + "': '" + text + "' is out of range", e);
        }
        if (!valid) {
            throw new ConfigException(where + ": invalid value for '" + key.name() + "': '" + text + "' "
                    + (key.rule() == null ? "is not allowed" : key.rule()));
        }
        return value;
    }

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern PATH_STEP = Pattern.compile("\\[(\\d+)]|\\.([^.\\[]+)");

    /**
     * The entries {@code name[i].field...} of a list of maps in the file, as JSON text, with {@code ${env:VAR}}
     * replaced by that variable (so secrets need not be written in the file); {@code null} when there are none.
     * Each entry's position is kept in {@code origins} under its full name, e.g. {@code alerts.channels[1].url}.
     */
    private static Records records(String name, Map<String, Entry> raw, Map<String, String> env, Map<String, String> origins) {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        String first = null;
        for (Map.Entry<String, Entry> e : raw.entrySet()) {
            if (!e.getKey().startsWith(name + "[")) {
                continue;
            }
            if (first == null) {
                first = e.getValue().where();
            }
            origins.put(e.getKey(), e.getValue().where());
            String text = e.getValue().text();
            Matcher ref = ENV_REF.matcher(text);
            StringBuilder resolved = new StringBuilder();
            while (ref.find()) {
                String value = env.get(ref.group(1));
                if (value == null) {
                    throw new ConfigException(e.getValue().where() + ": '" + e.getKey() + "' refers to environment variable "
                            + ref.group(1) + ", which is not set");
                }
                ref.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
            ref.appendTail(resolved);
            put(root, e.getKey().substring(name.length()), resolved.toString());
        }
        return first == null ? null : new Records(root.toString(), first);
    }

    private static void put(JsonNode container, String path, String value) {
        Matcher m = PATH_STEP.matcher(path);
        JsonNode node = container;
        List<String> steps = new ArrayList<>();
        while (m.find()) {
            steps.add(m.group(1) != null ? "#" + m.group(1) : m.group(2));
        }
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            boolean last = i == steps.size() - 1;
            boolean nextIsIndex = !last && steps.get(i + 1).startsWith("#");
            if (step.startsWith("#")) {
                ArrayNode a = (ArrayNode) node;
                int index = Integer.parseInt(step.substring(1));
                while (a.size() <= index) {
                    a.addNull();
                }
                if (last) {
                    a.set(index, value);
                } else {
                    if (a.get(index).isNull()) {
                        a.set(index, nextIsIndex ? a.arrayNode() : a.objectNode());
                    }
                    node = a.get(index);
                }
            } else {
                ObjectNode o = (ObjectNode) node;
                if (last) {
                    o.put(step, value);
                } else {
                    if (!o.has(step)) {
                        o.set(step, nextIsIndex ? o.arrayNode() : o.objectNode());
                    }
                    node = o.get(step);
                }
            }
        }
    }

    private record Records(String json, String where) {
    }

    private static String listParent(String name) {
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    private static List<String> listItems(String name, Map<String, Entry> raw) {
        List<String> items = new ArrayList<>();
        for (int i = 0; raw.containsKey(name + "[" + i + "]"); i++) {
            items.add(raw.get(name + "[" + i + "]").text());
        }
        return items;
    }

    private static void readYaml(Path file, Map<String, Entry> out) {
        Optional<YamlNode> root;
        try {
            root = YamlReader.read(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the config file: " + e.getMessage(), e);
        } catch (YamlException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        if (root.isEmpty() || root.get() instanceof YamlScalar s && s.isNull()) {
            return; // empty file: all defaults
        }
        if (!(root.get() instanceof YamlMap map)) {
            throw new ConfigException(root.get().position() + ": the config file must be a YAML map of keys");
        }
        readMap(map, "", out);
    }

    private static void readMap(YamlMap map, String prefix, Map<String, Entry> out) {
        for (YamlMap.Entry e : map.entries()) {
            readValue(e.value(), prefix + e.name(), e.key().position(), out);
        }
    }

    /** Flattens {@code node} into dotted names ({@code a.b}) and list indexes ({@code a[0]}); {@code at} is where it is named. */
    private static void readValue(YamlNode node, String name, YamlPosition at, Map<String, Entry> out) {
        switch (node) {
            case YamlMap map -> readMap(map, name + ".", out);
            case YamlList list -> {
                for (int i = 0; i < list.items().size(); i++) {
                    YamlNode item = list.items().get(i);
                    readValue(item, name + "[" + i + "]", item.position(), out);
                }
            }
            case YamlScalar scalar -> {
                // "key:" with no value means "use the default"
                Entry first = scalar.isNull() ? null : out.putIfAbsent(name, new Entry(scalar.text(), at.toString()));
                if (first != null) { // "a.b: x" and "a: {b: y}" are two YAML keys but one config key
                    throw new ConfigException(at + ": '" + name + "' is set twice (first at " + first.where() + ")");
                }
            }
        }
    }

    private static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    /** The value of {@code key}: from the environment, the file or its default (may be {@code null}). */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        if (!values.containsKey(key.name())) {
            throw new IllegalArgumentException("config key not declared when loading: " + key.name());
        }
        return (T) values.get(key.name());
    }

    /**
     * Where an entry of a list of maps was written, e.g. {@code origin("alerts.channels[1].url")}: its
     * "file:line:col", or the origin of the whole key when it came from the environment or its default.
     */
    public String origin(String entry) {
        String o = origins.get(entry);
        if (o != null) {
            return o;
        }
        int bracket = entry.indexOf('[');
        return origins.getOrDefault(bracket < 0 ? entry : entry.substring(0, bracket), "default");
    }

    /** Where the value of {@code key} came from: "default", "file:line:col" or "environment variable X". */
    public String origin(ConfigKey<?> key) {
        return origins.getOrDefault(key.name(), "default");
    }

    /** Kafka client settings, verbatim; may be empty (then the embedded broker is used by {@code run}). */
    public Map<String, String> kafka() {
        return kafka;
    }

    /** A copy of this config with different Kafka client settings (e.g. the embedded broker's address). */
    public Config withKafka(Map<String, String> settings) {
        return new Config(new LinkedHashMap<>(values), new LinkedHashMap<>(origins), new TreeMap<>(settings), source);
    }

    /** A copy of this config with {@code key} set to {@code value} (for command-line flags). */
    public <T> Config with(ConfigKey<T> key, T value, String origin) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        Map<String, String> o = new LinkedHashMap<>(origins);
        v.put(key.name(), value);
        o.put(key.name(), origin);
        return new Config(v, o, new TreeMap<>(kafka), source);
    }

    /** The file it was loaded from, or "defaults". */
    public String source() {
        return source;
    }

    private record Entry(String text, String where) {
    }
}
