package io.newswatch.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.config.ConfigException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port choice of the embedded broker, without starting it. */
class EmbeddedKafkaBrokerTest {
    @TempDir
    Path dir;

    private static int clientPort(EmbeddedKafkaBroker b) {
        String servers = b.bootstrapServers();
        return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
    }

    @Test
    void shouldPickTwoDifferentFreePorts() {
        for (int i = 0; i < 200; i++) {
            EmbeddedKafkaBroker b = new EmbeddedKafkaBroker(dir, 0, 0);
            assertThat(clientPort(b)).isPositive().isNotEqualTo(b.controllerPort());
            assertThat(b.controllerPort()).isPositive();
        }
    }

    @Test
    void shouldNotPickTheFixedPortForTheOtherListener() throws Exception {
        try (ServerSocket fixed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = fixed.getLocalPort();
            fixed.close();
            for (int i = 0; i < 50; i++) {
                assertThat(new EmbeddedKafkaBroker(dir, port, 0).controllerPort()).isNotEqualTo(port);
                assertThat(clientPort(new EmbeddedKafkaBroker(dir, 0, port))).isNotEqualTo(port);
            }
        }
    }

    @Test
    void shouldRefuseOnePortForBothListeners() {
        assertThatThrownBy(() -> new EmbeddedKafkaBroker(dir, 19092, 19092))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broker.port and broker.controllerPort are both 19092");
    }
}
