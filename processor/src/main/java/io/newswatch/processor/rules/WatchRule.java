package io.newswatch.processor.rules;

import io.newswatch.model.ArticleId;
import io.newswatch.model.Validate;
import io.newswatch.model.WatchRuleRecord;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A watch rule: an immutable value that keeps its query's source text. Its {@link #version()} is a hash of
 * the definition, so an edited rule gets a new version and every match records the version that fired.
 *
 * <p>A {@code shadow} rule matches and raises alerts like any other, and the desk shows them under "shadow", but no
 * channel is notified of them: a desk can try a rule live before trusting it. Turning shadow on or off is an edit
 * (a new version).
 */
public record WatchRule(String id, String title, String description, String query, List<String> languages,
                        String severity, List<String> tags, boolean shadow) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");

    public WatchRule {
        Validate.notBlank(id, "id");
        Validate.isTrue(ID.matcher(id).matches(), "rule id must be lower-case letters, digits and dashes, was '" + id + "'");
        Validate.notBlank(query, "query of rule " + id);
        severity = severity == null ? "medium" : severity;
        Validate.isTrue(SEVERITIES.contains(severity), "severity of rule " + id + " must be one of " + SEVERITIES + ", was '" + severity + "'");
        title = title == null ? id : title;
        description = description == null ? "" : description;
        languages = languages == null ? List.of() : List.copyOf(languages);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A rule that notifies (not shadow). */
    public WatchRule(String id, String title, String description, String query, List<String> languages, String severity, List<String> tags) {
        this(id, title, description, query, languages, severity, tags, false);
    }

    /** Content hash of the definition: 16 hex digits (the same as before shadow rules existed, for a rule that is not one). */
    public String version() {
        String languageList = String.join(",", languages);
        String tagList = String.join(",", tags);
        return shadow
                ? ArticleId.ofParts(id, title, description, query, languageList, severity, tagList, "shadow")
                : ArticleId.ofParts(id, title, description, query, languageList, severity, tagList);
    }

    public WatchRuleRecord toRecord() {
        return new WatchRuleRecord(WatchRuleRecord.SCHEMA_VERSION, id, version(), title, description, query, languages, severity, tags, shadow);
    }

    public static WatchRule fromRecord(WatchRuleRecord r) {
        return new WatchRule(r.id(), r.title(), r.description(), r.query(), r.languages(), r.severity(), r.tags(), r.shadow());
    }
}
