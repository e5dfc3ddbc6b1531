package io.newswatch.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One pass of a command over many input files ({@code scan}, {@code ingest --from-dir}, {@code feeds import}):
 * a file that is missing, too large, malformed or fails in processing is reported on standard error with its
 * name and reason, and the batch goes on with the next one. {@link #finish()} prints a summary line when any
 * failed and gives the exit code: 0 when all went through, 1 otherwise. A stack overflow on one hostile file
 * is reported like any other failure (it has unwound by then); other {@code Error}s end the batch. Not
 * thread-safe.
 */
final class FileBatch {

    /** The work on one file. */
    @FunctionalInterface
    interface FileWork {
        void run() throws Exception;
    }

    private final String command;
    private final PrintWriter err;
    private int done;
    private int failed;

    FileBatch(String command, PrintWriter err) {
        this.command = Objects.requireNonNull(command, "command");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Runs {@code work} on {@code file} (after checking it is a regular file); reports and counts a failure. */
    void each(Path file, FileWork work) {
        Objects.requireNonNull(file, "file");
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(Files.exists(file) ? "not a regular file" : "no such file");
            }
            work.run();
            done++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(file, "interrupted");
        } catch (Exception | StackOverflowError e) {
            fail(file, reason(file, e));
        }
    }

    /** Counts a file as failed with {@code reason}, as {@link #each} does. */
    void fail(Path file, String reason) {
        failed++;
        // most readers name the file (and often a line and column) first: print it once
        err.println("newswatch " + command + ": skipped " + (reason.startsWith(file.toString()) ? reason : file + ": " + reason));
        err.flush();
    }

    int done() {
        return done;
    }

    int failed() {
        return failed;
    }

    /** @return the exit code: 0 when every file went through, 1 when any failed */
    int finish() {
        if (failed > 0) {
            err.println("newswatch " + command + ": " + failed + " of " + (done + failed) + " files failed");
            err.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    private static String reason(Path file, Throwable e) {
        String message = e instanceof StackOverflowError ? "too deeply nested to process" : e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
