package io.newswatch.processor.rules;

import io.newswatch.model.EntityMention;
import java.util.List;

/**
 * What a rule sees of an article.
 *
 * @param id       article id
 * @param title    headline
 * @param text     body
 * @param lang     ISO 639-1 language, or {@code null} when unknown (then every language's analysis applies)
 * @param entities entities found in it; the {@code entity:} field of the rule language matches their ids
 */
public record MatchInput(String id, String title, String text, String lang, List<EntityMention> entities) {
    public MatchInput {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
