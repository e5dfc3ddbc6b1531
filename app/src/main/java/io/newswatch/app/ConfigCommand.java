package io.newswatch.app;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch config}: validate the configuration and show where each value comes from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validates the configuration and prints every key's value and origin (file position, environment or default).")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    Newswatch parent;

    @Option(names = "--markdown", description = "Print the table of all keys (name, variable, type, default, description) as Markdown.")
    boolean markdown;

    @Override
    public Integer call() {
        var out = parent.spec.commandLine().getOut();
        if (markdown) {
            out.print(AllKeys.markdownTable());
            return 0;
        }
        Config c = parent.config(null);
        out.println("# config: " + c.source());
        for (ConfigKey<?> k : AllKeys.all()) {
            out.printf("%-32s = %-40s # %s%n", k.name(), k.type().print(c.get(k)), c.origin(k));
        }
        c.kafka().forEach((k, v) -> out.printf("kafka.%-26s = %-40s # kafka%n", k, k.contains("password") || k.contains("jaas") ? "****" : v));
        return 0;
    }
}
