package io.newswatch.app;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.processor.ProcessorFactory;
import io.newswatch.processor.rules.RuleFileException;
import io.newswatch.processor.rules.RuleFiles;
import io.newswatch.processor.rules.WatchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch rules}: check rule files, and publish them to running processors (hot reload). */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Watch rule tools.",
        subcommands = {RulesCommand.ValidateRules.class, RulesCommand.Publish.class})
final class RulesCommand {
    @ParentCommand
    Newswatch parent;

    static List<WatchRule> load(Path path) {
        if (!Files.exists(path)) {
            throw new ConfigException("no such rule file or directory: " + path);
        }
        try {
            List<WatchRule> rules = RuleFiles.load(path);
            RuleFiles.validate(rules);
            return rules;
        } catch (RuleFileException e) {
            throw new ConfigException("invalid watch rules:\n" + e.getMessage(), e);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Compiles every rule; reports each invalid one with file, rule id and position.")
    static final class ValidateRules implements Callable<Integer> {
        @ParentCommand
        RulesCommand rules;

        @Parameters(index = "0", paramLabel = "DIR|FILE")
        Path path;

        @Override
        public Integer call() {
            List<WatchRule> loaded = load(path);
            for (WatchRule r : loaded) {
                rules.parent.spec.commandLine().getOut().printf("ok  %-28s %s  [%s] %s%n", r.id(), r.version(), r.severity(),
                        r.languages().isEmpty() ? "all languages" : String.join(",", r.languages()));
            }
            rules.parent.spec.commandLine().getOut().printf("%d rules valid%n", loaded.size());
            return 0;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Validates the rules, then publishes them to the rules topic; running processors apply them without a restart.")
    static final class Publish implements Callable<Integer> {
        @ParentCommand
        RulesCommand rules;

        @Parameters(index = "0", paramLabel = "DIR|FILE")
        Path path;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster (else from the config).")
        String bootstrapServers;

        @Override
        public Integer call() {
            List<WatchRule> loaded = load(path);
            Config config = rules.parent.config(bootstrapServers);
            KafkaClients.common(config, "check");
            ProcessorFactory.publish(config, TopicKeys.topics(config), loaded);
            rules.parent.spec.commandLine().getOut().printf("published %d rules to %s%n", loaded.size(), TopicKeys.topics(config).rules().name());
            return 0;
        }
    }
}
