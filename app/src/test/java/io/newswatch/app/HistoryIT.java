package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newswatch export} and {@code import} on a real broker: a window of a topic goes out as JSON lines on
 * standard output (log lines elsewhere) and comes back into another topic with the same keys, timestamps, headers
 * and bytes, binary values and tombstones included; a broken line and a line for a missing topic are reported
 * with their numbers and the rest is imported.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HistoryIT {
    static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

    @TempDir
    Path dir;

    /** One record as compared: partition and offset left out (the target may differ in both). */
    record Seen(String key, long timestamp, String value, Map<String, String> headers) {
        static Seen of(ConsumerRecord<byte[], byte[]> r) {
            Map<String, String> h = new HashMap<>();
            r.headers().forEach(x -> h.put(x.key(), Arrays.toString(x.value())));
            return new Seen(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), r.timestamp(),
                    r.value() == null ? null : Arrays.toString(r.value()), h);
        }
    }

    @Test
    void shouldExportAWindowAndImportItWithKeysTimestampsAndBytesReportingBadLines(KafkaCluster kafka) throws Exception {
        String source = "historyit.source";
        String target = "historyit.target";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(source, 3, (short) 1), new NewTopic(target, 2, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("origin", new byte[] {1, 2, (byte) 0xff});
            producer.send(new ProducerRecord<>(source, 0, T0.toEpochMilli(), utf8("a"), utf8("{\"title\":\"Дрони, «entrenamiento»\"}"), headers));
            producer.send(new ProducerRecord<>(source, 1, T0.plusSeconds(1).toEpochMilli(), utf8("b"), new byte[] {0, 4, (byte) 0xc3, (byte) 0x28, 7}));
            producer.send(new ProducerRecord<>(source, 2, T0.plusSeconds(2).toEpochMilli(), utf8("c"), (byte[]) null));
            producer.send(new ProducerRecord<>(source, 2, T0.plusSeconds(3).toEpochMilli(), utf8("d"), utf8("{\"n\":1.0E-5}")));
            producer.send(new ProducerRecord<>(source, 0, T0.minusSeconds(60).toEpochMilli(), utf8("early"), utf8("{}")));
            producer.send(new ProducerRecord<>(source, 1, T0.plusSeconds(3600).toEpochMilli(), utf8("late"), utf8("{}")));
        }
        List<Seen> window = read(kafka, source).stream().filter(s -> !s.key().equals("early") && !s.key().equals("late")).toList();
        assertThat(window).hasSize(4);

        NewswatchCliTest.Result export = NewswatchCliTest.run("export", "--bootstrap-servers", kafka.bootstrapServers(), "--topic", source, "--from", T0.toString(),
                "--to", T0.plusSeconds(60).toString());

        assertThat(export.code()).as(export.err()).isZero();
        List<String> lines = export.out().lines().toList();
        assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("{\"topic\":\"historyit.source\""));
        assertThat(export.err()).contains("4 records of historyit.source");

        List<String> withBad = new ArrayList<>(lines);
        withBad.add(1, "{\"topic\":\"historyit.source\",\"timestamp\":17");   // line 2: cut short
        withBad.add(3, "");                                                     // line 4: blank, ignored
        withBad.add("{\"topic\":\"historyit.source\",\"timestamp\":-5,\"key\":\"x\"}"); // line 7: a negative timestamp
        Path file = Files.write(dir.resolve("window.jsonl"), withBad, StandardCharsets.UTF_8);

        NewswatchCliTest.Result imported = NewswatchCliTest.run("import", file.toString(), "--topic", target, "--bootstrap-servers", kafka.bootstrapServers());

        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.out()).contains("imported 4 records, skipped 2 unreadable lines");
        assertThat(imported.err()).contains("window.jsonl: line 2: not JSON").contains("window.jsonl: line 7: 'timestamp'")
                .doesNotContain("line 4");
        assertThat(read(kafka, target)).containsExactlyInAnyOrderElementsOf(window);

        // a line for a topic the cluster lacks is reported too; a clean file exits 0
        Path other = Files.write(dir.resolve("other.jsonl"), List.of(lines.get(0).replace("historyit.source", "historyit.missing"),
                lines.get(3)), StandardCharsets.UTF_8);
        NewswatchCliTest.Result partly = NewswatchCliTest.run("import", other.toString(), "--bootstrap-servers", kafka.bootstrapServers());
        assertThat(partly.code()).isEqualTo(1);
        assertThat(partly.err()).contains("line 1: no topic 'historyit.missing'");
        Path clean = Files.write(dir.resolve("clean.jsonl"), lines.subList(0, 1), StandardCharsets.UTF_8);
        assertThat(NewswatchCliTest.run("import", clean.toString(), "--topic", target, "--bootstrap-servers", kafka.bootstrapServers()).code()).isZero();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Seen> read(KafkaCluster kafka, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        List<Seen> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(x -> new TopicPartition(topic, x.partition())).toList();
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            c.assign(parts);
            c.seekToBeginning(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(Seen.of(r)));
            }
        }
        return out;
    }
}
