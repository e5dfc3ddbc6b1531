package io.newswatch.tools;

import io.newswatch.app.Newswatch;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import io.newswatch.processor.ProcessorConfig;
import io.newswatch.tools.extraction.ExtractionEval;
import io.newswatch.tools.quality.LabelledEval;
import io.newswatch.tools.quality.LabelledFolder;
import io.newswatch.tools.quality.Labels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch eval}: watch quality on a labelled folder ({@code --labels LABELS.json DIR}), and evaluation
 * commands over benchmark corpora ({@code eval extraction}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = {
        "With --labels: runs a labelled folder of articles through the processor's own code (as scan does) and prints precision,",
        "recall and F1 per labelled rule, the duplicates found and falsely claimed, and the same-story joins and false joins.",
        "Exit code 1 when a threshold is not met. Labels format: eval/corpus/README.md.",
        "Subcommands evaluate other parts against benchmark corpora."},
        subcommands = {EvalCommand.Extraction.class})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    Newswatch parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--labels", paramLabel = "LABELS.json", description = "Expected outcomes of the articles in DIR.")
    Path labelsFile;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder of .txt/.html/.json articles (read in name order).")
    Path dir;

    @Option(names = "--rules", paramLabel = "PATH", description = "Rule file or directory (default: processor.rules, else the bundled pack).")
    Path rules;

    @Option(names = "--min-precision", paramLabel = "P", defaultValue = "0", description = "Lowest precision of every labelled rule (default: ${DEFAULT-VALUE}).")
    double minPrecision;

    @Option(names = "--min-recall", paramLabel = "R", defaultValue = "0", description = "Lowest recall of every labelled rule (default: ${DEFAULT-VALUE}).")
    double minRecall;

    @Option(names = "--min-duplicate-recall", paramLabel = "R", defaultValue = "0", description = "Lowest share of labelled copies found (default: ${DEFAULT-VALUE}).")
    double minDuplicateRecall;

    @Option(names = "--max-false-duplicates", paramLabel = "N", defaultValue = "2147483647", description = "Most false duplicate claims (default: no limit).")
    int maxFalseDuplicates;

    @Option(names = "--max-false-join-rate", paramLabel = "F", defaultValue = "1", description = "Highest share of different-story pairs joined (default: ${DEFAULT-VALUE}).")
    double maxFalseJoinRate;

    @Override
    public Integer call() throws IOException {
        if (labelsFile == null || dir == null) {
            throw new ParameterException(spec.commandLine(), "give --labels LABELS.json and DIR, or a subcommand");
        }
        LabelledEval.Thresholds thresholds;
        try {
            thresholds = new LabelledEval.Thresholds(minPrecision, minRecall, minDuplicateRecall, maxFalseDuplicates, maxFalseJoinRate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!Files.isRegularFile(labelsFile)) {
            throw new ConfigException("no such labels file: " + labelsFile);
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("no such directory: " + dir);
        }
        Config config = parent.config(null);
        if (rules != null) {
            config = config.with(ProcessorConfig.RULES, rules, "--rules");
        }
        Labels labels;
        Map<String, LabelledEval.Outcome> outcomes;
        try {
            labels = Labels.read(labelsFile);
            outcomes = LabelledFolder.scan(config, dir, labelsFile);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        LabelledEval.Report report;
        try {
            report = LabelledEval.score(labels, outcomes);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(labelsFile + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.render());
        List<String> failures = report.failures(thresholds);
        failures.forEach(f -> out.println("FAIL " + f));
        out.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Extracts every page of an article-extraction benchmark (html/<id>.html.gz) and writes {id: {articleBody}} predictions.")
    static final class Extraction implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CORPUS_DIR")
        Path corpus;

        @Parameters(index = "1", paramLabel = "PREDICTIONS.json")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(corpus.resolve("html"))) {
                throw new ConfigException(corpus + " has no html/ directory of pages");
            }
            ExtractionEval.main(new String[] {corpus.toString(), out.toString()});
            return 0;
        }
    }
}
