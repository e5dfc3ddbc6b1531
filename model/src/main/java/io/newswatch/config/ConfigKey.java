package io.newswatch.config;

import io.newswatch.model.Validate;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One configuration key, declared once with its name, type, default, description and validator, so that the
 * README's config table and the validation cannot drift apart.
 *
 * @param name         dotted name, e.g. {@code ingest.pollInterval}
 * @param type         how its value is parsed
 * @param defaultValue value when neither file nor environment sets it; {@code null} means "not set"
 * @param description  one sentence for the docs
 * @param validator    extra check on the parsed value
 * @param rule         what the validator demands, for the error message (e.g. "must be > 0")
 */
public record ConfigKey<T>(String name, ConfigType<T> type, T defaultValue, String description,
                           Predicate<? super T> validator, String rule) {

    public ConfigKey {
        Validate.notBlank(name, "name");
        Validate.notNull(type, "type");
        Validate.notBlank(description, "description");
        validator = validator == null ? v -> true : validator;
    }

    public static <T> ConfigKey<T> of(String name, ConfigType<T> type, T defaultValue, String description) {
        return new ConfigKey<>(name, type, defaultValue, description, null, null);
    }

    /** A copy of this key that also requires {@code check}, explained by {@code rule}. */
    public ConfigKey<T> validatedBy(Predicate<? super T> check, String rule) {
        return new ConfigKey<>(name, type, defaultValue, description, check, rule);
    }

    /** The environment variable that overrides this key: {@code ingest.pollInterval} → {@code NEWSWATCH_INGEST_POLL_INTERVAL}. */
    public String envName() {
        return envNameOf(name);
    }

    static String envNameOf(String dotted) {
        StringBuilder sb = new StringBuilder("NEWSWATCH_");
        for (int i = 0; i < dotted.length(); i++) {
            char c = dotted.charAt(i);
            if (c == '.' || c == '-') {
                sb.append('_');
            } else if (Character.isUpperCase(c)) {
                sb.append('_').append(c);
            } else {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
