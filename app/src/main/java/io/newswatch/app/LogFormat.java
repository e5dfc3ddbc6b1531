package io.newswatch.app;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.ConfigType;
import java.io.PrintWriter;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log format: text lines (the default) or one JSON object per line ({@code logging.format: json}), written by
 * logback's own {@code JsonEncoder}. The environment variable is read by {@code logback.xml} itself, so that even
 * the first lines are JSON; a value from the config file is applied here once the config is read.
 */
final class LogFormat {
    static final String TEXT = "text";
    static final String JSON = "json";
    static final ConfigKey<String> FORMAT = ConfigKey.of("logging.format", ConfigType.STRING, TEXT,
                    "Log format on standard output: text, or json (one JSON object per line with timestamp, level, loggerName, "
                            + "formattedMessage and the mdc fields feed, rule, alertId, channel, deliveryId).")
            .validatedBy(v -> v.equals(TEXT) || v.equals(JSON), "must be text or json");
    static final List<ConfigKey<?>> KEYS = List.of(FORMAT);

    private LogFormat() {
    }

    /** Selects {@code config}'s format for the events logged from now on ({@link LogFormatFilter}). */
    static void apply(Config config) {
        LogFormatFilter.select(config.get(FORMAT));
    }

    /**
     * Tells the operator a service is up: a line on standard output in text mode, a log event in JSON mode (where
     * every line on standard output must be JSON).
     */
    /**
     * Prints a line that must never reach a log (it holds a secret, such as the demo's sign-in token): on standard
     * output in text mode, on standard error in JSON mode (where every line on standard output must be JSON).
     */
    static void printSecret(Config config, PrintWriter out, PrintWriter err, String line) {
        PrintWriter to = config.get(FORMAT).equals(JSON) ? err : out;
        to.println(line);
        to.flush();
    }

    static void announce(Config config, PrintWriter out, String line) {
        if (config.get(FORMAT).equals(JSON)) {
            LoggerFactory.getLogger(Newswatch.class).info(line);
        } else {
            out.println(line);
            out.flush();
        }
    }
}
