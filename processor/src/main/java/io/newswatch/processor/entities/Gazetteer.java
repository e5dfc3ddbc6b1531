package io.newswatch.processor.entities;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entities newswatch recognises, read from YAML:
 *
 * <pre>{@code
 * entities:
 *   - id: cjng
 *     type: organisation          # organisation | person | place | unit | weapon
 *     name: Jalisco New Generation Cartel
 *     aliases:
 *       - Cártel de Jalisco Nueva Generación
 *       - Картель Нового поколения Халиско
 *       - {alias: CJNG, caseSensitive: true}
 * }</pre>
 *
 * <p>The name is matched too, case-sensitively when it is a single word shorter than four letters (an acronym).
 * Loading fails with a {@link GazetteerException} that starts with {@code file:line:column} on: an unknown
 * key, a missing or badly typed value, an unknown entity type, a duplicate id, an alias with no letters or
 * digits, a one-word alias shorter than four letters that is not {@code caseSensitive} (such acronyms collide
 * with words once lower-cased), and an alias that folds to the same words as a name of another entity. The
 * last check is what keeps "Sinaloa" (the state) and "Sinaloa Cartel" apart: the cartel must be named with
 * more words, and the tagger prefers the longest name. The file is read by {@link YamlReader}, whose bounds and
 * refusals (aliases, merge keys, repeated keys, a second document) give errors in the same form.
 *
 * <p>Immutable and thread-safe.
 */
public final class Gazetteer {
    /** Classpath location of the gazetteer shipped with newswatch. */
    public static final String DEFAULT_RESOURCE = "/entities/default-gazetteer.yaml";
    /** One-word aliases shorter than this many chars (after folding) must be case-sensitive. */
    static final int MIN_CASE_INSENSITIVE_LENGTH = 4;

    private final List<Entity> entities;
    private final Map<String, Entity> byId;
    private final List<CompiledAlias> aliases;

    /** An alias as the tagger matches it: the match keys of its tokens, and their case forms when case matters. */
    record CompiledAlias(List<String> keys, List<String> caseForms, Entity entity) {
    }

