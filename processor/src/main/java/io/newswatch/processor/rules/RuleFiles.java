package io.newswatch.processor.rules;

import io.newswatch.processor.rules.RuleFileException.Problem;
import io.newswatch.yaml.YamlException;
import io.newswatch.yaml.YamlList;
import io.newswatch.yaml.YamlMap;
import io.newswatch.yaml.YamlNode;
import io.newswatch.yaml.YamlPosition;
import io.newswatch.yaml.YamlReader;
import io.newswatch.yaml.YamlScalar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Stream;

/**
 * Reads watch rules from YAML files and checks them.
 *
 * <p>A rule file holds one key, {@code rules}, a list of rules with the keys {@code id} (required),
 * {@code query} (required; a {@code |} block for long queries), {@code title}, {@code description},
 * {@code languages} (a list such as {@code [en, es]}; empty or absent means all), {@code severity}
 * ({@code low}, {@code medium}, {@code high}, {@code critical}; default {@code medium}), {@code tags} and
 * {@code shadow} ({@code true} or {@code false}, default {@code false}: a shadow rule's alerts are stored and shown on
 * the desk, but notify no channel).
 * {@code #} starts a comment. Unknown keys, repeated keys and ids used twice (in one file or across the
 * files of a directory) are errors. Files are read by {@link YamlReader}: at most 4 MiB each, lines and values
 * of at most 64 Ki characters, and no aliases, merge keys or second documents (see there for every bound).
 *
 * <pre>{@code
 * rules:
 *   - id: drone-training
 *     title: Drone training for armed groups
 *     query: |
 *       NEAR/8((dron* OR fpv), (train* OR instruct*))
 *       AND (cartel* OR mercenar*)
 *     languages: [en, es]
 *     severity: high
 *     tags: [drones]
 * }</pre>
 *
 * <p>Every problem is collected and reported at once in a {@link RuleFileException}, each with its
 * {@code file:line:column}. Rules keep where they were read ({@link #origin}), so {@link #validate} can
 * point at the file line of a query error. Stateless apart from that record of origins (weak: it goes when
 * the rules do); thread-safe.
 */
public final class RuleFiles {

    /** Where the default rule pack lives on the classpath. */
    public static final String DEFAULT_PACK = "/rules/default/";
    /** Lists the pack's files, one per line, since a classpath directory cannot be listed inside a jar. */
    public static final String DEFAULT_INDEX = DEFAULT_PACK + "index.txt";

    private static final Set<String> KEYS = Set.of("id", "title", "description", "query", "languages", "severity", "tags", "shadow");
    private static final Map<WatchRule, Origin> ORIGINS = Collections.synchronizedMap(new WeakHashMap<>());

    private RuleFiles() {
    }

    /** Where a rule was read: its file and the file position of its id and of its query. */
    record Origin(String file, int line, int column, QueryPlace query) {
        String location() {
            return file + ":" + line + ":" + column;
        }
    }

    /**
     * Where a query's text sits in its file, to turn a position in the query into a file line and column.
     *
     * @param start   where the value starts (its first character, quote, or {@code |})
     * @param content where its text starts (for a {@code |} block, the block's first line at its indentation)
     * @param literal true for a {@code |} block or a one-line plain value, whose characters map one to one
     */
    record QueryPlace(YamlPosition start, YamlPosition content, boolean literal) {
        String locate(String query, int position) {
            if (position < 0 || !literal) {
                return start.toString();
            }
            int lineInQuery = 0;
            int lineStart = 0;
            for (int i = 0; i < Math.min(position, query.length()); i++) {
                if (query.charAt(i) == '\n') {
                    lineInQuery++;
                    lineStart = i + 1;
                }
            }
            return content.source() + ":" + (content.line() + lineInQuery) + ":" + (content.column() + position - lineStart);
        }
    }

