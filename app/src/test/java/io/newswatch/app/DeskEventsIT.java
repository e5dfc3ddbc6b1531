package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.model.Alert;
import io.newswatch.model.topic.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's live feed over Server-Sent Events on a real broker (alerts topic of three partitions): a client that
 * disconnects and comes back with {@code Last-Event-ID} receives exactly the alert versions raised meanwhile, none
 * twice and none lost, then the live ones. The position logic alone is in {@code DeskEventsTest}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeskEventsIT {
    @TempDir
    Path dir;

    /** One SSE event as read off the wire. */
    record Event(String id, String name, String data) {
    }

    /** An open event stream, read on its own thread. */
    static final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final InputStream body;
        final Thread reader;

        Stream(DeskHarness desk, String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(desk.base() + "/api/events")).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + DeskHarness.VIEWER);
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> r = desk.http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            body = r.body();
            reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String id = null;
                    String name = null;
                    StringBuilder data = new StringBuilder();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.isEmpty()) {
                            if (name != null) {
                                events.add(new Event(id, name, data.toString()));
                            }
                            id = null;
                            name = null;
                            data.setLength(0);
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).trim();
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).trim());
                        }
                    }
                } catch (Exception e) {
                    // closed by the test
                }
            });
        }

        Event next(String name) throws InterruptedException {
            for (;;) {
                Event e = events.poll(30, TimeUnit.SECONDS);
                assertThat(e).as("an SSE event '" + name + "' within 30 s").isNotNull();
                if (e.name().equals(name)) {
                    return e;
                }
            }
        }

        /** The alerts that arrive within {@code quiet} of each other, until none does. */
        List<Event> alertsUntilQuiet(Duration quiet) throws InterruptedException {
            List<Event> out = new ArrayList<>();
            for (Event e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); e != null; e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
                if (e.name().equals("alert")) {
                    out.add(e);
                }
            }
            return out;
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.interrupt();
        }
    }

    static String idOf(Event e) throws Exception {
        return Json.mapper().readValue(e.data(), Alert.class).alertId();
    }

    @Test
    void shouldSendAReconnectingClientExactlyTheAlertsItMissed(KafkaCluster kafka) throws Exception {
        try (DeskHarness desk = new DeskHarness(kafka, dir, null, Map.of()).start()) {
            Instant t = Instant.parse("2026-03-01T10:00:00Z");
            // history from before the client ever connected
            for (int i = 0; i < 5; i++) {
                desk.publish(DeskHarness.alert("old" + i, "drone-training", "high", "Old alert " + i, "Wire", "en", t.plusSeconds(i)));
            }
            String lastId;
            List<String> seen = new ArrayList<>();
            try (Stream first = new Stream(desk, null)) {
                Event start = first.next("position");
                assertThat(start.id()).matches("\\d+\\.\\d+\\.\\d+");
                for (int i = 0; i < 6; i++) {
                    desk.publish(DeskHarness.alert("live" + i, "drone-training", "high", "Live alert " + i, "Wire", "en", t.plusSeconds(100 + i)));
                }
                List<Event> live = new ArrayList<>();
                while (live.size() < 6) {
                    live.add(first.next("alert"));
                }
                for (Event e : live) {
                    seen.add(idOf(e));
                }
                assertThat(seen).containsExactlyInAnyOrder("live0", "live1", "live2", "live3", "live4", "live5");
                lastId = live.get(live.size() - 1).id();
                assertThat(first.alertsUntilQuiet(Duration.ofSeconds(2))).isEmpty();
            }

            // disconnected: eight alerts, and a new version of one the client already had
            List<String> missed = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                desk.publish(DeskHarness.alert("missed" + i, "cartel-recruitment", "medium", "Missed alert " + i, "Wire", "es", t.plusSeconds(200 + i)));
                missed.add("missed" + i);
            }
            Alert grown = DeskHarness.alert("live2", "drone-training", "high", "Live alert 2, grown", "Wire", "en", t.plusSeconds(102));
            desk.publish(new Alert(grown.schemaVersion(), grown.alertId(), grown.storyId(), grown.ruleId(), grown.ruleVersion(), grown.severity(),
                    grown.articleId(), grown.title(), grown.url(), grown.source(), grown.lang(), grown.publishedAt(), grown.snippets(), grown.entities(),
                    grown.raisedAt(), 2, t.plusSeconds(300), List.of("Wire", "Other Wire"), List.of("en", "es"), 2));
            missed.add("live2");

            try (Stream again = new Stream(desk, lastId)) {
                List<Event> replayed = again.alertsUntilQuiet(Duration.ofSeconds(3));
                List<String> ids = new ArrayList<>();
                for (Event e : replayed) {
                    ids.add(idOf(e));
                }
                assertThat(ids).containsExactlyInAnyOrderElementsOf(missed);
                assertThat(replayed).extracting(Event::id).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d+\\.\\d+\\.\\d+"));
                Alert version2 = Json.mapper().readValue(replayed.stream().filter(e -> e.data().contains("\"live2\"")).findFirst().orElseThrow().data(),
                        Alert.class);
                assertThat(version2.version()).isEqualTo(2);

                // and the stream goes on live, each alert once
                desk.publish(DeskHarness.alert("after", "drone-training", "low", "After the reconnect", "Wire", "en", t.plusSeconds(400)));
                List<Event> after = again.alertsUntilQuiet(Duration.ofSeconds(3));
                assertThat(after).hasSize(1);
                assertThat(idOf(after.get(0))).isEqualTo("after");
                lastId = after.get(0).id();
            }

            // a client already up to date gets nothing old
            try (Stream current = new Stream(desk, lastId)) {
                assertThat(current.alertsUntilQuiet(Duration.ofSeconds(2))).isEmpty();
            }
        }
    }
}
