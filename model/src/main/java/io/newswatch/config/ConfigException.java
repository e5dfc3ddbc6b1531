package io.newswatch.config;

/**
 * A configuration error: the message says which key, where it was set (file:line:column or the environment
 * variable) and what to fix. Thrown only at start-up; the CLI turns it into exit code 2.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
