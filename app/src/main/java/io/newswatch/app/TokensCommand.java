package io.newswatch.app;

import io.newswatch.alerts.web.AccessTokens;
import io.newswatch.alerts.web.Role;
import io.newswatch.config.ConfigException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch tokens new NAME --role R}: a new desk and API token, and the config entry that admits it. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Access tokens for the desk and the alerts API.",
        subcommands = TokensCommand.New.class)
final class TokensCommand implements Runnable {
    @ParentCommand
    Newswatch parent;

    @Override
    public void run() {
        parent.spec.commandLine().getSubcommands().get("tokens").usage(parent.out());
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Prints a new random token and the alerts.auth.tokens entry to add to the config.",
                    "Only the token's SHA-256 goes in the config; give the token to its holder and keep it nowhere else."})
    static final class New implements Callable<Integer> {
        @ParentCommand
        TokensCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "Who holds the token (shown as who triaged an alert).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer (read), analyst (plus feedback) or admin (plus channels).")
        String role;

        @Override
        public Integer call() {
            Role r;
            try {
                AccessTokens.checkName(name);
                r = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
            String token = AccessTokens.newToken();
            PrintWriter out = parent.parent.out();
            out.println("token: " + token);
            out.println();
            out.println("Add to newswatch.yaml (only the hash is stored; the token is not shown again):");
            out.println("alerts:");
            out.println("  auth:");
            out.println("    tokens:");
            out.printf("      - {name: %s, role: %s, sha256: %s}%n", name, r.wire(), AccessTokens.sha256Hex(token));
            out.flush();
            return 0;
        }
    }
}
