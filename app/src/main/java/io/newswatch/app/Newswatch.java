package io.newswatch.app;

import io.newswatch.app.history.HistoryCommands;
import io.newswatch.config.Config;
import io.newswatch.app.replay.ReplayCommand;
import io.newswatch.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code newswatch} command line. Commands beyond the services' own (the tools module's {@code bench} and
 * {@code eval}) are found through {@link CommandExtension} when their jar is on the class path. Exit codes: 0 success, 1 failure, 2 usage or configuration error
 * (the message says what to fix).
 */
@Command(name = "newswatch", mixinStandardHelpOptions = true, versionProvider = Newswatch.Version.class, sortOptions = false,
        description = "Streaming news monitor: feeds in, one alert per story and watch rule out.",
        footer = {"", "Benchmarks and evaluation (bench, eval) come with the tools module: ./newswatch bench|eval in a checkout."},
        subcommands = {RunCommand.class, ServiceCommands.Ingest.class, ServiceCommands.Process.class, ServiceCommands.Alerts.class,
                DeliveriesCommand.class, ReplayCommand.class, HistoryCommands.Export.class, HistoryCommands.Import.class, TokensCommand.class,
                ScanCommand.class, ExtractCommand.class, FeedsCommand.class, RulesCommand.class, ConfigCommand.class, HealthCommand.class,
                CommandLine.HelpCommand.class})
public final class Newswatch implements Runnable {
    /**
     * Lucene announces through java.util.logging, at INFO on standard error, that the Vector API is enabled (the
     * launcher and the image pass --add-modules jdk.incubator.vector); that is not news. Its warnings still show.
     * Held here because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTORS = java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        LUCENE_VECTORS.setLevel(java.util.logging.Level.WARNING);
    }

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Config file (default: ./newswatch.yaml when present, else built-in defaults).")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Loads the config; {@code bootstrapServers}, when given, overrides {@code kafka.bootstrap.servers}. */
    public Config config(String bootstrapServers) {
        Config c = AllKeys.load(configFile, System.getenv());
        LogFormat.apply(c);
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            Map<String, String> kafka = new LinkedHashMap<>(c.kafka());
            kafka.put("bootstrap.servers", bootstrapServers);
            c = c.withKafka(kafka);
        }
        return c;
    }

    /** The command line's spec (its output and error streams). */
    public CommandLine.Model.CommandSpec spec() {
        return spec;
    }

    /** Where commands print their results (the command line's standard output). */
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Newswatch());
        for (CommandExtension extension : ServiceLoader.load(CommandExtension.class)) {
            extension.commands().forEach(cli::addSubcommand);
        }
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("newswatch: configuration error: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("newswatch: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(Newswatch.class).debug("failure", e);
            return 1;
        });
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Newswatch.class.getPackage().getImplementationVersion();
            return new String[] {"newswatch " + (v == null ? "dev" : v), "Java " + Runtime.version()};
        }
    }
}
