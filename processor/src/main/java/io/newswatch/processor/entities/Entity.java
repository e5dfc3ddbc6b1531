package io.newswatch.processor.entities;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One gazetteer entry: a thing with a stable id and the names it goes by in any language or script.
 * Immutable; the alias list is copied.
 *
 * @param id      stable, language-independent id: lower-case letters, digits and dashes, e.g. {@code cjng};
 *                watch rules and story clustering refer to entities by it
 * @param type    what it is
 * @param name    preferred (English) name; it is also matched, as the first alias
 * @param aliases every other name, in any language or script
 */
public record Entity(String id, EntityType type, String name, List<Alias> aliases) {
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Entity {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("entity id must be lower-case letters, digits and dashes, was '" + id + "'");
        }
        if (type == null) {
            throw new IllegalArgumentException("entity type must not be null");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("entity name must not be blank");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /**
     * One name of an entity.
     *
     * @param text          the name as written, e.g. "Cártel de Jalisco Nueva Generación"
     * @param caseSensitive when true the text must match with its case (accents still fold), for acronyms such
     *                      as "ELN" or "SBU" that would otherwise match ordinary words
     */
    public record Alias(String text, boolean caseSensitive) {
        public Alias {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("alias must not be blank");
            }
        }
    }
}
