package io.newswatch.tools;

import io.newswatch.config.ConfigException;
import io.newswatch.tools.extraction.ExtractionEval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code newswatch eval}: evaluation commands over benchmark corpora. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluation over benchmark corpora.",
        subcommands = {EvalCommand.Extraction.class})
final class EvalCommand {

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
