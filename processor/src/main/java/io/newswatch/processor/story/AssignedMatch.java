package io.newswatch.processor.story;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.newswatch.model.Match;
import io.newswatch.model.topic.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the story stage emits for an article it kept: the story decision and the match as published JSON,
 * with {@code storyId} and {@code duplicateOf} set.
 *
 * <p>The JSON is the analyse stage's, with the two fields written in front of the others: a JSON reader
 * does not care about the order of fields, and the article is neither read nor written again. Immutable;
 * {@link #json()} is shared, do not modify it.
 *
 * @param articleId   the article
 * @param storyId     its story
 * @param duplicateOf the earlier article it nearly duplicates, or {@code null}
 * @param matched     whether any rule matched it
 * @param json        the {@link Match} as JSON
 */
public record AssignedMatch(String articleId, String storyId, String duplicateOf, boolean matched, byte[] json) {

    private static final JsonSerde<Match> MATCH_JSON = new JsonSerde<>(Match.class);

    public AssignedMatch {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(json, "json");
    }

    /** The decision for {@code input}, its JSON completed with the story fields. */
    static AssignedMatch of(StoryInput input, String storyId, String duplicateOf) {
        return new AssignedMatch(input.articleId(), storyId, duplicateOf, input.matched(), withStory(input.matchJson(), storyId, duplicateOf));
    }

    /**
     * The match, read from the JSON.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the article matched no rule (it is no match)
     */
    public Match match() {
        return MATCH_JSON.fromBytes(json);
    }

    /** Writes {@link #json()}: the value of a match record. */
    public static Serializer<AssignedMatch> serializer() {
        return (topic, m) -> m == null ? null : m.json();
    }

    /** {@code {"storyId":..,"duplicateOf":..,} + the fields of {@code json}}; {@code json} has neither field. */
    static byte[] withStory(byte[] json, String storyId, String duplicateOf) {
        if (json.length < 2 || json[0] != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        StringBuilder head = new StringBuilder(96).append('{');
        field(head, "storyId", storyId);
        if (duplicateOf != null) {
            field(head.append(','), "duplicateOf", duplicateOf);
        }
        int rest = 1;
        while (rest < json.length && (json[rest] == ' ' || json[rest] == '\n' || json[rest] == '\r' || json[rest] == '\t')) {
            rest++;
        }
        if (rest < json.length && json[rest] != '}') {
            head.append(',');
        }
        byte[] prefix = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + json.length - rest];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(json, rest, out, prefix.length, json.length - rest);
        return out;
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":\"").append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssignedMatch m && articleId.equals(m.articleId) && storyId.equals(m.storyId)
                && Objects.equals(duplicateOf, m.duplicateOf) && matched == m.matched && java.util.Arrays.equals(json, m.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(articleId, storyId, duplicateOf);
    }

    @Override
    public String toString() {
        return "AssignedMatch[" + articleId + " -> " + storyId + (duplicateOf == null ? "" : ", duplicate of " + duplicateOf)
                + (matched ? ", matched" : "") + "]";
    }
}
