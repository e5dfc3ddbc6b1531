package io.newswatch.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.ingest.feed.FeedSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Serves the bundled sample feed and its article pages from the classpath ({@code /demo/feed.xml},
 * {@code /demo/pages/*.html}) on 127.0.0.1, so that {@code run --demo} shows alerts with no network.
 * {@code {{base}}} in the files becomes this server's address. Also used by the end-to-end tests with
 * their own resource root.
 */
public final class DemoFeedServer implements AutoCloseable {
    private static final Pattern PAGE = Pattern.compile("/pages/[a-z0-9-]+\\.html");

    private final HttpServer server;
    private final String root;

    /** Starts serving {@code root + "/feed.xml"} and {@code root + "/pages/..."} from the classpath. */
    public DemoFeedServer(String root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The feed as a feed-list entry (polled every 30 s, full text on). */
    public FeedSpec feed(String id, String source) {
        return new FeedSpec(id, baseUrl() + "/feed.xml", source, "en", Duration.ofSeconds(30), true, List.of("demo"));
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String type;
            if (path.equals("/feed.xml")) {
                type = "application/rss+xml; charset=utf-8";
            } else if (PAGE.matcher(path).matches()) {
                type = "text/html; charset=utf-8";
            } else {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (InputStream in = DemoFeedServer.class.getResourceAsStream(root + path)) {
                if (in == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", baseUrl()).getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
