package io.newswatch.processor.entities;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
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
 * more words, and the tagger prefers the longest name.
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
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GazetteerException(file + ": cannot read gazetteer: " + e.getMessage(), e);
        }
        return parse(yaml, file.toString());
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
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
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
        return new Reader0(source).read(new StringReader(yaml));
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

    /** Reads one document; single use. Keeps the positions of ids and aliases for error messages. */
    private static final class Reader0 {
        private static final List<String> ENTITY_KEYS = List.of("id", "type", "name", "aliases");
        private static final List<String> ALIAS_KEYS = List.of("alias", "caseSensitive");

        private final String source;
        private JsonParser p;
        private final List<Entity> entities = new ArrayList<>();
        private final List<CompiledAlias> compiled = new ArrayList<>();
        private final Map<String, Integer> idLines = new HashMap<>();
        /** Folded alias words → the entity that owns them and the line where that entity named them. */
        private final Map<List<String>, Owner> owners = new HashMap<>();

        private record Owner(String entityId, int line) {
        }

        private record Located<T>(T value, JsonLocation at) {
        }

        Reader0(String source) {
            this.source = source;
        }

        Gazetteer read(Reader reader) {
            try (JsonParser parser = YAMLFactory.builder().build().createParser(reader)) {
                p = parser;
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    throw error(p.currentTokenLocation(), "a gazetteer must be a YAML map with the key 'entities'");
                }
                boolean sawEntities = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    if (!key.equals("entities")) {
                        throw error(at, "unknown key '" + key + "' (the only top-level key is 'entities')");
                    }
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        throw error(at, "'entities' must be a list");
                    }
                    sawEntities = true;
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw error(p.currentTokenLocation(), "each item of 'entities' must be a map with id, type, name, aliases");
                        }
                        readEntity(p.currentTokenLocation());
                    }
                }
                if (!sawEntities) {
                    throw error(p.currentTokenLocation(), "missing key 'entities'");
                }
            } catch (IOException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                throw new GazetteerException(source + ": not valid YAML: " + reason, e);
            }
            return new Gazetteer(entities, compiled);
        }

        private void readEntity(JsonLocation start) throws IOException {
            Located<String> id = null;
            Located<String> type = null;
            Located<String> name = null;
            List<Located<Entity.Alias>> aliases = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "id" -> id = new Located<>(scalar(key, value, at), at);
                    case "type" -> type = new Located<>(scalar(key, value, at), at);
                    case "name" -> name = new Located<>(scalar(key, value, at), at);
                    case "aliases" -> readAliases(value, at, aliases);
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
            Integer firstLine = idLines.putIfAbsent(id.value(), id.at().getLineNr());
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

        private void readAliases(JsonToken value, JsonLocation at, List<Located<Entity.Alias>> out) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return;
            }
            if (value != JsonToken.START_ARRAY) {
                throw error(at, "'aliases' must be a list");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation itemAt = p.currentTokenLocation();
                if (t == JsonToken.START_OBJECT) {
                    out.add(new Located<>(readAliasMap(itemAt), itemAt));
                } else if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    out.add(new Located<>(new Entity.Alias(nonBlank("aliases", p.getText(), itemAt), false), itemAt));
                } else {
                    throw error(itemAt, "each alias must be a string or a map {alias: ..., caseSensitive: true}");
                }
            }
        }

        private Entity.Alias readAliasMap(JsonLocation start) throws IOException {
            String text = null;
            boolean caseSensitive = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "alias" -> text = scalar(key, value, at);
                    case "caseSensitive" -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                            throw error(at, "'caseSensitive' must be true or false");
                        }
                        caseSensitive = value == JsonToken.VALUE_TRUE;
                    }
                    default -> throw error(at, "unknown key '" + key + "' in alias (known keys: "
                            + String.join(", ", ALIAS_KEYS) + ")");
                }
            }
            if (text == null) {
                throw error(start, "alias map without 'alias'");
            }
            return new Entity.Alias(text, caseSensitive);
        }

        private void compile(Entity entity, Entity.Alias alias, JsonLocation at) {
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
            owners.put(keys, new Owner(entity.id(), at.getLineNr()));
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

        private String scalar(String key, JsonToken value, JsonLocation at) throws IOException {
            if (value == null || !value.isScalarValue() || value == JsonToken.VALUE_NULL) {
                throw error(at, "'" + key + "' must be a single value");
            }
            return nonBlank(key, p.getText(), at);
        }

        private String nonBlank(String key, String text, JsonLocation at) {
            if (text == null || text.isBlank()) {
                throw error(at, "'" + key + "' must not be blank");
            }
            return text.strip();
        }

        private static String named(Located<String> id) {
            return id == null ? "" : " '" + id.value() + "'";
        }

        private GazetteerException error(JsonLocation at, String message) {
            return new GazetteerException(source + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + message);
        }
    }
}
