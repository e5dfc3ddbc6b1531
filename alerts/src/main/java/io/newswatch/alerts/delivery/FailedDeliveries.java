package io.newswatch.alerts.delivery;

import io.newswatch.alerts.channel.Channels;
import io.newswatch.model.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Sends failed deliveries again: each {@code FAILED} ledger record not delivered since, on its channel, once;
 * success is recorded as {@code DELIVERED} under the same key (so it replaces the failure, and the idempotency
 * key is unchanged), failure as a new {@code FAILED} with the new cause. Used by {@code newswatch deliveries
 * retry}; the desk will call the same code.
 */
public final class FailedDeliveries {
    private final DeliveryLedger ledger;
    private final List<Channels.Configured> channels;

    /** @param ledger a loaded ledger */
    public FailedDeliveries(DeliveryLedger ledger, List<Channels.Configured> channels) {
        this.ledger = ledger;
        this.channels = List.copyOf(channels);
    }

    /** The failures awaiting retry, optionally of one channel. */
    public List<Delivery> list(String channel) {
        return ledger.failures(channel);
    }

    /**
     * Retries every failure of {@code channel} (or of all channels when {@code null}).
     *
     * @param report told one line per delivery
     * @return how many were delivered now, and how many failed again
     */
    public int[] retry(String channel, Consumer<String> report) {
        return retry(channel, d -> true, report);
    }

    /** Retries the failures of {@code channel} (or of all channels when {@code null}) that {@code which} accepts. */
    public int[] retry(String channel, Predicate<Delivery> which, Consumer<String> report) {
        int ok = 0;
        int bad = 0;
        for (Delivery d : new ArrayList<>(ledger.failures(channel))) {
            if (!which.test(d)) {
                continue;
            }
            Channels.Configured c = channels.stream().filter(x -> x.spec().id().equals(d.channel())).findFirst().orElse(null);
            if (c == null) {
                report.accept("skipped " + d.key() + ": no channel '" + d.channel() + "' in the configuration");
                continue;
            }
            if (d.alerts().isEmpty()) {
                report.accept("skipped " + d.key() + ": the ledger record holds no alert to send");
                continue;
            }
            Notice n = notice(d);
            try {
                c.channel().deliver(n);
                ledger.delivered(d.channel(), n, d.attempts() + 1, null);
                ok++;
                report.accept("delivered " + d.key());
            } catch (DeliveryException | RuntimeException e) {
                ledger.failed(d.channel(), n, d.attempts() + 1, e.getMessage(), null);
                bad++;
                report.accept("failed again " + d.key() + ": " + e.getMessage());
            }
        }
        ledger.flush();
        return new int[] {ok, bad};
    }

    private static Notice notice(Delivery d) {
        if (d.alerts().size() == 1 && d.alerts().get(0).deliveryId().equals(d.deliveryId())) {
            return Notice.of(d.alerts().get(0));
        }
        // a digest: its id is digest-<policy>-<window start ms>-<hash>
        String id = d.deliveryId();
        int hash = id.lastIndexOf('-');
        int start = id.lastIndexOf('-', hash - 1);
        String policy = start > "digest-".length() ? id.substring("digest-".length(), start) : "retry";
        Instant from;
        try {
            from = Instant.ofEpochMilli(Long.parseLong(id.substring(start + 1, hash)));
        } catch (RuntimeException e) {
            from = d.at();
        }
        return new Notice(id, Notice.Kind.DIGEST, d.alerts(), policy, from, d.at());
    }
}
