package io.newswatch.tools;

import io.newswatch.app.CommandExtension;
import io.newswatch.tools.bench.BenchCommand;
import java.util.List;

/** Adds {@code newswatch bench} and {@code newswatch eval} to the command line when the tools jar is on the class path. */
public final class ToolCommands implements CommandExtension {
    @Override
    public List<Object> commands() {
        return List.of(BenchCommand.class, EvalCommand.class);
    }
}
