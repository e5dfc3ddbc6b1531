package io.newswatch.alerts.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Delivery;
import io.newswatch.model.EntityMention;
import io.newswatch.model.FeedHealth;
import io.newswatch.model.Feedback;
import io.newswatch.model.Match;
import io.newswatch.model.RuleHit;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's history store on disk: paging, filters, stories, deliveries, day counts, offsets and pruning. */
class DeskStoreTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    static Alert alert(String id, String rule, String severity, String source, String lang, Instant raised, int version) {
        return new Alert(Alert.SCHEMA_VERSION, id, "story-" + id, rule, "v1", severity, "art-" + id, "Title " + id, "https://x.example/" + id, source,
                lang, null, List.of(), List.of(new EntityMention("cjng", "organisation", "CJNG", 1)), raised, version, raised, null, null, 1);
    }

    void put(DeskStore store, int partition, long offset, Alert a) throws Exception {
        try (DeskStore.Batch b = store.batch()) {
            b.alert(partition, offset, a);
            b.offset("alerts", partition, offset + 1);
            b.commit();
        }
    }

    @Test
    void shouldPageThroughEveryAlertNewestFirstWithFiltersAndCursors() throws Exception {
        try (DeskStore store = new DeskStore(dir)) {
            for (int i = 0; i < 250; i++) {
                put(store, i % 3, i, alert("a" + i, i % 2 == 0 ? "drone-training" : "cartel-recruitment", i % 5 == 0 ? "high" : "low",
                        i % 7 == 0 ? "Kyiv Wire" : "Wire", i % 4 == 0 ? "es" : "en", T.plusSeconds(i), 1));
            }
            List<String> all = new ArrayList<>();
            String cursor = null;
            do {
                DeskStore.Page p = store.page(new AlertQuery(null, null, null, null, null, null, null, null, cursor, 40));
                p.items().forEach(r -> all.add(r.alert().alertId()));
                cursor = p.next();
            } while (cursor != null);
            assertThat(all).hasSize(250).doesNotHaveDuplicates().startsWith("a249", "a248").endsWith("a0");

            DeskStore.Page high = store.page(new AlertQuery("drone-training", "HIGH", null, null, null, null, null, null, null, 1000));
            assertThat(high.items()).extracting(r -> r.alert().alertId()).hasSize(25).allMatch(id -> Integer.parseInt(id.substring(1)) % 10 == 0);
            assertThat(high.next()).isNull();
            assertThat(store.page(new AlertQuery(null, null, null, "kyiv wire", "es", null, null, null, null, 1000)).items())
                    .extracting(r -> r.alert().alertId()).allMatch(id -> Integer.parseInt(id.substring(1)) % 28 == 0).hasSize(9);
            assertThat(store.page(new AlertQuery(null, null, "CJNG", null, null, T.plusSeconds(10), T.plusSeconds(20), null, null, 1000)).items())
                    .extracting(r -> r.alert().alertId()).containsExactly("a19", "a18", "a17", "a16", "a15", "a14", "a13", "a12", "a11", "a10");
            assertThat(store.page(new AlertQuery(null, null, "other", null, null, null, null, null, null, 10)).items()).isEmpty();
            assertThatThrownBy(() -> store.page(new AlertQuery(null, null, null, null, null, null, null, null, "%%%", 10)))
                    .hasMessageContaining("cursor");
        }
    }

    @Test
    void shouldFilterByTriageAndKeepOneEntryPerAlertAcrossVersionsAndRestarts() throws Exception {
        try (DeskStore store = new DeskStore(dir)) {
            put(store, 0, 0, alert("a1", "drone-training", "high", "Wire", "en", T, 1));
            put(store, 1, 0, alert("a2", "drone-training", "high", "Wire", "en", T.plusSeconds(5), 1));
            put(store, 0, 1, alert("a1", "drone-training", "high", "Wire", "en", T, 2));
            try (DeskStore.Batch b = store.batch()) {
                b.feedback(Feedback.open(store.alert("a1")).apply(new Feedback.Action(Feedback.Kind.ACKNOWLEDGE, "ana", T.plusSeconds(60), null)));
                b.commit();
            }
        }
        try (DeskStore store = new DeskStore(dir)) {
            assertThat(store.offsets("alerts")).isEqualTo(Map.of(0, 2L, 1, 1L));
            assertThat(store.alert("a1").version()).isEqualTo(2);
            assertThat(store.page(AlertQuery.all(10)).items()).extracting(r -> r.alert().alertId()).containsExactly("a2", "a1");
            assertThat(store.page(new AlertQuery(null, null, null, null, null, null, null, Feedback.Status.ACKNOWLEDGED, null, 10)).items())
                    .extracting(r -> r.alert().alertId()).containsExactly("a1");
            assertThat(store.page(new AlertQuery(null, null, null, null, null, null, null, Feedback.Status.OPEN, null, 10)).items())
                    .extracting(r -> r.alert().alertId()).containsExactly("a2");
            List<Long> offsets = new ArrayList<>();
            store.events(0, 0, 10, (o, a) -> offsets.add(o * 10 + a.version()));
            assertThat(offsets).containsExactly(1L, 12L);
            // a new version counts once per day; a resurfaced story (new raisedAt) counts again
            assertThat(store.perRulePerDay(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02")))
                    .isEqualTo(Map.of("drone-training", Map.of(LocalDate.parse("2026-03-01"), 2L)));
        }
    }

    @Test
    void shouldShowAStorysArticlesAndEachDeliveryIncludingThoseInADigest() throws Exception {
        try (DeskStore store = new DeskStore(dir)) {
            Alert a = alert("a1", "drone-training", "high", "Wire", "en", T, 1);
            Article art = Article.builder("https://x.example/1").title("Drone school").text("Body").source("Wire").lang("en").fetchedAt(T).build();
            Article copy = Article.builder("https://y.example/1").title("Escuela de drones").text("Cuerpo").source("Diario").lang("es")
                    .fetchedAt(T.plusSeconds(9)).build();
            try (DeskStore.Batch b = store.batch()) {
                b.alert(0, 0, a);
                b.match(new Match(Match.SCHEMA_VERSION, art, List.of(new RuleHit("drone-training", "v1", 1, "high", List.of())), List.of(), null,
                        "story-a1", null, T));
                b.match(new Match(Match.SCHEMA_VERSION, copy, List.of(new RuleHit("drone-training", "v1", 1, "high", List.of())), List.of(), art.id(),
                        "story-a1", null, T.plusSeconds(9)));
                b.delivery(new Delivery(Delivery.SCHEMA_VERSION, "hook", a.deliveryId(), Delivery.Status.FAILED, 8, "HTTP 500", T, List.of(), List.of(a)));
                b.delivery(new Delivery(Delivery.SCHEMA_VERSION, "mail", "digest-p-1-abc", Delivery.Status.DELIVERED, 1, null, T, List.of(a.deliveryId()),
                        List.of()));
                b.delivery(new Delivery(Delivery.SCHEMA_VERSION, "hook", null, Delivery.Status.STARTED, 0, null, T, List.of(), List.of()));
                b.health(new FeedHealth(FeedHealth.SCHEMA_VERSION, "wire", "https://x.example/feed", T, T, 304, null, 10, 0, 4, 3, 0, T));
                b.commit();
            }
            DeskStore.Story s = store.story("story-a1");
            assertThat(s.alerts()).extracting(Alert::alertId).containsExactly("a1");
            assertThat(s.articles()).extracting(StoryArticle::source).containsExactly("Wire", "Diario");
            assertThat(s.articles().get(1).duplicateOf()).isEqualTo(art.id());
            assertThat(store.deliveries("a1")).extracting(d -> d.channel() + ":" + d.status()).containsExactlyInAnyOrder("hook:FAILED", "mail:DELIVERED");
            assertThat(store.deliveries("a1")).allMatch(d -> d.alerts().isEmpty());
            assertThat(store.feeds()).singleElement().satisfies(h -> assertThat(h.notModifiedRatio()).isEqualTo(0.75));
        }
    }

    @Test
    void shouldPruneAlertsTheTopicNoLongerRetains() throws Exception {
        try (DeskStore store = new DeskStore(dir)) {
            put(store, 0, 0, alert("old", "drone-training", "high", "Wire", "en", T.minusSeconds(86_400 * 400L), 1));
            put(store, 0, 1, alert("new", "drone-training", "high", "Wire", "en", T, 1));
            assertThat(store.prune(T.minusSeconds(86_400 * 365L), Map.of(0, 1L))).isEqualTo(1);
            assertThat(store.alert("old")).isNull();
            assertThat(store.page(AlertQuery.all(10)).items()).extracting(r -> r.alert().alertId()).containsExactly("new");
            List<Long> offsets = new ArrayList<>();
            store.events(0, 0, 10, (o, a) -> offsets.add(o));
            assertThat(offsets).containsExactly(1L);
        }
    }

    @Test
    void shouldFilterShadowRulesAlerts() throws Exception {
        try (DeskStore store = new DeskStore(dir)) {
            Alert live = alert("live", "drone-training", "high", "Wire", "en", T, 1);
            Alert s = alert("trial", "trial", "high", "Wire", "en", T.plusSeconds(1), 1);
            Alert trial = new Alert(s.schemaVersion(), s.alertId(), s.storyId(), s.ruleId(), s.ruleVersion(), s.severity(), s.articleId(), s.title(),
                    s.url(), s.source(), s.lang(), s.publishedAt(), s.snippets(), s.entities(), s.raisedAt(), s.version(), s.updatedAt(),
                    s.outlets(), s.languages(), s.articles(), true);
            put(store, 0, 0, live);
            put(store, 0, 1, trial);

            assertThat(store.page(new AlertQuery(null, null, null, null, null, null, null, null, true, null, 10)).items())
                    .extracting(r -> r.alert().alertId(), r -> r.alert().shadow()).containsExactly(org.assertj.core.groups.Tuple.tuple("trial", true));
            assertThat(store.page(new AlertQuery(null, null, null, null, null, null, null, null, false, null, 10)).items())
                    .extracting(r -> r.alert().alertId()).containsExactly("live");
            assertThat(store.page(AlertQuery.all(10)).items()).hasSize(2);
        }
    }
}
