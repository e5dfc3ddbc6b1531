package io.newswatch.app.testkit;

import io.newswatch.app.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Gives integration tests a real Kafka broker, one per test class: a Testcontainers Kafka where a Docker
 * engine answers, else newswatch's embedded KRaft broker in a temporary directory. Inject it as a
 * {@link KafkaCluster} parameter (constructor, lifecycle or test method).
 *
 * <p>Set the system property {@code newswatch.test.broker=embedded} to skip the Docker probe.
 */
public final class KafkaBrokerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        ExtensionContext classContext = e.getRoot() == e ? e : classContext(e);
        return classContext.getStore(NS).getOrComputeIfAbsent("cluster", k -> start(), Started.class).cluster();
    }

    private static ExtensionContext classContext(ExtensionContext e) {
        ExtensionContext c = e;
        while (c.getParent().isPresent() && c.getTestMethod().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static Started start() {
        if (!"embedded".equals(System.getProperty("newswatch.test.broker")) && dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
            container.start();
            return new Started(new Cluster(container.getBootstrapServers(), "testcontainers"), container::stop, null);
        }
        try {
            Path dir = Files.createTempDirectory("newswatch-kafka-");
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, 0, 0).start();
            return new Started(new Cluster(broker.bootstrapServers(), "embedded"), broker::close, dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory for the embedded broker", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private record Cluster(String bootstrapServers, String kind) implements KafkaCluster {
    }

    /** Stops the broker and deletes its data when the test class's store closes. */
    private record Started(KafkaCluster cluster, Runnable stop, Path dir) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            stop.run();
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