    private Gazetteer(List<Entity> entities, List<CompiledAlias> aliases) {
        this.entities = List.copyOf(entities);
        Map<String, Entity> ids = new LinkedHashMap<>();
        for (Entity e : entities) {
            ids.put(e.id(), e);
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.aliases = List.copyOf(aliases);
    }

    /**
     * Reads a gazetteer file (UTF-8 YAML).
     *
     * @throws GazetteerException when the file cannot be read or is invalid; the message names file, line and key
     */
    public static Gazetteer load(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        try {
            return new Reader0(file.toString()).read(YamlReader.read(file));
        } catch (IOException e) {
            throw new GazetteerException(file + ": cannot read gazetteer: " + e.getMessage(), e);
        } catch (YamlException e) {
            throw new GazetteerException(e.getMessage(), e);
        }
    }

    /** The gazetteer shipped on the classpath at {@link #DEFAULT_RESOURCE}; read once, then shared. */
    public static Gazetteer loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    private static final class DefaultHolder {
        static final Gazetteer INSTANCE = readResource(DEFAULT_RESOURCE);
    }

    private static Gazetteer readResource(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new GazetteerException(resource + ": gazetteer resource not found on the classpath");
            }
            return new Reader0("classpath:" + resource).read(YamlReader.read(in, "classpath:" + resource));
        } catch (YamlException e) {
            throw new GazetteerException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Parses gazetteer YAML.
     *
     * @param yaml   the document
     * @param source how to name the document in error messages, e.g. its file name
     * @throws GazetteerException when invalid
     */
    public static Gazetteer parse(String yaml, String source) {
        if (yaml == null) {
            throw new IllegalArgumentException("yaml must not be null");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        try {
            return new Reader0(source).read(YamlReader.parse(yaml, source));
        } catch (YamlException e) {
            throw new GazetteerException(e.getMessage(), e);
        }
    }

    /** All entities, in file order. */
    public List<Entity> entities() {
        return entities;
    }

    /** The entity with this id. */
    public Optional<Entity> entity(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Number of entities. */
    public int size() {
        return entities.size();
    }

    /** Every name of every entity, compiled for matching, in file order. */
    List<CompiledAlias> compiledAliases() {
        return aliases;
    }

    /** The folded match keys of an alias's words; empty when it has none. */
    static List<String> keysOf(String alias) {
        List<String> keys = new ArrayList<>();
        for (FoldedToken t : TextFolder.tokens(alias)) {
            keys.add(TextFolder.matchKey(t.text()));
        }
        return keys;
    }

    /** Checks one parsed document; single use. Keeps the positions of ids and aliases for error messages. */
    private static final class Reader0 {
        private static final List<String> ENTITY_KEYS = List.of("id", "type", "name", "aliases");
        private static final List<String> ALIAS_KEYS = List.of("alias", "caseSensitive");

        private final String source;
        private final List<Entity> entities = new ArrayList<>();
        private final List<CompiledAlias> compiled = new ArrayList<>();
        private final Map<String, Integer> idLines = new HashMap<>();
        /** Folded alias words → the entity that owns them and the line where that entity named them. */
        private final Map<List<String>, Owner> owners = new HashMap<>();

        private record Owner(String entityId, int line) {
        }

        private record Located<T>(T value, YamlPosition at) {
        }

        Reader0(String source) {
            this.source = source;
        }

        Gazetteer read(Optional<YamlNode> document) {
            if (document.isEmpty() || !(document.get() instanceof YamlMap root)) {
                throw new GazetteerException(document.map(n -> n.position().toString()).orElse(source)
                        + ": a gazetteer must be a YAML map with the key 'entities'");
            }
            boolean sawEntities = false;
            for (YamlMap.Entry top : root.entries()) {
                YamlPosition at = top.key().position();
                if (!top.name().equals("entities")) {
                    throw error(at, "unknown key '" + top.name() + "' (the only top-level key is 'entities')");
                }
                if (!(top.value() instanceof YamlList list)) {
                    throw error(at, "'entities' must be a list");
                }
                sawEntities = true;
                for (YamlNode item : list.items()) {
                    if (!(item instanceof YamlMap entity)) {
                        throw error(item.position(), "each item of 'entities' must be a map with id, type, name, aliases");
                    }
                    readEntity(entity);
                }
            }
            if (!sawEntities) {
                throw error(root.position(), "missing key 'entities'");
            }
            return new Gazetteer(entities, compiled);
        }

        private void readEntity(YamlMap map) {
            YamlPosition start = map.position();
            Located<String> id = null;
            Located<String> type = null;
            Located<String> name = null;
            List<Located<Entity.Alias>> aliases = new ArrayList<>();
            for (YamlMap.Entry e : map.entries()) {
                String key = e.name();
                YamlPosition at = e.key().position();
                switch (key) {
                    case "id" -> id = new Located<>(scalar(key, e.value(), at), at);
                    case "type" -> type = new Located<>(scalar(key, e.value(), at), at);
                    case "name" -> name = new Located<>(scalar(key, e.value(), at), at);
                    case "aliases" -> readAliases(e.value(), at, aliases);
                    default -> throw error(at, "unknown key '" + key + "' in entity" + named(id)
                            + " (known keys: " + String.join(", ", ENTITY_KEYS) + ")");
                }
            }
            if (id == null) {
                throw error(start, "entity without 'id'");
            }
            if (!Entity.ID.matcher(id.value()).matches()) {
                throw error(id.at(), "bad 'id' '" + id.value() + "': use lower-case letters, digits and dashes");
            }
            Integer firstLine = idLines.putIfAbsent(id.value(), id.at().line());
            if (firstLine != null) {
                throw error(id.at(), "duplicate entity id '" + id.value() + "' (first defined at line " + firstLine + ")");
            }
            if (type == null) {
                throw error(start, "entity '" + id.value() + "' has no 'type'");
            }
            EntityType entityType = EntityType.fromYaml(type.value());
            if (entityType == null) {
                throw error(type.at(), "bad 'type' '" + type.value() + "' in entity '" + id.value()
                        + "' (one of: organisation, person, place, unit, weapon)");
            }
            if (name == null || name.value().isBlank()) {
                throw error(name == null ? start : name.at(), "entity '" + id.value() + "' has no 'name'");
            }
            List<Entity.Alias> plain = new ArrayList<>();
            for (Located<Entity.Alias> a : aliases) {
                plain.add(a.value());
            }
            Entity entity = new Entity(id.value(), entityType, name.value(), plain);
            entities.add(entity);
            // A name that is a short acronym ("GRU", "ELN") is written in its proper case, so it is matched as written.
            List<String> nameKeys = keysOf(name.value());
            boolean shortName = nameKeys.size() == 1 && nameKeys.get(0).length() < MIN_CASE_INSENSITIVE_LENGTH;
            compile(entity, new Entity.Alias(name.value(), shortName), name.at());
            for (Located<Entity.Alias> a : aliases) {
                compile(entity, a.value(), a.at());
            }
        }

        private void readAliases(YamlNode value, YamlPosition at, List<Located<Entity.Alias>> out) {
            if (value instanceof YamlScalar s && s.isNull()) {
                return;
            }
            if (!(value instanceof YamlList list)) {
                throw error(at, "'aliases' must be a list");
            }
            for (YamlNode item : list.items()) {
                YamlPosition itemAt = item.position();
                if (item instanceof YamlMap map) {
                    out.add(new Located<>(readAliasMap(map), itemAt));
                } else if (item instanceof YamlScalar s && !s.isNull()) {
                    out.add(new Located<>(new Entity.Alias(nonBlank("aliases", s.text(), itemAt), false), itemAt));
                } else {
                    throw error(itemAt, "each alias must be a string or a map {alias: ..., caseSensitive: true}");
                }
            }
        }

        private Entity.Alias readAliasMap(YamlMap map) {
            String text = null;
            boolean caseSensitive = false;
            for (YamlMap.Entry e : map.entries()) {
                String key = e.name();
                YamlPosition at = e.key().position();
                switch (key) {
                    case "alias" -> text = scalar(key, e.value(), at);
                    case "caseSensitive" -> {
                        if (!(e.value() instanceof YamlScalar s) || s.bool().isEmpty()) {
                            throw error(at, "'caseSensitive' must be true or false");
                        }
                        caseSensitive = s.bool().get();
                    }
                    default -> throw error(at, "unknown key '" + key + "' in alias (known keys: "
                            + String.join(", ", ALIAS_KEYS) + ")");
                }
            }
            if (text == null) {
                throw error(map.position(), "alias map without 'alias'");
            }
            return new Entity.Alias(text, caseSensitive);
        }

        private void compile(Entity entity, Entity.Alias alias, YamlPosition at) {
            List<String> keys = keysOf(alias.text());
            if (keys.isEmpty()) {
                throw error(at, "alias '" + alias.text() + "' of '" + entity.id() + "' has no letters or digits");
            }
            if (!alias.caseSensitive() && keys.size() == 1 && keys.get(0).length() < MIN_CASE_INSENSITIVE_LENGTH) {
                throw error(at, "alias '" + alias.text() + "' of '" + entity.id() + "' is a single word shorter than "
                        + MIN_CASE_INSENSITIVE_LENGTH + " letters and would match ordinary words; write it as "
                        + "{alias: " + alias.text() + ", caseSensitive: true}");
            }
            Owner owner = owners.get(keys);
            if (owner != null) {
                if (owner.entityId().equals(entity.id())) {
                    return; // the same name written twice, e.g. two inflections with one stem
                }
                throw error(at, "alias '" + alias.text() + "' of '" + entity.id() + "' is already a name of '"
                        + owner.entityId() + "' (line " + owner.line() + ")");
            }
            owners.put(keys, new Owner(entity.id(), at.line()));
            List<String> caseForms = null;
            if (alias.caseSensitive()) {
                caseForms = new ArrayList<>();
                List<FoldedToken> tokens = TextFolder.tokens(alias.text());
                for (int k = 0; k < tokens.size(); k++) {
                    FoldedToken t = tokens.get(k);
                    // Compare only the stem's length, so that an inflected text word ("Сумах") still matches.
                    String written = TextFolder.caseForm(alias.text().substring(t.start(), t.end()));
                    caseForms.add(written.substring(0, Math.min(written.length(), keys.get(k).length())));
                }
            }
            compiled.add(new CompiledAlias(List.copyOf(keys), caseForms == null ? null : List.copyOf(caseForms), entity));
        }

        private String scalar(String key, YamlNode value, YamlPosition at) {
            if (!(value instanceof YamlScalar s) || s.isNull()) {
                throw error(at, "'" + key + "' must be a single value");
            }
            return nonBlank(key, s.text(), at);
        }

        private String nonBlank(String key, String text, YamlPosition at) {
            if (text == null || text.isBlank()) {
                throw error(at, "'" + key + "' must not be blank");
            }
            return text.strip();
        }

        private static String named(Located<String> id) {
            return id == null ? "" : " '" + id.value() + "'";
        }

        private static GazetteerException error(YamlPosition at, String message) {
            return new GazetteerException(at + ": " + message);
        }
    }
}
