package io.newswatch.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in order and closes them in reverse, once, from a shutdown hook (Ctrl-C, SIGTERM) or
 * from {@link #close()}. A component that fails to close is logged and the others still close.
 */
final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<Named> started = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private Thread hook;

    /** Registers an already started component; it is closed before the ones registered earlier. */
    <T extends AutoCloseable> T add(String name, T component) {
        synchronized (started) {
            started.push(new Named(name, component));
        }
        return component;
    }

    /** Closes everything on JVM shutdown. */
    Lifecycle withShutdownHook() {
        hook = new Thread(this::close, "newswatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    /** Blocks until {@link #close()} ran. */
    void awaitClose() throws InterruptedException {
        done.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping");
        while (true) {
            Named n;
            synchronized (started) {
                n = started.poll();
            }
            if (n == null) {
                break;
            }
            try {
                n.component().close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", n.name(), e.toString());
            }
        }
        LOG.info("stopped");
        done.countDown();
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    private record Named(String name, AutoCloseable component) {
    }
}
