package io.newswatch.tools.feeds;

import io.newswatch.ingest.feed.FeedDecoder;
import io.newswatch.ingest.feed.FeedParseException;
import io.newswatch.ingest.feed.FeedParser;
import io.newswatch.ingest.feed.ParsedFeed;
import io.newswatch.ingest.feed.StandardFeedParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs {@link StandardFeedParser} over the feedparser test suite and prints what happened: files parsed, clear
 * errors by category, unexpected exceptions, timeouts, the slowest file, whether the well-formed files parse,
 * whether the {@code encoding/} files get the charset their {@code Header:} lines imply, and how many of the
 * simple {@code Expect:} value checks pass (see {@link ExpectCheck}).
 *
 * <p>Usage: {@code FeedCorpusReport CORPUS_DIR [--verbose]} ({@code --verbose} lists the failed checks), where the directory is the suite's root (holding
 * {@code tests/}) or its {@code tests/} folder. Exits 1 when any file threw something other than
 * {@link FeedParseException} or timed out. {@code FeedparserCorpusIT} asserts on the same summary.
 */
public final class FeedCorpusReport {

    /** The refusal for Microsoft CDF, a well-formed format outside the {@link FeedParser} contract. */
    private static final String CDF_REFUSAL = "not a feed: root element <CHANNEL>";
    private static final int LIST_LIMIT = Integer.getInteger("newswatch.report.listLimit", 40);

    /**
     * What a run found.
     *
     * @param total              files read
     * @param parsed             files that gave a {@link ParsedFeed}
     * @param errors             {@link FeedParseException}s by category (the message up to its first colon)
     * @param errorFiles         each file that gave a {@link FeedParseException}, with the message
     * @param unexpected         files that threw anything else, with the exception
     * @param timeouts           files that did not finish within the per-file limit
     * @param slowest            the slowest file and its time
     * @param parseMillis        time spent parsing, all files together
     * @param wellFormed         well-formed files required to parse (not expecting bozo)
     * @param wellFormedFailures those that did not, with the reason
     * @param policyRefusals     well-formed files refused because they declare a DOCTYPE internal subset
     * @param unsupported        well-formed files in a format outside the contract (CDF)
     * @param checks             supported {@code Expect:} checks by field: {passed, total}
     * @param checkFailures      the checks that failed: file, field, expected and actual value
     * @param encodingChecks     {@code encoding ==} checks in {@code encoding/} files (their {@code Header:} lines
     *                           are passed as the Content-Type)
     * @param encodingFailures   {@code encoding/} files whose charset differs from the expected one
     */
    record Summary(int total, int parsed, Map<String, Integer> errors, List<String> errorFiles, List<String> unexpected, List<String> timeouts,
                   String slowest, long parseMillis, int wellFormed, List<String> wellFormedFailures, List<String> policyRefusals,
                   List<String> unsupported, Map<String, int[]> checks, List<String> checkFailures,
                   int encodingChecks, List<String> encodingFailures) {

        int clearErrors() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        int checksPassed() {
            return checks.values().stream().mapToInt(c -> c[0]).sum();
        }

        int checksTotal() {
            return checks.values().stream().mapToInt(c -> c[1]).sum();
        }

        void print(PrintStream out, boolean verbose) {
            out.printf("feedparser corpus: %d files%n", total);
            out.printf("  parsed                      %5d%n", parsed);
            out.printf("  clear errors                %5d%n", clearErrors());
            errors.forEach((category, n) -> out.printf("    %-26s%5d%n", category, n));
            if (verbose) {
                out.printf("    files%s%n", list(errorFiles));
            }
            out.printf("  unexpected exceptions       %5d%s%n", unexpected.size(), list(unexpected));
            out.printf("  timeouts                    %5d%s%n", timeouts.size(), list(timeouts));
            out.printf("  parse time                  %d ms in all, %.2f ms per file%n", parseMillis, total == 0 ? 0.0 : (double) parseMillis / total);
            out.printf("  slowest file                %s%n", slowest);
            out.printf("  well-formed, must parse     %5d  failed %d%s%n", wellFormed, wellFormedFailures.size(), list(wellFormedFailures));
            out.printf("    refused by DOCTYPE policy %5d%s%n", policyRefusals.size(), list(policyRefusals));
            out.printf("    CDF, not a supported format %3d%n", unsupported.size());
            out.printf("  Expect: checks passed       %5d of %d%n", checksPassed(), checksTotal());
            checks.forEach((field, c) -> out.printf("    %-26s%5d of %d%n", field, c[0], c[1]));
            if (verbose) {
                out.printf("    failed checks%s%n", list(checkFailures));
            }
            out.printf("  encoding/ charset checks    %5d  mismatches %d%s%n", encodingChecks, encodingFailures.size(), list(encodingFailures));
        }

        private static String list(List<String> items) {
            return items.isEmpty() ? "" : items.stream().limit(LIST_LIMIT).map(s -> "\n      " + s).reduce("", String::concat)
                    + (items.size() > LIST_LIMIT ? "\n      ... " + (items.size() - LIST_LIMIT) + " more" : "");
        }
    }

    private FeedCorpusReport() {
    }

