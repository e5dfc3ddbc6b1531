package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * docker-compose.yml on a real Docker engine: the image builds, the services start in order behind their health
 * checks, and the alerts service answers ready. Skipped (with the reason) where no Docker engine answers; the
 * files are checked against the CLI without Docker by {@code ComposeFilesTest}.
 */
class ComposeIT {

    @Test
    void shouldStartTheComposeDeploymentUntilTheAlertsServiceIsReady() throws Exception {
        assumeTrue(dockerAvailable(), "no Docker engine answers on this machine: the compose deployment is not started "
                + "(ComposeFilesTest still checks the files against the CLI)");
        try (ComposeContainer compose = new ComposeContainer(new File("../docker-compose.yml"))
                .withBuild(true)
                .withExposedService("alerts", 8080, Wait.forHttp("/health/ready").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(15)))) {
            compose.start();
            String base = "http://" + compose.getServiceHost("alerts", 8080) + ":" + compose.getServicePort("alerts", 8080);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"kafka\":\"UP\"", "\"alert-raiser\":\"UP\"");
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
