package io.newswatch.app;

import java.util.List;

/**
 * Top-level commands that live outside the application, found with {@link java.util.ServiceLoader} (registered in
 * {@code META-INF/services/io.newswatch.app.CommandExtension}). The tools module adds {@code bench} and
 * {@code eval} this way, as Kafka keeps its perf tools out of its clients: a deployment that ships only the
 * application jar has the services and their commands, nothing else. A command may declare
 * {@code @ParentCommand Newswatch parent} to read the configuration.
 */
public interface CommandExtension {
    /** picocli {@code @Command} classes (or instances), added as subcommands of {@code newswatch}. */
    List<Object> commands();
}