    public static void main(String[] args) throws IOException {
        boolean verbose = args.length == 2 && args[1].equals("--verbose");
        if (args.length != 1 && !verbose) {
            System.err.println("usage: FeedCorpusReport CORPUS_DIR [--verbose]   (the feedparser-tests folder)");
            System.exit(2);
        }
        long start = System.nanoTime();
        Summary summary = run(Path.of(args[0]), Duration.ofSeconds(10));
        summary.print(System.out, verbose);
        System.out.printf("  wall time                   %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        System.exit(summary.unexpected().isEmpty() && summary.timeouts().isEmpty() ? 0 : 1);
    }

    /**
     * Parses every file under the suite, each with {@code perFileTimeout}.
     *
     * @param corpusDir the suite's root or its {@code tests/} folder
     * @throws IllegalArgumentException when {@code corpusDir} holds no {@code tests/} folder
     */
    static Summary run(Path corpusDir, Duration perFileTimeout) throws IOException {
        Path tests = Files.isDirectory(corpusDir.resolve("tests")) ? corpusDir.resolve("tests") : corpusDir;
        if (!Files.isDirectory(tests.resolve("wellformed"))) {
            throw new IllegalArgumentException("not the feedparser test suite (no tests/wellformed folder): " + corpusDir);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tests)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        StandardFeedParser parser = new StandardFeedParser();
        ExecutorService executor = newExecutor();
        int parsed = 0;
        Map<String, Integer> errors = new TreeMap<>();
        List<String> errorFiles = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> timeouts = new ArrayList<>();
        List<String> wellFormedFailures = new ArrayList<>();
        List<String> policyRefusals = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        List<String> encodingFailures = new ArrayList<>();
        List<String> checkFailures = new ArrayList<>();
        int encodingChecks = 0;
        Map<String, int[]> checks = new TreeMap<>();
        int wellFormed = 0;
        String slowest = "none";
        long slowestNanos = -1;
        long parseNanos = 0;
        try {
            for (Path file : files) {
                FeedparserCase c = FeedparserCase.read(file, tests);
                long t0 = System.nanoTime();
                Future<ParsedFeed> future = executor.submit(() -> parser.parse(c.body(), c.contentType(), c.feedUrl()));
                ParsedFeed feed = null;
                Throwable error = null;
                try {
                    feed = future.get(perFileTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    error = e.getCause();
                } catch (TimeoutException e) {
                    future.cancel(true);
                    // The stuck worker cannot be stopped; abandon it (daemon) and carry on with a fresh one.
                    executor.shutdownNow();
                    executor = newExecutor();
                    timeouts.add(c.name());
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while parsing " + c.name(), e);
                }
                long nanos = System.nanoTime() - t0;
                parseNanos += nanos;
                if (nanos > slowestNanos) {
                    slowestNanos = nanos;
                    slowest = c.name() + " (" + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms)";
                }
                if (error == null) {
                    parsed++;
                } else if (error instanceof FeedParseException fpe) {
                    errors.merge(category(fpe), 1, Integer::sum);
                    errorFiles.add(c.name() + ": " + fpe.getMessage());
                } else {
                    unexpected.add(c.name() + ": " + error);
                }
                boolean required = c.name().startsWith("wellformed/") && !c.expectsBozo();
                if (required) {
                    wellFormed++;
                    if (error != null) {
                        if (error instanceof FeedParseException fpe && category(fpe).equals("DOCTYPE is not allowed")) {
                            policyRefusals.add(c.name());
                        } else if (error.getMessage() != null && error.getMessage().startsWith(CDF_REFUSAL)) {
                            unsupported.add(c.name());
                        } else {
                            wellFormedFailures.add(c.name() + ": " + error.getMessage());
                        }
                    }
                }
                Charset charset = FeedDecoder.decode(c.body(), c.contentType()).charset();
                for (String term : c.terms()) {
                    Optional<ExpectCheck> check = ExpectCheck.of(term);
                    if (check.isEmpty()) {
                        continue;
                    }
                    boolean pass = check.get().passes(feed, charset);
                    int[] tally = checks.computeIfAbsent(check.get().field(), k -> new int[2]);
                    tally[1]++;
                    if (pass) {
                        tally[0]++;
                    } else {
                        checkFailures.add(c.name() + ": " + check.get().field() + " expected '" + check.get().expected()
                                + "', got '" + check.get().actual(feed, charset) + "'");
                    }
                    if (check.get().field().equals("encoding") && c.name().startsWith("encoding/")) {
                        encodingChecks++;
                        if (!pass) {
                            encodingFailures.add(c.name() + ": expected " + check.get().expected() + ", read as " + charset.name());
                        }
                    }
                }
            }
        } finally {
            executor.shutdownNow();
        }
        return new Summary(files.size(), parsed, errors, errorFiles, unexpected, timeouts, slowest,
                TimeUnit.NANOSECONDS.toMillis(parseNanos), wellFormed, wellFormedFailures,
                policyRefusals, unsupported, checks, checkFailures, encodingChecks, encodingFailures);
    }

    /** The category a {@link FeedParseException} message starts with. */
    static String category(FeedParseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int colon = m.indexOf(':');
        return colon < 0 ? m : m.substring(0, colon);
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "feed-corpus-parse");
            t.setDaemon(true);
            return t;
        });
    }
}
