package io.newswatch.alerts.desk;

import io.newswatch.model.Alert;
import io.newswatch.model.Delivery;
import io.newswatch.model.FeedHealth;
import io.newswatch.model.Feedback;
import io.newswatch.model.Match;
import io.newswatch.model.topic.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The desk's history: every retained alert, the articles of their stories, triage, delivery outcomes and feed
 * health, in an embedded RocksDB under the alert service's state directory. It is an index of topics, written
 * only by {@link DeskIndexer} together with the topic offsets it has read (one atomic batch per poll), so a restart
 * resumes where it stopped and a lost directory is rebuilt from the topics.
 *
 * <p>Keys, one byte of kind then:
 * <pre>
 *  A alertId                       → the alert (latest version, JSON)
 *  T (MAX - raisedAt ms) alertId   → ""                  newest-first time index: paging
 *  E partition offset              → the alert version at that offset of the alerts topic: SSE resumption
 *  Y storyId 0 alertId             → ""                  the alerts of a story
 *  S storyId 0 articleId           → {@link StoryArticle}
 *  F alertId                       → {@link Feedback}
 *  D alertId 0 deliveryId 0 channel → {@link Delivery} (without its alert copies)
 *  H feedId                        → {@link FeedHealth}
 *  C yyyy-MM-dd 0 ruleId           → alerts raised that day (8 bytes)
 *  O topic 0 partition             → next offset to read
 * </pre>
 *
 * <p>Bounds: heap use is fixed (a 16 MB block cache and two 8 MB write buffers, off-heap); disk holds about what
 * the topics retain, and {@link #prune} drops what has left them. Reads are thread-safe; one thread writes.
 */
public final class DeskStore implements AutoCloseable {
    static final int MAX_SCAN = 200_000;

    static {
        RocksDB.loadLibrary();
    }

    private final Options options;
    private final LRUCache cache;
    private final RocksDB db;
    private final WriteOptions sync = new WriteOptions();

    /** Opens (or creates) the store in {@code dir}. */
    public DeskStore(Path dir) {
        try {
            Files.createDirectories(dir);
            cache = new LRUCache(16L << 20);
            options = new Options().setCreateIfMissing(true).setWriteBufferSize(8L << 20).setMaxWriteBufferNumber(2).setMaxOpenFiles(256)
                    .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
            db = RocksDB.open(options, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the desk store directory " + dir, e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open the desk store in " + dir + " (is another alerts service using it?): " + e.getMessage(), e);
        }
    }

    // ---- reads ----

    /** The stored next offset of each partition of {@code topic}. */
    public Map<Integer, Long> offsets(String topic) {
        Map<Integer, Long> out = new TreeMap<>();
        scan(key('O', topic + "\0"), (k, v) -> out.put(ByteBuffer.wrap(k, k.length - 4, 4).getInt(), ByteBuffer.wrap(v).getLong()));
        return out;
    }

    public Alert alert(String alertId) {
        return read(key('A', alertId), Alert.class);
    }

    public Feedback feedback(String alertId) {
        return read(key('F', alertId), Feedback.class);
    }

    /** One page of alerts matching {@code q}, newest raised first. */
    public Page page(AlertQuery q) {
        byte[] prefix = {'T'};
        byte[] start = q.cursor() == null ? prefix : concat(prefix, decodeCursor(q.cursor()));
        if (q.until() != null && q.cursor() == null) {
            start = concat(prefix, timeKey(q.until().minusMillis(1), ""));
        }
        List<Row> rows = new ArrayList<>();
        String next = null;
        int scanned = 0;
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(start); it.isValid() && it.key()[0] == 'T'; it.next()) {
                byte[] k = it.key();
                if (q.cursor() != null && Arrays.equals(k, start)) {
                    continue;
                }
                long raised = Long.MAX_VALUE - ByteBuffer.wrap(k, 1, 8).getLong();
                if (q.since() != null && raised < q.since().toEpochMilli()) {
                    break;
                }
                if (++scanned > MAX_SCAN) {
                    next = encodeCursor(k); // the rest on the next page: a request never scans without bound
                    break;
                }
                String id = new String(k, 9, k.length - 9, StandardCharsets.UTF_8);
                Alert a = alert(id);
                if (a == null) {
                    continue;
                }
                Feedback f = feedback(id);
                if (q.matches(a, f == null ? Feedback.Status.OPEN : f.status())) {
                    rows.add(new Row(a, f));
                    if (rows.size() == q.limit()) {
                        it.next();
                        next = it.isValid() && it.key()[0] == 'T' ? encodeCursor(k) : null;
                        break;
                    }
                }
            }
        }
        return new Page(rows, next);
    }

    /** The alerts of a story, newest first, and its matched articles in the order they matched. */
    public Story story(String storyId) {
        List<Alert> alerts = new ArrayList<>();
        scan(key('Y', storyId + "\0"), (k, v) -> {
            Alert a = alert(new String(k, storyId.length() + 2, k.length - storyId.length() - 2, StandardCharsets.UTF_8));
            if (a != null) {
                alerts.add(a);
            }
        });
        alerts.sort((x, y) -> y.updatedAt() == null || x.updatedAt() == null ? 0 : y.updatedAt().compareTo(x.updatedAt()));
        List<StoryArticle> articles = new ArrayList<>();
        scan(key('S', storyId + "\0"), (k, v) -> articles.add(readJson(v, StoryArticle.class)));
        articles.sort((x, y) -> x.matchedAt() == null || y.matchedAt() == null ? 0 : x.matchedAt().compareTo(y.matchedAt()));
        return new Story(storyId, alerts, articles);
    }

    /** What the delivery ledger says of each version of {@code alertId}, per channel. */
    public List<Delivery> deliveries(String alertId) {
        List<Delivery> out = new ArrayList<>();
        scan(key('D', alertId + "\0"), (k, v) -> out.add(readJson(v, Delivery.class)));
        return out;
    }

    /** Feedback updated at or after {@code since} (all when {@code null}), up to {@code limit}, in alert id order. */
    public List<Feedback> feedbackSince(Instant since, int limit) {
        List<Feedback> out = new ArrayList<>();
        scan(new byte[] {'F'}, (k, v) -> {
            Feedback f = readJson(v, Feedback.class);
            if (out.size() < limit && (since == null || (f.updatedAt() != null && !f.updatedAt().isBefore(since)))) {
                out.add(f);
            }
        });
        return out;
    }

    /** The latest health of every feed, by feed id. */
    public List<FeedHealth> feeds() {
        List<FeedHealth> out = new ArrayList<>();
        scan(new byte[] {'H'}, (k, v) -> out.add(readJson(v, FeedHealth.class)));
        return out;
    }

    /** Alerts raised per rule per UTC day from {@code from} to {@code to} inclusive: rule → day → count. */
    public Map<String, Map<LocalDate, Long>> perRulePerDay(LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, Long>> out = new TreeMap<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(key('C', from.toString())); it.isValid() && it.key()[0] == 'C'; it.next()) {
                String k = new String(it.key(), 1, it.key().length - 1, StandardCharsets.UTF_8);
                LocalDate day = LocalDate.parse(k.substring(0, 10));
                if (day.isAfter(to)) {
                    break;
                }
                out.computeIfAbsent(k.substring(11), r -> new TreeMap<>()).put(day, ByteBuffer.wrap(it.value()).getLong());
            }
        }
        return out;
    }

    /** The alert versions at offsets {@code [from, to)} of {@code partition} of the alerts topic, in offset order. */
    public void events(int partition, long from, long to, BiConsumer<Long, Alert> each) {
        byte[] prefix = ByteBuffer.allocate(5).put((byte) 'E').putInt(partition).array();
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(ByteBuffer.allocate(13).put(prefix).putLong(from).array()); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                long offset = ByteBuffer.wrap(it.key(), 5, 8).getLong();
                if (offset >= to) {
                    break;
                }
                each.accept(offset, readJson(it.value(), Alert.class));
            }
        }
    }

    // ---- writes ----

    /** A set of changes applied atomically by {@link #commit}; the single writer's. */
    public Batch batch() {
        return new Batch();
    }

    /** Changes written together with the offsets they came from. Not thread-safe. */
    public final class Batch implements AutoCloseable {
        private final WriteBatch wb = new WriteBatch();
        private final Map<String, Alert> alerts = new HashMap<>();
        private final Map<String, Long> counts = new HashMap<>();

        /** An alert version read at {@code offset} of {@code partition}; returns true when it is a new alert (not an update). */
        public boolean alert(int partition, long offset, Alert a) throws RocksDBException {
            Alert before = alerts.containsKey(a.alertId()) ? alerts.get(a.alertId()) : DeskStore.this.alert(a.alertId());
            byte[] json = writeJson(a);
            boolean fresh = before == null || !sameInstant(before.raisedAt(), a.raisedAt());
            if (before != null && fresh) {
                wb.delete(concat(new byte[] {'T'}, timeKey(before.raisedAt(), before.alertId())));
            }
            if (before != null && before.storyId() != null && !before.storyId().equals(a.storyId())) {
                wb.delete(key('Y', before.storyId() + "\0" + a.alertId()));
            }
            wb.put(key('A', a.alertId()), json);
            wb.put(concat(new byte[] {'T'}, timeKey(a.raisedAt(), a.alertId())), new byte[0]);
            wb.put(ByteBuffer.allocate(13).put((byte) 'E').putInt(partition).putLong(offset).array(), json);
            if (a.storyId() != null) {
                wb.put(key('Y', a.storyId() + "\0" + a.alertId()), new byte[0]);
            }
            if (fresh) {
                String day = LocalDate.ofInstant(a.raisedAt() == null ? Instant.EPOCH : a.raisedAt(), ZoneOffset.UTC) + "\0" + a.ruleId();
                long n = counts.containsKey(day) ? counts.get(day) : count(day);
                counts.put(day, n + 1);
                wb.put(key('C', day), ByteBuffer.allocate(8).putLong(n + 1).array());
            }
            alerts.put(a.alertId(), a);
            return fresh;
        }

        public void match(Match m) throws RocksDBException {
            String story = m.storyId() != null ? m.storyId() : m.articleId();
            wb.put(key('S', story + "\0" + m.articleId()), writeJson(StoryArticle.of(m)));
        }

        public void feedback(Feedback f) throws RocksDBException {
            wb.put(key('F', f.alertId()), writeJson(f));
        }

        /** A ledger record; a digest's outcome is filed under each alert version it covered. */
        public void delivery(Delivery d) throws RocksDBException {
            if (d.status() == Delivery.Status.STARTED) {
                return;
            }
            Delivery slim = new Delivery(d.schemaVersion(), d.channel(), d.deliveryId(), d.status(), d.attempts(), d.cause(), d.at(), List.of(),
                    List.of());
            List<String> ids = d.covers().isEmpty() ? List.of(d.deliveryId()) : d.covers();
            if (d.status() == Delivery.Status.FAILED && !d.alerts().isEmpty() && d.covers().isEmpty()) {
                ids = d.alerts().stream().map(Alert::deliveryId).toList();
            }
            for (String id : ids) {
                int dash = id.indexOf('-');
                if (dash > 0) {
                    wb.put(key('D', id.substring(0, dash) + "\0" + id + "\0" + d.channel()), writeJson(slim));
                }
            }
        }

        public void health(FeedHealth h) throws RocksDBException {
            wb.put(key('H', h.feedId()), writeJson(h));
        }

        /** Records that {@code topic}'s {@code partition} has been read up to {@code next} (exclusive). */
        public void offset(String topic, int partition, long next) throws RocksDBException {
            wb.put(offsetKey(topic, partition), ByteBuffer.allocate(8).putLong(next).array());
        }

        public void commit() throws RocksDBException {
            db.write(sync, wb);
        }

        @Override
        public void close() {
            wb.close();
        }
    }

    /**
     * Drops alerts raised before {@code cutoff} (with their stories' entries, triage, deliveries and day counts),
     * and the alert versions below each partition's first retained offset.
     */
    public int prune(Instant cutoff, Map<Integer, Long> firstRetained) throws RocksDBException {
        int n = 0;
        try (WriteBatch wb = new WriteBatch(); RocksIterator it = db.newIterator()) {
            for (it.seek(concat(new byte[] {'T'}, timeKey(cutoff, ""))); it.isValid() && it.key()[0] == 'T'; it.next()) {
                byte[] k = it.key();
                String id = new String(k, 9, k.length - 9, StandardCharsets.UTF_8);
                Alert a = alert(id);
                wb.delete(k);
                if (a != null && sameInstant(Instant.ofEpochMilli(Long.MAX_VALUE - ByteBuffer.wrap(k, 1, 8).getLong()), a.raisedAt())) {
                    wb.delete(key('A', id));
                    wb.delete(key('F', id));
                    deleteRange(wb, key('D', id + "\0"));
                    if (a.storyId() != null) {
                        wb.delete(key('Y', a.storyId() + "\0" + id));
                        deleteRange(wb, key('S', a.storyId() + "\0"));
                    }
                }
                n++;
            }
            wb.deleteRange(key('C', ""), key('C', LocalDate.ofInstant(cutoff, ZoneOffset.UTC).toString()));
            for (var e : firstRetained.entrySet()) {
                wb.deleteRange(ByteBuffer.allocate(13).put((byte) 'E').putInt(e.getKey()).putLong(0).array(),
                        ByteBuffer.allocate(13).put((byte) 'E').putInt(e.getKey()).putLong(e.getValue()).array());
            }
            db.write(sync, wb);
        }
        return n;
    }

    private void deleteRange(WriteBatch wb, byte[] prefix) throws RocksDBException {
        byte[] end = prefix.clone();
        end[end.length - 1]++;
        wb.deleteRange(prefix, end);
    }

    @Override
    public void close() {
        db.close();
        options.close();
        cache.close();
        sync.close();
    }

    // ---- encoding ----

    /** A page of rows and the cursor of the next page ({@code null} when this is the last). */
    public record Page(List<Row> items, String next) {
    }

    /** An alert with its triage ({@code null} when untouched). */
    public record Row(Alert alert, Feedback feedback) {
    }

    /** A story as the desk shows it. */
    public record Story(String storyId, List<Alert> alerts, List<StoryArticle> articles) {
    }

    private long count(String day) {
        try {
            byte[] v = db.get(key('C', day));
            return v == null ? 0 : ByteBuffer.wrap(v).getLong();
        } catch (RocksDBException e) {
            throw new IllegalStateException("desk store read failed: " + e.getMessage(), e);
        }
    }

    private <T> T read(byte[] k, Class<T> type) {
        try {
            byte[] v = db.get(k);
            return v == null ? null : readJson(v, type);
        } catch (RocksDBException e) {
            throw new IllegalStateException("desk store read failed: " + e.getMessage(), e);
        }
    }

    private void scan(byte[] prefix, BiConsumer<byte[], byte[]> each) {
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                each.accept(it.key(), it.value());
            }
        }
    }

    private static boolean sameInstant(Instant a, Instant b) {
        return a == null ? b == null : a.equals(b);
    }

    private static byte[] offsetKey(String topic, int partition) {
        byte[] t = (topic + "\0").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + t.length + 4).put((byte) 'O').put(t).putInt(partition).array();
    }

    static byte[] timeKey(Instant raisedAt, String alertId) {
        long ms = raisedAt == null ? 0 : raisedAt.toEpochMilli();
        byte[] id = alertId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + id.length).putLong(Long.MAX_VALUE - ms).put(id).array();
    }

    private static byte[] key(char kind, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + b.length).put((byte) kind).put(b).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean startsWith(byte[] k, byte[] prefix) {
        return k.length >= prefix.length && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String encodeCursor(byte[] timeIndexKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(timeIndexKey, 1, timeIndexKey.length));
    }

    private static byte[] decodeCursor(String cursor) {
        try {
            byte[] b = Base64.getUrlDecoder().decode(cursor);
            if (b.length < 9 || b.length > 200) {
                throw new IllegalArgumentException();
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this service returned as next");
        }
    }

    static <T> T readJson(byte[] bytes, Class<T> type) {
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException("desk store holds an unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static byte[] writeJson(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
