package io.newswatch.model;

/**
 * A named entity found in an article.
 *
 * @param id    gazetteer id, e.g. {@code cjng}
 * @param type  {@code organisation}, {@code person}, {@code place}, {@code unit} or {@code weapon}
 * @param name  the entity's preferred name
 * @param count how many times any of its names occurs in title and text
 */
public record EntityMention(String id, String type, String name, int count) {
    public EntityMention {
        Validate.notBlank(id, "id");
        Validate.isTrue(count >= 0, "count must be >= 0");
    }
}
