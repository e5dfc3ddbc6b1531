package io.newswatch.processor.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.processor.rules.RuleFileException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads watch rules from YAML files and checks them.
 *
 * <p>A rule file holds one key, {@code rules}, a list of rules with the keys {@code id} (required),
 * {@code query} (required; a {@code |} block for long queries), {@code title}, {@code description},
 * {@code languages} (a list such as {@code [en, es]}; empty or absent means all), {@code severity}
 * ({@code low}, {@code medium}, {@code high}, {@code critical}; default {@code medium}) and {@code tags}.
 * {@code #} starts a comment. Unknown keys, repeated keys and ids used twice (in one file or across the
 * files of a directory) are errors.
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

    private static final Set<String> KEYS = Set.of("id", "title", "description", "query", "languages", "severity", "tags");
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
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
     * @param literal true for a {@code |} block or a one-line plain value, whose characters map one to one
     */
    record QueryPlace(int line, int column, boolean literal, boolean block) {
        String locate(String file, String query, int position) {
            if (position < 0 || !literal) {
                return file + ":" + line + ":" + column;
            }
            int lineInQuery = 0;
            int lineStart = 0;
            for (int i = 0; i < Math.min(position, query.length()); i++) {
                if (query.charAt(i) == '\n') {
                    lineInQuery++;
                    lineStart = i + 1;
                }
            }
            int col = position - lineStart;
            return block
                    ? file + ":" + (line + 1 + lineInQuery) + ":" + (column + 1 + col)
                    : file + ":" + line + ":" + (column + col);
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
            throw new java.nio.file.NoSuchFileException(fileOrDir.toString(), null, "no rule file or directory here");
        }
        Reader reader = new Reader();
        for (Path f : files) {
            reader.read(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
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
                reader.read("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
                String location = origin == null ? null : origin.query().locate(origin.file(), rule.query(), e.position());
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
            ORIGINS.putAll(origins);
            return List.copyOf(rules);
        }

        void read(String file, String yaml) {
            String[] lines = yaml.split("\n", -1);
            try (JsonParser p = YAML.createParser(yaml)) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    problems.add(new Problem(file, null, -1, "the file is empty; expected 'rules:' with a list of rules"));
                    return;
                }
                if (t != JsonToken.START_OBJECT) {
                    problems.add(new Problem(at(file, p), null, -1, "expected a map with the key 'rules'"));
                    return;
                }
                boolean sawRules = false;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String where = at(file, p);
                    p.nextToken();
                    if (!key.equals("rules")) {
                        problems.add(new Problem(where, null, -1, "unknown key '" + key + "'; a rule file holds only 'rules'"));
                        p.skipChildren();
                    } else if (sawRules) {
                        problems.add(new Problem(where, null, -1, "'rules' appears twice"));
                        p.skipChildren();
                    } else {
                        sawRules = true;
                        readRules(file, lines, p);
                    }
                }
                if (!sawRules) {
                    problems.add(new Problem(file, null, -1, "no 'rules' key"));
                }
            } catch (JsonProcessingException e) {
                problems.add(yamlProblem(file, e));
            } catch (IOException e) {
                throw new UncheckedIOException("reading YAML from memory", e);
            }
        }

        private void readRules(String file, String[] lines, JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                problems.add(new Problem(at(file, p), null, -1, "'rules' must be a list (each item starting with '- ')"));
                p.skipChildren();
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    problems.add(new Problem(at(file, p), null, -1, "each rule must be a map with id, query, ..."));
                    p.skipChildren();
                    continue;
                }
                readRule(file, lines, p);
            }
        }

        private void readRule(String file, String[] lines, JsonParser p) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            String ruleWhere = file + ":" + start.getLineNr() + ":" + start.getColumnNr();
            Map<String, Object> values = new HashMap<>();
            Map<String, String> keyWhere = new HashMap<>();
            QueryPlace queryPlace = null;
            int before = problems.size();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String where = at(file, p);
                JsonToken v = p.nextToken();
                if (!KEYS.contains(key)) {
                    problems.add(new Problem(where, null, -1, "unknown key '" + key + "'; a rule has " + String.join(", ", sorted(KEYS))));
                    p.skipChildren();
                    continue;
                }
                if (keyWhere.containsKey(key)) {
                    problems.add(new Problem(where, null, -1, "'" + key + "' appears twice in one rule (first at " + keyWhere.get(key) + ")"));
                    p.skipChildren();
                    continue;
                }
                keyWhere.put(key, where);
                if (key.equals("languages") || key.equals("tags")) {
                    List<String> list = readList(file, key, p);
                    if (list != null) {
                        values.put(key, list);
                    }
                } else if (v.isScalarValue()) {
                    if (v != JsonToken.VALUE_NULL && !p.getText().isBlank()) {
                        values.put(key, p.getText());
                        if (key.equals("query")) {
                            queryPlace = place(lines, p.currentTokenLocation(), p.getText());
                        }
                    }
                } else {
                    problems.add(new Problem(at(file, p), null, -1, "'" + key + "' must be a single value"));
                    p.skipChildren();
                }
            }
            String id = (String) values.get("id");
            if (id == null) {
                problems.add(new Problem(ruleWhere, null, -1, "a rule without 'id'"));
                return;
            }
            Origin origin = new Origin(file, start.getLineNr(), start.getColumnNr(), queryPlace);
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
            WatchRule rule;
            try {
                rule = new WatchRule(id, (String) values.get("title"), (String) values.get("description"), (String) values.get("query"),
                        languages, (String) values.get("severity"), tags);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(ruleWhere, id, -1, e.getMessage()));
                return;
            }
            rules.add(rule);
            origins.put(rule, origin);
        }

        /** SnakeYAML's messages span several lines with a drawing of the spot; one line is enough here. */
        private static Problem yamlProblem(String file, JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark at = m.getProblemMark();
                String context = m.getContext() == null ? "" : " (" + m.getContext()
                        + (m.getContextMark() == null ? "" : " from " + (m.getContextMark().getLine() + 1) + ":" + (m.getContextMark().getColumn() + 1))
                        + ")";
                return new Problem(file + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1), null, -1,
                        "not valid YAML: " + m.getProblem() + context);
            }
            JsonLocation l = e.getLocation();
            String where = l == null ? file : file + ":" + l.getLineNr() + ":" + l.getColumnNr();
            return new Problem(where, null, -1, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }

        private List<String> readList(String file, String key, JsonParser p) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                problems.add(new Problem(at(file, p), null, -1, "'" + key + "' must be a list, such as [en, es]"));
                p.skipChildren();
                return null;
            }
            List<String> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                    problems.add(new Problem(at(file, p), null, -1, "'" + key + "' must list plain values"));
                    p.skipChildren();
                    continue;
                }
                out.add(p.getText().strip());
            }
            return out;
        }

        private static QueryPlace place(String[] lines, JsonLocation l, String value) {
            int line = l.getLineNr();
            int column = l.getColumnNr();
            String text = line - 1 < lines.length ? lines[line - 1] : "";
            char first = column - 1 < text.length() ? text.charAt(column - 1) : ' ';
            if (first == '|' && line < lines.length) {
                // A literal block: its text starts on the next line, at that line's indentation.
                String next = lines[line];
                int indent = 0;
                while (indent < next.length() && next.charAt(indent) == ' ') {
                    indent++;
                }
                return new QueryPlace(line, indent, true, true);
            }
            boolean oneLine = value.indexOf('\n') < 0 && first != '>' && first != '"' && first != '\'';
            return new QueryPlace(line, column, oneLine, false);
        }

        private static String at(String file, JsonParser p) {
            JsonLocation l = p.currentTokenLocation();
            return file + ":" + l.getLineNr() + ":" + l.getColumnNr();
        }

        private static List<String> sorted(Set<String> s) {
            List<String> l = new ArrayList<>(s);
            Collections.sort(l);
            return l;
        }
    }
}
