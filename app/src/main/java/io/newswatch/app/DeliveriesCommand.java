package io.newswatch.app;

import io.newswatch.alerts.channel.Channels;
import io.newswatch.alerts.delivery.DeliveryLedger;
import io.newswatch.alerts.delivery.FailedDeliveries;
import io.newswatch.config.Config;
import io.newswatch.config.KafkaClients;
import io.newswatch.config.TopicKeys;
import io.newswatch.model.Delivery;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newswatch deliveries failed|retry}: the delivery ledger's permanent failures, and sending them again. */
@Command(name = "deliveries", mixinStandardHelpOptions = true, description = "Failed alert deliveries: list them, or send them again.",
        subcommands = {DeliveriesCommand.Failed.class, DeliveriesCommand.Retry.class})
final class DeliveriesCommand implements Runnable {
    @ParentCommand
    Newswatch parent;

    @Override
    public void run() {
        parent.spec.commandLine().getSubcommands().get("deliveries").usage(parent.spec.commandLine().getOut());
    }

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        DeliveriesCommand parent;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster (else from the config).")
        String bootstrapServers;

        @Option(names = "--channel", paramLabel = "ID", description = "Only this channel.")
        String channel;

        Config config() {
            Config c = parent.parent.config(bootstrapServers);
            KafkaClients.common(c, "check");
            return c;
        }

        DeliveryLedger ledger(Config c) {
            var topics = TopicKeys.topics(c);
            return new DeliveryLedger(topics, KafkaClients.consumer(c, "newswatch-deliveries-cli", null),
                    KafkaClients.producer(c, "newswatch-deliveries-cli"), topics.deliveries().cleanup().retention(c), Clock.systemUTC()).load();
        }
    }

    @Command(name = "failed", mixinStandardHelpOptions = true, description = "Lists deliveries that failed for good and were not retried since.")
    static final class Failed extends Sub {
        @Override
        public Integer call() {
            Config c = config();
            try (DeliveryLedger ledger = ledger(c)) {
                var out = parent.parent.spec.commandLine().getOut();
                List<Delivery> failed = ledger.failures(channel);
                for (Delivery d : failed) {
                    out.printf("%s  %s  attempts=%d  at=%s  cause=%s%n", d.channel(), d.deliveryId(), d.attempts(), d.at(), d.cause());
                }
                out.printf("%d failed deliveries%n", failed.size());
                return 0;
            }
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Sends failed deliveries again, with the same idempotency keys.")
    static final class Retry extends Sub {
        @Override
        public Integer call() {
            Config c = config();
            List<Channels.Configured> channels = Channels.fromConfig(c, Clock.systemUTC());
            try (DeliveryLedger ledger = ledger(c)) {
                var out = parent.parent.spec.commandLine().getOut();
                int[] r = new FailedDeliveries(ledger, channels).retry(channel, out::println);
                out.printf("%d delivered, %d failed again%n", r[0], r[1]);
                return r[1] == 0 ? 0 : 1;
            } finally {
                channels.forEach(ch -> ch.channel().close());
            }
        }
    }
}
