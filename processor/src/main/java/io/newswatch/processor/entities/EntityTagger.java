package io.newswatch.processor.entities;

import io.newswatch.model.EntityMention;
import java.util.List;

/** Finds gazetteer entities in an article, accent- and case-insensitively. Thread-safe. */
public interface EntityTagger {

    /** Entities in title and text with their counts, ordered by count (desc) then id. */
    List<EntityMention> tag(String title, String text);
}
