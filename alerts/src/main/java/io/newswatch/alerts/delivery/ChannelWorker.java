package io.newswatch.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswatch.alerts.channel.ChannelSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One channel's queue and delivery thread. A notice is tried up to {@code maxAttempts} times, waiting
 * {@code backoff × 2^(attempt-1)} (±20 % jitter, at most {@code backoffMax}) between attempts, or longer when the
 * receiver sent {@code Retry-After}; then it is recorded in the ledger as delivered or failed (with the cause), and
 * its offsets are released. The next notice waits until that ledger record is stored, so a crash leaves at most one
 * notice per channel sent but unrecorded. Nothing here waits on another channel, and no exception ends the thread.
 *
 * <p>A 410 from the receiver disables the channel: it says so in the log, reports unhealthy, and records every
 * later notice as failed ("channel disabled"), so that {@code newswatch deliveries retry} can send them once the
 * configuration is fixed.
 */
final class ChannelWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelWorker.class);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    /** Longest wait for the ledger to store an outcome before the next send. */
    private static final Duration LEDGER_WAIT = Duration.ofSeconds(30);

    /** A notice and what to do once it is settled. */
    record Job(Notice notice, Runnable done) {
    }

    private final ChannelSpec spec;
    private final AlertChannel channel;
    private final DeliveryLedger ledger;
    private final Clock clock;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Counter delivered;
    private final Counter failed;
    private final Counter retries;
    private final Timer latency;
    private volatile boolean disabled;
    private volatile int failureStreak;
    private volatile Instant busySince;
    private volatile Thread thread;

    ChannelWorker(ChannelSpec spec, AlertChannel channel, DeliveryLedger ledger, MeterRegistry metrics, Clock clock) {
        this.spec = spec;
        this.channel = channel;
        this.ledger = ledger;
        this.clock = clock;
        String id = spec.id();
        delivered = Counter.builder("newswatch.alerts.delivered").tag("channel", id).description("notices a channel accepted").register(metrics);
        failed = Counter.builder("newswatch.alerts.delivery.failed").tag("channel", id).description("notices a channel gave up on").register(metrics);
        retries = Counter.builder("newswatch.alerts.delivery.retries").tag("channel", id).description("attempts that failed and were retried").register(metrics);
        latency = Timer.builder("newswatch.alerts.delivery.latency").tag("channel", id)
                .description("from the alert version's stream time to the channel accepting it").publishPercentiles(0.5, 0.99).register(metrics);
        metrics.gauge("newswatch.alerts.delivery.queue", io.micrometer.core.instrument.Tags.of("channel", id), queue, BlockingQueue::size);
    }

    String id() {
        return spec.id();
    }

    ChannelSpec spec() {
        return spec;
    }

    void submit(Job job) {
        queue.add(job);
    }

    int queued() {
        return queue.size();
    }

    /**
     * Healthy unless disabled by a 410, failing its last three notices, or stuck on one notice for longer than
     * its whole retry schedule could take.
     */
    boolean healthy() {
        Instant since = busySince;
        Duration stuckAfter = spec.timeout().plus(spec.backoffMax()).multipliedBy(spec.maxAttempts()).plus(Duration.ofMinutes(1));
        return !disabled && failureStreak < 3 && (since == null || Duration.between(since, clock.instant()).compareTo(stuckAfter) < 0)
                && (thread == null || thread.isAlive());
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running.get()) {
            Job job;
            try {
                job = queue.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (!running.get()) {
                    return;
                }
                continue;
            }
            if (job == null) {
                continue;
            }
            Notice n = job.notice();
            // the lines about this delivery carry its channel, delivery id and alert id(s) as fields of their own
            boolean one = n.alerts().size() == 1;
            try (MDC.MDCCloseable c = MDC.putCloseable("channel", spec.id());
                 MDC.MDCCloseable d = MDC.putCloseable("deliveryId", n.deliveryId());
                 MDC.MDCCloseable a = one ? MDC.putCloseable("alertId", n.alerts().get(0).alertId()) : null;
                 MDC.MDCCloseable r = one ? MDC.putCloseable("rule", n.alerts().get(0).ruleId()) : null) {
                busySince = clock.instant();
                handle(job);
            } catch (InterruptedException e) {
                if (!running.get()) {
                    return; // the job's offsets stay uncommitted, so a restart sends it again
                }
            } catch (Throwable t) {
                // a bug in a channel or the ledger must not end delivery: record and carry on
                LOG.error("channel {}: unexpected error delivering {}: {}", spec.id(), job.notice().deliveryId(), t.toString(), t);
                settleFailed(job, 1, "unexpected error: " + t);
            } finally {
                busySince = null;
            }
        }
    }

    private void handle(Job job) throws InterruptedException {
        Notice n = job.notice();
        if (ledger.delivered(spec.id(), n.deliveryId())) {
            job.done().run();
            return;
        }
        if (disabled) {
            settleFailed(job, 0, "channel disabled after the receiver answered 410 Gone");
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                channel.deliver(n);
                Instant at = n.kind() == Notice.Kind.DIGEST ? n.windowEnd() : n.alert().updatedAt();
                if (at != null) {
                    latency.record(Duration.between(at, clock.instant()).abs());
                }
                delivered.increment();
                failureStreak = 0;
                awaitRecorded(ledger.delivered(spec.id(), n, attempt, job.done()), n);
                return;
            } catch (DeliveryException e) {
                if (e.disablesChannel()) {
                    disabled = true;
                    LOG.error("channel {} DISABLED: {}. Later alerts are recorded as failed; fix the channel and run 'newswatch deliveries retry'.",
                            spec.id(), e.getMessage());
                }
                if (!e.retryable() || attempt >= spec.maxAttempts()) {
                    settleFailed(job, attempt, e.getMessage());
                    return;
                }
                retries.increment();
                Duration wait = backoff(attempt, e.retryAfter());
                LOG.warn("channel {}: attempt {} of {} for {} failed ({}); next in {} ms", spec.id(), attempt, spec.maxAttempts(),
                        n.deliveryId(), e.getMessage(), wait.toMillis());
                Thread.sleep(wait.toMillis());
            } catch (RuntimeException e) {
                if (attempt >= spec.maxAttempts()) {
                    settleFailed(job, attempt, e.toString());
                    return;
                }
                retries.increment();
                LOG.warn("channel {}: attempt {} for {} threw {}", spec.id(), attempt, n.deliveryId(), e.toString());
                Thread.sleep(backoff(attempt, null).toMillis());
            }
        }
    }

    /** The wait before attempt {@code attempt + 1}. */
    Duration backoff(int attempt, Duration retryAfter) {
        long base = spec.backoff().toMillis() << Math.min(20, attempt - 1);
        long capped = Math.min(base, spec.backoffMax().toMillis());
        long jittered = (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), MAX_RETRY_AFTER.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }

    private void settleFailed(Job job, int attempts, String cause) {
        failed.increment();
        failureStreak++;
        LOG.warn("channel {}: gave up on {} after {} attempt(s): {}", spec.id(), job.notice().deliveryId(), attempts, cause);
        awaitRecorded(ledger.failed(spec.id(), job.notice(), attempts, cause, job.done()), job.notice());
    }

    /**
     * Waits until the ledger holds the outcome of {@code n} before the next send, so that a crash can leave only
     * this one notice sent but unrecorded. Bounded: with the cluster unreachable, delivery goes on and the
     * ledger's producer keeps retrying (the record's failure is logged by the ledger).
     */
    private void awaitRecorded(Future<?> record, Notice n) {
        try {
            record.get(LEDGER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // logged by the ledger; the notice was delivered, only a restart before a later record could repeat it
        } catch (TimeoutException e) {
            LOG.warn("channel {}: the ledger has not stored {} after {} s; going on", spec.id(), n.deliveryId(), LEDGER_WAIT.toSeconds());
        }
    }

    void channelClose() {
        channel.close();
    }

    void stop() {
        running.set(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
