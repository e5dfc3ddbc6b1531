package io.newswatch.yaml;

import io.newswatch.model.Validate;
import java.util.Locale;
import java.util.Optional;

/**
 * A YAML scalar: its text exactly as YAML decodes it (quotes, escapes and block indentation removed), how it
 * was written, and what YAML 1.1 makes of it when it is plain ({@code yes} is a boolean, {@code 600} an
 * integer, an empty value or {@code ~} is null). Readers take {@link #text()} and decide its type themselves;
 * {@link #kind()} is there to say "expected a duration, got the number 600".
 *
 * @param text     the decoded text; empty for an empty value
 * @param kind     what the value is: quoted and block scalars are always {@link Kind#STRING}
 * @param style    how it was written
 * @param position where it starts: its first character, its opening quote, or its {@code |} or {@code >}
 * @param content  where its text starts: as {@code position} for a plain value, after the quote for a quoted
 *                 one, and the first line of a block at that line's indentation
 */
public record YamlScalar(String text, Kind kind, Style style, YamlPosition position, YamlPosition content) implements YamlNode {

    /** What a scalar is, after YAML's implicit typing of plain values. */
    public enum Kind { NULL, BOOLEAN, INTEGER, FLOAT, STRING }

    /** How a scalar was written. */
    public enum Style {
        PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED,
        /** A {@code |} block: lines kept as written. */
        LITERAL,
        /** A {@code >} block: lines folded into one. */
        FOLDED
    }

    public YamlScalar {
        Validate.notNull(text, "text");
        Validate.notNull(kind, "kind");
        Validate.notNull(style, "style");
        Validate.notNull(position, "position");
        Validate.notNull(content, "content");
    }

    /** True for an empty value, {@code ~} and {@code null} written plain: "not set". */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The boolean a plain {@code true}/{@code false}/{@code yes}/{@code no}/{@code on}/{@code off} stands for. */
    public Optional<Boolean> bool() {
        if (kind != Kind.BOOLEAN) {
            return Optional.empty();
        }
        return Optional.of(switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            default -> false;
        });
    }

    /** True when each character of the text sits where it is written: a plain one-line value or a {@code |} block. */
    public boolean writtenAsIs() {
        return style == Style.LITERAL || (style == Style.PLAIN && text.indexOf('\n') < 0);
    }

    @Override
    public String describe() {
        return "a value";
    }
}
