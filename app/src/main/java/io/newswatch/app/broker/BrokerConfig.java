package io.newswatch.app.broker;

import io.newswatch.config.Config;
import io.newswatch.config.ConfigKey;
import io.newswatch.config.ConfigType;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the embedded broker, used only when no {@code kafka.bootstrap.servers} is configured.
 *
 * @param dataDir        where the broker keeps its log and metadata
 * @param port           client port on 127.0.0.1
 * @param controllerPort KRaft controller port on 127.0.0.1
 */
public record BrokerConfig(Path dataDir, int port, int controllerPort) {
    public static final ConfigKey<Path> DATA_DIR = ConfigKey.of("broker.dataDir", ConfigType.PATH, Path.of("data/kafka"),
            "Data directory of the embedded broker (topics, offsets and transactions survive restarts).");
    public static final ConfigKey<Integer> PORT = ConfigKey.of("broker.port", ConfigType.INT, 19092,
            "Client port of the embedded broker on 127.0.0.1 (other newswatch processes can join with --bootstrap-servers 127.0.0.1:PORT).")
            .validatedBy(p -> p >= 0 && p <= 65535, "must be 0-65535");
    public static final ConfigKey<Integer> CONTROLLER_PORT = ConfigKey.of("broker.controllerPort", ConfigType.INT, 19093,
            "KRaft controller port of the embedded broker on 127.0.0.1.").validatedBy(p -> p >= 0 && p <= 65535, "must be 0-65535");

    public static final List<ConfigKey<?>> KEYS = List.of(DATA_DIR, PORT, CONTROLLER_PORT);

    public static BrokerConfig from(Config c) {
        return new BrokerConfig(c.get(DATA_DIR), c.get(PORT), c.get(CONTROLLER_PORT));
    }
}