    /**
     * Loads the rules of one file, or of every {@code *.yaml} and {@code *.yml} file in a directory (not
     * its subdirectories), files in name order.
     *
     * @throws IOException         if a file cannot be read
     * @throws RuleFileException   listing every structural problem (bad YAML, unknown or missing keys,
     *                             invalid values, ids used twice); queries are not compiled here, see
     *                             {@link #validate}
     */
    public static List<WatchRule> load(Path fileOrDir) throws IOException, RuleFileException {
        Objects.requireNonNull(fileOrDir, "fileOrDir");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrDir)) {
            try (Stream<Path> s = Files.list(fileOrDir)) {
                s.filter(p -> Files.isRegularFile(p) && isYaml(p.getFileName().toString())).sorted().forEach(files::add);
            }
        } else if (Files.isRegularFile(fileOrDir)) {
            files.add(fileOrDir);
        } else {
            throw new NoSuchFileException(fileOrDir.toString(), null, "no rule file or directory here");
        }
        Reader reader = new Reader();
        for (Path f : files) {
            try {
                reader.read(f.toString(), YamlReader.read(f));
            } catch (YamlException e) {
                reader.refused(e);
            }
        }
        return reader.result();
    }

    /**
     * Loads the default rule pack shipped on the classpath under {@value #DEFAULT_PACK}, in the order of
     * {@value #DEFAULT_INDEX}.
     *
     * @throws IllegalStateException if the pack is missing or broken (a packaging error)
     */
    public static List<WatchRule> loadDefault() {
        Reader reader = new Reader();
        for (String name : defaultFiles()) {
            String resource = DEFAULT_PACK + name;
            try (InputStream in = RuleFiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_INDEX + " lists " + name + ", which is not on the classpath");
                }
                reader.read("classpath:" + resource, YamlReader.read(in, "classpath:" + resource));
            } catch (YamlException e) {
                reader.refused(e);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + resource, e);
            }
        }
        try {
            return reader.result();
        } catch (RuleFileException e) {
            throw new IllegalStateException("the default rule pack is broken: " + e.getMessage(), e);
        }
    }

    private static List<String> defaultFiles() {
        try (InputStream in = RuleFiles.class.getResourceAsStream(DEFAULT_INDEX)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_INDEX + " is not on the classpath");
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DEFAULT_INDEX, e);
        }
    }

    /**
     * Compiles every rule as the matcher would, and checks that ids are unique.
     *
     * @throws RuleFileException listing every bad rule with its file position (when it was read by this
     *                           class), its id and the position of the error in its query
     */
    public static void validate(List<WatchRule> rules) throws RuleFileException {
        Objects.requireNonNull(rules, "rules");
        List<Problem> problems = new ArrayList<>();
        Map<String, WatchRule> seen = new HashMap<>();
        for (WatchRule rule : rules) {
            Objects.requireNonNull(rule, "rules must not contain null");
            Origin origin = ORIGINS.get(rule);
            WatchRule first = seen.putIfAbsent(rule.id(), rule);
            if (first != null) {
                Origin firstOrigin = ORIGINS.get(first);
                problems.add(new Problem(origin == null ? null : origin.location(), rule.id(), -1,
                        "the id is used twice" + (firstOrigin == null ? "" : "; first at " + firstOrigin.location())));
                continue;
            }
            try {
                LuceneRuleMatcher.check(rule);
            } catch (InvalidRuleException e) {
                String location = origin == null ? null : origin.query().locate(rule.query(), e.position());
                problems.add(new Problem(location, rule.id(), e.position(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
    }

    /** Where this rule was read, as {@code file:line:column}, if it was read by {@link #load} or {@link #loadDefault}. */
    public static Optional<String> origin(WatchRule rule) {
        Origin o = ORIGINS.get(rule);
        return o == null ? Optional.empty() : Optional.of(o.location());
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Reads several files into one rule list, collecting problems. Single use, single thread. */
    private static final class Reader {
        private final List<Problem> problems = new ArrayList<>();
        private final Map<WatchRule, Origin> origins = new LinkedHashMap<>();
        private final Map<String, Origin> ids = new HashMap<>();
        private final List<WatchRule> rules = new ArrayList<>();

        List<WatchRule> result() throws RuleFileException {
            if (!problems.isEmpty()) {
                throw new RuleFileException(problems);
            }
            // An equal rule read before keeps its (weak) key on a plain put, and goes when that earlier object is
            // collected, taking this origin with it: key the origin by the objects returned now.
            synchronized (ORIGINS) {
                origins.forEach((rule, origin) -> {
                    ORIGINS.remove(rule);
                    ORIGINS.put(rule, origin);
                });
            }
            return List.copyOf(rules);
        }

        /** A file the YAML reader refused: one problem, at its position. */
        void refused(YamlException e) {
            problems.add(new Problem(e.location(), null, -1, e.reason()));
        }

        void read(String file, Optional<YamlNode> document) {
            if (document.isEmpty()) {
                problems.add(new Problem(file, null, -1, "the file is empty; expected 'rules:' with a list of rules"));
                return;
            }
            if (!(document.get() instanceof YamlMap root)) {
                problems.add(new Problem(document.get().position().toString(), null, -1, "expected a map with the key 'rules'"));
                return;
            }
            boolean sawRules = false;
            for (YamlMap.Entry e : root.entries()) {
                if (!e.name().equals("rules")) {
                    problems.add(new Problem(e.key().position().toString(), null, -1,
                            "unknown key '" + e.name() + "'; a rule file holds only 'rules'"));
                } else {
                    sawRules = true;
                    readRules(file, e.value());
                }
            }
            if (!sawRules) {
                problems.add(new Problem(file, null, -1, "no 'rules' key"));
            }
        }

        private void readRules(String file, YamlNode value) {
            if (!(value instanceof YamlList list)) {
                problems.add(new Problem(value.position().toString(), null, -1, "'rules' must be a list (each item starting with '- ')"));
                return;
            }
            for (YamlNode item : list.items()) {
                if (item instanceof YamlMap rule) {
                    readRule(file, rule);
                } else {
                    problems.add(new Problem(item.position().toString(), null, -1, "each rule must be a map with id, query, ..."));
                }
            }
        }

        private void readRule(String file, YamlMap map) {
            YamlPosition start = map.position();
            String ruleWhere = start.toString();
            Map<String, Object> values = new HashMap<>();
            QueryPlace queryPlace = null;
            int before = problems.size();
            for (YamlMap.Entry e : map.entries()) {
                String key = e.name();
                if (!KEYS.contains(key)) {
                    problems.add(new Problem(e.key().position().toString(), null, -1,
                            "unknown key '" + key + "'; a rule has " + String.join(", ", sorted(KEYS))));
                } else if (key.equals("languages") || key.equals("tags")) {
                    List<String> list = readList(key, e.value());
                    if (list != null) {
                        values.put(key, list);
                    }
                } else if (e.value() instanceof YamlScalar v) {
                    if (!v.isNull() && !v.text().isBlank()) {
                        values.put(key, v.text());
                        if (key.equals("query")) {
                            queryPlace = new QueryPlace(v.position(), v.content(), v.writtenAsIs());
                        }
                    }
                } else {
                    problems.add(new Problem(e.value().position().toString(), null, -1, "'" + key + "' must be a single value"));
                }
            }
            String id = (String) values.get("id");
            if (id == null) {
                problems.add(new Problem(ruleWhere, null, -1, "a rule without 'id'"));
                return;
            }
            Origin origin = new Origin(file, start.line(), start.column(), queryPlace);
            Origin first = ids.putIfAbsent(id, origin);
            if (first != null) {
                problems.add(new Problem(origin.location(), id, -1, "the id is used twice; first at " + first.location()));
            }
            if (!values.containsKey("query")) {
                problems.add(new Problem(ruleWhere, id, -1, "no 'query'"));
            }
            if (problems.size() > before) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<String> languages = (List<String>) values.get("languages");
            @SuppressWarnings("unchecked")
            List<String> tags = (List<String>) values.get("tags");
            String shadow = (String) values.getOrDefault("shadow", "false");
            if (!shadow.equals("true") && !shadow.equals("false")) {
                problems.add(new Problem(ruleWhere, id, -1, "'shadow' must be true or false, was '" + shadow + "'"));
                return;
            }
            WatchRule rule;
            try {
                rule = new WatchRule(id, (String) values.get("title"), (String) values.get("description"), (String) values.get("query"),
                        languages, (String) values.get("severity"), tags, Boolean.parseBoolean(shadow));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(ruleWhere, id, -1, e.getMessage()));
                return;
            }
            rules.add(rule);
            origins.put(rule, origin);
        }

        private List<String> readList(String key, YamlNode value) {
            if (value instanceof YamlScalar s && s.isNull()) {
                return List.of();
            }
            if (!(value instanceof YamlList list)) {
                problems.add(new Problem(value.position().toString(), null, -1, "'" + key + "' must be a list, such as [en, es]"));
                return null;
            }
            List<String> out = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlScalar s) || s.isNull()) {
                    problems.add(new Problem(item.position().toString(), null, -1, "'" + key + "' must list plain values"));
                    continue;
                }
                out.add(s.text().strip());
            }
            return out;
        }

        private static List<String> sorted(Set<String> s) {
            List<String> l = new ArrayList<>(s);
            Collections.sort(l);
            return l;
        }
    }
}
