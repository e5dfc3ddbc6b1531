package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A watch rule as published on the compacted {@code newswatch.rules} topic (key: rule id; a null value
 * deletes the rule). The processor reads the topic as a global table, so edits apply without a restart.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written
 * @param id            rule id: lower-case letters, digits and dashes
 * @param version       content hash of the definition, recorded on every match it produces
 * @param title         short human title
 * @param description   what the rule is for
 * @param query         the query, in the rule language (see the processor's {@code rules} package)
 * @param languages     languages it applies to (ISO 639-1); empty means all
 * @param severity      {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param tags          free tags
 * @param shadow        whether its alerts are kept from every channel (shown on the desk under "shadow" only);
 *                      written only when true, absent means false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchRuleRecord(
        int schemaVersion,
        String id,
        String version,
        String title,
        String description,
        String query,
        List<String> languages,
        String severity,
        List<String> tags,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean shadow) {

    public static final int SCHEMA_VERSION = 1;

    public WatchRuleRecord {
        Validate.notBlank(id, "id");
        Validate.notBlank(query, "query");
        languages = languages == null ? List.of() : List.copyOf(languages);
        tags = tags == null ? List.of() : List.copyOf(tags);
        severity = severity == null ? "medium" : severity;
    }

    /** A rule that is not a shadow rule. */
    public WatchRuleRecord(int schemaVersion, String id, String version, String title, String description, String query,
                           List<String> languages, String severity, List<String> tags) {
        this(schemaVersion, id, version, title, description, query, languages, severity, tags, false);
    }
}
