package io.newswatch.processor.entities;

import java.util.Locale;

/** What kind of thing a gazetteer entity is. Written in YAML and in {@code EntityMention.type} in lower case. */
public enum EntityType {
    ORGANISATION,
    PERSON,
    PLACE,
    UNIT,
    WEAPON;

    /** The lower-case name used in YAML and on topics, e.g. {@code organisation}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code name} in YAML, or {@code null} when there is none. */
    static EntityType fromYaml(String name) {
        for (EntityType t : values()) {
            if (t.yamlName().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
