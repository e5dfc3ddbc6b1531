package io.newswatch.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;

/**
 * Prints what abandoning a gzip bomb costs {@link BodyReader}: compressed bytes pulled, time and bytes allocated.
 * Run with a JDK 21+ after {@code ./mvnw -B -q -o -pl ingest -am test-compile}:
 * <pre>{@code java -cp ingest/target/classes:ingest/target/test-classes io.newswatch.ingest.fetch.GzipBombBenchmark}</pre>
 */
public final class GzipBombBenchmark {

    private GzipBombBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long limit = FetchConfig.DEFAULT_MAX_BODY_BYTES;
        byte[] bomb = GzipBomb.ofZeros(1024);
        System.out.printf("bomb: 1 GiB of zeros in %,d compressed bytes; limit %,d bytes%n", bomb.length, limit);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= 5; run++) {
            long[] pulled = {0};
            InputStream wire = new FilterInputStream(new ByteArrayInputStream(bomb)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    pulled[0] += Math.max(n, 0);
                    return n;
                }
            };
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            String outcome;
            try {
                outcome = "read " + BodyReader.read(wire, "gzip", limit).length + " bytes (unexpected)";
            } catch (BodyReader.TooLargeException e) {
                outcome = e.getMessage();
            }
            System.out.printf("run %d: %s; pulled %,d compressed bytes in %.1f ms, allocated %.1f MiB%n", run, outcome,
                    pulled[0], (System.nanoTime() - started) / 1e6,
                    (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / 1048576.0);
        }
    }
}
