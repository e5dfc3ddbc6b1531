package io.newswatch.app;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.config.Config;
import io.newswatch.health.Health;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch health}: asks the service running beside it whether it is live or ready, for container health
 * checks (the image's HEALTHCHECK, compose) where no HTTP client is installed.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Asks a running newswatch service whether it is live or ready and prints its answer (for container health checks).",
                "Without --url it tries alerts.http.port (alerts, run) and then ops.port (ingest, process) on this machine, as configured.",
                "Exit code 0 when the answer is UP, 1 when it is DOWN or no service answers."})
final class HealthCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ParentCommand
    Newswatch parent;

    @Option(names = "--probe", paramLabel = "live|ready", defaultValue = "ready", description = "Which question to ask (default: ${DEFAULT-VALUE}).")
    String probe;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "Ask this service instead, e.g. http://10.0.0.5:8081 (the probe path is appended).")
    URI url;

    @Override
    public Integer call() throws InterruptedException {
        Health.Probe asked = Health.Probe.ofPath("/health/" + probe);
        if (asked == null || probe.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--probe must be live or ready, not '" + probe + "'");
        }
        List<URI> targets = new ArrayList<>();
        if (url != null) {
            targets.add(url);
        } else {
            Config c = parent.config(null);
            String basePath = c.get(AlertsConfig.HTTP_BASE_PATH);
            targets.add(URI.create(local(c.get(AlertsConfig.HTTP_HOST), c.get(AlertsConfig.HTTP_PORT)) + (basePath.equals("/") ? "" : basePath)));
            targets.add(local(c.get(OpsServer.HOST), c.get(OpsServer.PORT)));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        List<String> tried = new ArrayList<>();
        for (URI base : targets) {
            URI u = URI.create(base.toString().replaceAll("/+$", "") + "/health/" + asked.path());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(u).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                parent.out().println(r.body());
                return r.statusCode() == 200 ? 0 : 1;
            } catch (ConnectException | HttpTimeoutException e) {
                tried.add(u + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            } catch (IOException e) {
                tried.add(u + " (" + e + ")");
            }
        }
        parent.spec.commandLine().getErr().println("newswatch: no service answered at " + String.join(", ", tried));
        return 1;
    }

    private static URI local(String host, int port) {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port);
    }
}
